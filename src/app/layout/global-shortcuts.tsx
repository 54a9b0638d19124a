import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useMatch, useNavigate } from 'react-router';
import { conversationQueries } from '../../api/conversations';
import { useAccount } from '../../lib/account-context';
import { type ComposeTarget, type DialogName, onOpenDialog, openDialog } from '../../lib/app-events';
import { paths } from '../../lib/paths';
import { useTypeAhead } from './use-type-ahead';

// The dialogs load on first use, or ahead of it once the first screen is done: the first screen does not need them.
const quickSwitcher = () => import('../../features/quick-switcher/quick-switcher');
const shortcutsHelp = () => import('../../features/shortcuts/shortcuts-help');
const composeDialog = () => import('../../features/compose/compose-dialog');
const newConversationDialog = () => import('../../features/new-conversation/new-conversation-dialog');
export const preloadDialogs = [quickSwitcher, composeDialog, newConversationDialog, shortcutsHelp];

const QuickSwitcher = lazy(() => quickSwitcher().then((m) => ({ default: m.QuickSwitcher })));
const ShortcutsHelp = lazy(() => shortcutsHelp().then((m) => ({ default: m.ShortcutsHelp })));
const ComposeDialog = lazy(() => composeDialog().then((m) => ({ default: m.ComposeDialog })));
const NewConversationDialog = lazy(() => newConversationDialog().then((m) => ({ default: m.NewConversationDialog })));

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

const keys: Record<string, DialogName> = { '?': 'shortcuts', c: 'compose', n: 'new-conversation' };

/** The keyboard map of the app (see the shortcuts help) and the dialogs it opens. */
export function GlobalShortcuts() {
  const { accountId } = useAccount();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const current = useMatch('/a/:accountId/c/:conversationId/*')?.params.conversationId;
  const [open, setOpen] = useState<DialogName | null>(null);
  const [used, setUsed] = useState<Set<DialogName>>(new Set());
  const [composeTo, setComposeTo] = useState<ComposeTarget | null>(null);
  const [groupOf, setGroupOf] = useState<string[]>([]);
  const keepTypedAhead = useTypeAhead();

  useEffect(() => {
    const names: DialogName[] = ['shortcuts', 'quick-switcher', 'compose', 'new-conversation'];
    const stops = names.map((name) =>
      onOpenDialog(name, (detail) => {
        if (name === 'compose') setComposeTo(detail && 'kind' in detail ? detail : null);
        if (name === 'new-conversation') setGroupOf(detail && 'people' in detail ? detail.people : []);
        if (name !== 'shortcuts') keepTypedAhead();
        setUsed((u) => new Set(u).add(name));
        setOpen(name);
      }),
    );
    return () => stops.forEach((stop) => stop());
  }, [keepTypedAhead]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openDialog('quick-switcher');
        return;
      }
      if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
        const pages = queryClient.getQueryData(conversationQueries.list(accountId).queryKey)?.pages ?? [];
        const ids = pages.flatMap((page) => page.data ?? []).map((c) => c.id!);
        if (ids.length === 0) return;
        event.preventDefault();
        const index = current ? ids.indexOf(current) : -1;
        const next = event.key === 'ArrowUp' ? Math.max(0, index - 1) : Math.min(ids.length - 1, index + 1);
        navigate(paths.conversation(accountId, ids[next]!));
        return;
      }
      if (
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        isTyping(event.target) ||
        document.querySelector('[role="dialog"]')
      )
        return;
      const dialog = keys[event.key];
      if (dialog) {
        event.preventDefault();
        openDialog(dialog);
      } else if (event.key === '/') {
        const filter = document.getElementById('conversation-filter');
        if (filter) {
          event.preventDefault();
          filter.focus();
        }
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [accountId, current, navigate, queryClient]);

  const change = (name: DialogName) => (next: boolean) => setOpen(next ? name : null);
  return (
    <Suspense fallback={null}>
      {used.has('quick-switcher') ? (
        <QuickSwitcher open={open === 'quick-switcher'} onOpenChange={change('quick-switcher')} />
      ) : null}
      {used.has('shortcuts') ? <ShortcutsHelp open={open === 'shortcuts'} onOpenChange={change('shortcuts')} /> : null}
      {used.has('compose') ? (
        <ComposeDialog
          key={composeTo?.id ?? 'anyone'}
          open={open === 'compose'}
          onOpenChange={change('compose')}
          initialRecipient={composeTo}
        />
      ) : null}
      {used.has('new-conversation') ? (
        <NewConversationDialog
          key={groupOf.join(',')}
          open={open === 'new-conversation'}
          onOpenChange={change('new-conversation')}
          initialPeople={groupOf}
        />
      ) : null}
    </Suspense>
  );
}
