import { useSyncExternalStore } from 'react';
import { downloadPath } from '../../api/attachments';
import { send } from '../../api/client';
import { errorMessage } from '../../api/errors';

export type DownloadState =
  | { status: 'idle' }
  | { status: 'running'; received: number; total: number | null }
  | { status: 'error'; message: string };

export interface DownloadRequest {
  accountId: string;
  messageId: string;
  attachmentId: string;
  fileName: string;
  /** The size the API told, for progress when the answer has no Content-Length. */
  size: number | null | undefined;
}

// Downloads live outside React: a row of the virtualised thread may unmount while its file is still coming.
const IDLE: DownloadState = { status: 'idle' };
const states = new Map<string, DownloadState>();
const controllers = new Map<string, AbortController>();
const listeners = new Set<() => void>();

const keyOf = (r: Pick<DownloadRequest, 'accountId' | 'messageId' | 'attachmentId'>) =>
  `${r.accountId}/${r.messageId}/${r.attachmentId}`;

function set(key: string, state: DownloadState) {
  if (state.status === 'idle') states.delete(key);
  else states.set(key, state);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDownloadState(
  request: Pick<DownloadRequest, 'accountId' | 'messageId' | 'attachmentId'>,
): DownloadState {
  const key = keyOf(request);
  return useSyncExternalStore(subscribe, () => states.get(key) ?? IDLE);
}

/** Saves bytes under a file name. The Blob is typed as opaque bytes, so nothing in it can ever be rendered. */
function save(chunks: BlobPart[], fileName: string) {
  const url = URL.createObjectURL(new Blob(chunks, { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Streams an attachment through the BFF with progress, then saves it under its own name. */
export async function startDownload(request: DownloadRequest): Promise<void> {
  const key = keyOf(request);
  if (controllers.has(key)) return;
  const controller = new AbortController();
  controllers.set(key, controller);
  set(key, { status: 'running', received: 0, total: request.size ?? null });
  try {
    const response = await send(downloadPath(request.messageId, request.attachmentId), {
      accountId: request.accountId,
      signal: controller.signal,
    });
    const total = Number(response.headers.get('content-length')) || request.size || null;
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let received = 0;
    let shownAt = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        received += value.byteLength;
        if (performance.now() - shownAt > 100) {
          shownAt = performance.now();
          set(key, { status: 'running', received, total });
        }
      }
    }
    set(key, { status: 'running', received, total });
    save(chunks, request.fileName);
    set(key, IDLE);
  } catch (error) {
    set(key, controller.signal.aborted ? IDLE : { status: 'error', message: errorMessage(error) });
  } finally {
    controllers.delete(key);
  }
}

export function cancelDownload(request: Pick<DownloadRequest, 'accountId' | 'messageId' | 'attachmentId'>) {
  controllers.get(keyOf(request))?.abort();
}
