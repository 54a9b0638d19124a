import { Button } from '../../components/ui/button';

export interface FooterState {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  /** What went wrong loading the next page, or null. */
  nextPageError: string | null;
  filtering: boolean;
  onLoadMore: () => void;
}

/** The end of the list: a button to load more (for keyboards; scrolling loads by itself), a load error, or the end. */
export function ListFooter({ state }: { state: FooterState }) {
  if (state.nextPageError) {
    return (
      <div
        role="alert"
        className="flex flex-col items-center gap-2 px-4 py-4 text-center text-[13px] text-neutral-600 dark:text-neutral-400"
      >
        <p>Could not load more conversations. {state.nextPageError}</p>
        <Button size="sm" onClick={state.onLoadMore}>
          Retry
        </Button>
      </div>
    );
  }
  if (state.hasNextPage) {
    // aria-disabled rather than disabled, so a keyboard user's focus stays on the button while it loads.
    return (
      <div className="px-3 py-3">
        <Button
          variant="ghost"
          size="sm"
          className="w-full text-neutral-600 dark:text-neutral-300"
          aria-disabled={state.isFetchingNextPage}
          onClick={() => {
            if (!state.isFetchingNextPage) state.onLoadMore();
          }}
        >
          {state.isFetchingNextPage ? 'Loading more…' : 'Load more'}
        </Button>
      </div>
    );
  }
  return (
    <p className="px-4 pt-3 pb-5 text-center text-[13px] text-neutral-500 dark:text-neutral-400">
      {state.filtering ? 'No more matches' : 'You’re all caught up'}
    </p>
  );
}
