import { Button } from '../../components/ui/button';
import { formatSize } from '../../lib/format-size';
import type { useZipDownload } from './use-zip-download';

/** How a zip of several files is coming along (with Cancel), why it failed (with Retry), or that it was saved. */
export function ZipStatus({ zip }: { zip: ReturnType<typeof useZipDownload> }) {
  const { state } = zip;
  if (state.status === 'idle') return null;
  if (state.status === 'running') {
    const { filesDone, files, bytes, totalBytes } = state.progress;
    return (
      <div className="flex items-center gap-2 text-[12px] text-neutral-600 dark:text-neutral-300">
        <progress
          aria-label="Zipping files"
          value={totalBytes ? Math.min(bytes, totalBytes) : undefined}
          max={totalBytes ?? undefined}
          className="h-1.5 w-20 shrink-0 overflow-hidden rounded-full accent-accent-600 [&::-webkit-progress-bar]:bg-neutral-200 [&::-webkit-progress-value]:bg-accent-600 dark:[&::-webkit-progress-bar]:bg-neutral-700"
        />
        <span role="status" className="flex-1 truncate tabular-nums">
          {filesDone} of {files} files · {formatSize(bytes)}
          {totalBytes ? ` of ${formatSize(totalBytes)}` : ''}
        </span>
        <Button size="sm" variant="ghost" onClick={zip.cancel} aria-label="Cancel the zip">
          Cancel
        </Button>
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <div className="flex flex-col gap-1.5 rounded-md border border-red-200 bg-red-50 p-2 text-[12px] dark:border-red-900 dark:bg-red-950/40">
        <p role="alert" className="text-red-800 dark:text-red-300">
          {state.fileName ? `Could not add ${state.fileName} to the zip: ` : 'Could not make the zip: '}
          {state.message} Nothing was saved.
        </p>
        <div className="flex gap-2">
          <Button size="sm" variant="secondary" onClick={zip.retry}>
            Retry
          </Button>
          {state.fileName ? (
            <Button size="sm" variant="secondary" onClick={zip.leaveOut}>
              Zip the rest without it
            </Button>
          ) : null}
          <Button size="sm" variant="ghost" onClick={zip.dismiss}>
            Dismiss
          </Button>
        </div>
      </div>
    );
  }
  return (
    <p role="status" className="text-[12px] text-neutral-600 dark:text-neutral-300">
      Saved {state.zipName} ({state.files} {state.files === 1 ? 'file' : 'files'}).
    </p>
  );
}
