import { Button } from '../../components/ui/button';
import { CloseIcon, DownloadIcon } from '../../components/ui/icons';
import { formatSize } from '../../lib/format-size';
import { cancelDownload, startDownload, type DownloadRequest, type DownloadState } from './downloads';

/** The Download button, or the progress (bytes of total) with Cancel while the file comes, or the error with Retry. */
export function DownloadControl({ request, state }: { request: DownloadRequest; state: DownloadState }) {
  if (state.status === 'running') {
    return (
      <Button
        size="sm"
        variant="ghost"
        onClick={() => cancelDownload(request)}
        aria-label={`Cancel download of ${request.fileName}`}
      >
        <CloseIcon size={14} />
        Cancel
      </Button>
    );
  }
  return (
    <Button
      size="sm"
      variant="ghost"
      onClick={() => void startDownload(request)}
      aria-label={`${state.status === 'error' ? 'Retry download of' : 'Download'} ${request.fileName}`}
    >
      <DownloadIcon size={14} />
      {state.status === 'error' ? 'Retry' : 'Download'}
    </Button>
  );
}

/** The line under the name: the size, the progress of a download, or why it failed. */
export function DownloadStatus({
  size,
  state,
  fileName,
}: {
  size: number | null | undefined;
  state: DownloadState;
  fileName: string;
}) {
  if (state.status === 'running') {
    const done = state.total ? Math.min(1, state.received / state.total) : undefined;
    return (
      <span className="flex min-w-0 items-center gap-2 whitespace-nowrap">
        <progress
          aria-label={`Downloading ${fileName}`}
          value={done === undefined ? undefined : state.received}
          max={state.total ?? undefined}
          className="h-1.5 w-16 shrink-0 overflow-hidden rounded-full accent-accent-600 [&::-webkit-progress-bar]:bg-neutral-200 [&::-webkit-progress-value]:bg-accent-600 dark:[&::-webkit-progress-bar]:bg-neutral-700"
        />
        <span className="truncate tabular-nums">
          {formatSize(state.received)}
          {state.total ? ` of ${formatSize(state.total)}` : ''}
        </span>
      </span>
    );
  }
  if (state.status === 'error') {
    return (
      <span role="alert" title={state.message} className="block truncate text-red-700 dark:text-red-400">
        Download failed: {state.message}
      </span>
    );
  }
  return <span>{formatSize(size)}</span>;
}
