import type { ReactNode } from 'react';
import { Skeleton } from '../../components/ui/states';
import { ListLoadingFrame } from '../../features/conversations/list-frame';
import { cn } from '../../lib/cn';
import { NoConversation } from '../routes/no-conversation';

/*
 * The inbox's frame (rail, main area, list and conversation panes) without the router or any data: the loaded screens
 * draw themselves in it, and the first paint draws it with placeholders, so nothing moves when they take over.
 */

/** The whole window: the rail (a top bar on narrow screens) beside, or over, the page. */
export function InboxFrame({ rail, notice, children }: { rail: ReactNode; notice?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex h-full flex-col md:flex-row">
      {rail}
      {notice}
      <main className="flex min-h-0 min-w-0 flex-1">{children}</main>
    </div>
  );
}

/** The rail's bar; the account tile comes first, with the same box in the placeholder as in the real rail. */
export function RailFrame({ children }: { children: ReactNode }) {
  return (
    <nav
      aria-label="Main"
      className="flex shrink-0 items-center gap-1 border-b border-neutral-200 bg-neutral-100 px-2 py-1.5 md:w-20 md:flex-col md:border-r md:border-b-0 md:px-1.5 md:py-3 dark:border-neutral-800 dark:bg-neutral-900"
    >
      {children}
    </nav>
  );
}

/** The conversation list beside the open conversation; on narrow screens, one of the two at a time. */
export function ConversationPanes({ selected, list, pane }: { selected: boolean; list: ReactNode; pane: ReactNode }) {
  return (
    <div className="flex min-h-0 min-w-0 flex-1">
      <div className={cn('min-h-0 w-full shrink-0 md:flex md:w-80', selected ? 'hidden' : 'flex')}>{list}</div>
      <div className={cn('min-h-0 min-w-0 flex-1', selected ? 'flex' : 'hidden md:flex')}>{pane}</div>
    </div>
  );
}

/** What the page at this address shows before its data: the list's frame on the conversation pages, else nothing. */
export function PagePlaceholder({ pathname }: { pathname: string }) {
  const path = pathname.replace(/\/+$/, '');
  const conversation = /^\/a\/[^/]+\/c\/[^/]+/.test(path);
  if (!conversation && path !== '' && !/^\/a\/[^/]+$/.test(path)) return null;
  return (
    <ConversationPanes
      selected={conversation}
      list={<ListLoadingFrame />}
      pane={conversation ? null : <NoConversation />}
    />
  );
}

/** The first paint, before the app's code and the session are in: the frame, with placeholders where data goes. */
export function InboxShell({ pathname = window.location.pathname }: { pathname?: string }) {
  return (
    <InboxFrame
      rail={
        <RailFrame>
          <div className="flex p-1 md:w-full md:flex-col md:items-center md:gap-1">
            <Skeleton className="h-9 w-9 rounded-lg" />
          </div>
        </RailFrame>
      }
    >
      <PagePlaceholder pathname={pathname} />
    </InboxFrame>
  );
}
