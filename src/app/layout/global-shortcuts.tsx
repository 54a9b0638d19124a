import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useMatch, useNavigate } from 'react-router';
import { conversationQueries } from '../../api/conversations';
import { useAccount } from '../../lib/account-context';
import { paths } from '../../lib/paths';
import { onOpenDialog, openQuickSwitcher, openShortcutsHelp } from './shortcut-events';

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

// The dialogs load on first use: the first screen does not need them.
const QuickSwitcher = lazy(() => import('../../features/quick-switcher/quick-switcher').then((m) => ({ default: m.QuickSwitcher })));
const ShortcutsHelp = lazy(() => import('../../features/shortcuts/shortcuts-help').then((m) => ({ default: m.ShortcutsHelp })));

/** The keyboard map of the app (see the shortcuts help) and the dialogs it opens. */
export function GlobalShortcuts() {
  const { accountId } = useAccount();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const current = useMatch('/a/:accountId/c/:conversationId/*')?.params.conversationId;
  const [switcher, setSwitcher] = useState(false);
  const [help, setHelp] = useState(false);

  useEffect(() => onOpenDialog('quick-switcher', () => setSwitcher(true)), []);
  useEffect(() => onOpenDialog('shortcuts', () => setHelp(true)), []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openQuickSwitcher();
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
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === '?') {
        event.preventDefault();
        openShortcutsHelp();
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

  const [used, setUsed] = useState({ switcher: false, help: false });
  useEffect(() => {
    if (switcher || help) setUsed((u) => ({ switcher: u.switcher || switcher, help: u.help || help }));
  }, [switcher, help]);

  return (
    <Suspense fallback={null}>
      {used.switcher || switcher ? <QuickSwitcher open={switcher} onOpenChange={setSwitcher} /> : null}
      {used.help || help ? <ShortcutsHelp open={help} onOpenChange={setHelp} /> : null}
    </Suspense>
  );
}
