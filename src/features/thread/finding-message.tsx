import type { SeekProgress } from '../../api/messages';
import { SkeletonRows } from '../../components/ui/states';

const count = new Intl.NumberFormat();

/** While a permalink's older pages load: how far back the search has come, then the rows to come. */
export function FindingMessage({ progress }: { progress: SeekProgress | null }) {
  const percent =
    progress?.fraction === null || progress?.fraction === undefined ? null : Math.round(progress.fraction * 100);
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex items-center gap-3 px-4 pt-3 text-[13px] text-neutral-600 dark:text-neutral-400">
        <span>
          Finding the message
          {progress && progress.loaded > 0 ? ` · ${count.format(progress.loaded)} messages back` : '…'}
        </span>
        <div
          role="progressbar"
          aria-label="Finding the message"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
          aria-valuetext={progress ? `${count.format(progress.loaded)} messages loaded` : undefined}
          className="h-1.5 flex-1 overflow-hidden rounded-full bg-neutral-200 dark:bg-neutral-800"
        >
          <div
            className="h-full rounded-full bg-accent-500 transition-[width] duration-150"
            style={{ width: `${percent ?? 8}%` }}
          />
        </div>
      </div>
      <SkeletonRows rows={10} label="Finding the message" />
    </div>
  );
}
