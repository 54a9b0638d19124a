import { Button } from '../../components/ui/button';
import { dayLabel } from '../../lib/format-time';
import type { DateJump } from './use-jump-to-date';

const count = new Intl.NumberFormat();

/** Above the messages while a jump to a day loads older pages (with Cancel), or says how it ended. */
export function DateJumpStatus({
  jump,
  onCancel,
  onRetry,
}: {
  jump: DateJump | null;
  onCancel: () => void;
  onRetry: (day: Date) => void;
}) {
  if (!jump) return null;
  const day = dayLabel(jump.day.toISOString());
  const percent =
    jump.state === 'loading' && jump.progress.fraction !== null ? Math.round(jump.progress.fraction * 100) : null;
  return (
    <div
      role="status"
      className="flex shrink-0 items-center gap-3 border-b border-neutral-200 bg-neutral-50 px-3 py-1.5 text-[13px] dark:border-neutral-800 dark:bg-neutral-900"
    >
      {jump.state === 'loading' ? (
        <>
          <span>
            Loading messages back to {day}
            {jump.progress.loaded > 0 ? ` · ${count.format(jump.progress.loaded)} loaded` : '…'}
          </span>
          <div
            role="progressbar"
            aria-label={`Loading messages back to ${day}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent ?? undefined}
            className="h-1.5 min-w-16 flex-1 overflow-hidden rounded-full bg-neutral-200 dark:bg-neutral-800"
          >
            <div className="h-full rounded-full bg-accent-500" style={{ width: `${percent ?? 8}%` }} />
          </div>
          <Button size="sm" onClick={onCancel}>
            Cancel
          </Button>
        </>
      ) : jump.state === 'failed' ? (
        <>
          <span className="flex-1">
            Could not load the messages back to {day}: {jump.message}
          </span>
          <Button size="sm" onClick={() => onRetry(jump.day)}>
            Retry
          </Button>
        </>
      ) : (
        <>
          <span className="flex-1">Nothing was written on {day} or since: here is the latest.</span>
          <Button size="sm" onClick={onCancel}>
            OK
          </Button>
        </>
      )}
    </div>
  );
}
