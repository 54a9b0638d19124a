import type { ReactNode, Ref } from 'react';
import { SkeletonRows } from '../../components/ui/states';
import { ConversationFilterBar } from './conversation-filter-bar';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
const ignore = () => {};

/** The conversation list's column: its landmark, heading and shortcut hint, the same before and after the data. */
export function ListFrame({ ref, children }: { ref?: Ref<HTMLElement>; children: ReactNode }) {
  return (
    <nav
      ref={ref}
      aria-label="Conversations"
      className="flex min-h-0 w-full flex-col border-neutral-200 bg-neutral-50 md:border-r dark:border-neutral-800 dark:bg-neutral-900/40"
    >
      <div className="flex items-baseline justify-between px-3 pt-3 pb-2">
        <h1 className="text-[15px] font-semibold">Conversations</h1>
        <span className="hidden text-[12px] text-neutral-500 md:inline dark:text-neutral-400">
          <kbd className="font-sans">{isMac ? '⌘K' : 'Ctrl K'}</kbd> to jump
        </span>
      </div>
      {children}
    </nav>
  );
}

/**
 * The list as the first paint shows it, before the app's code and its first page have arrived: the same frame, filter
 * box and chips (inert until the list itself replaces them) and placeholder rows where the list puts its own.
 */
export function ListLoadingFrame() {
  return (
    <ListFrame>
      <div inert>
        <ConversationFilterBar
          query=""
          onQueryChange={ignore}
          chip="all"
          onChipChange={ignore}
          unreadCount={0}
          onLeaveDown={ignore}
        />
      </div>
      <SkeletonRows label="Loading conversations" rows={10} />
    </ListFrame>
  );
}
