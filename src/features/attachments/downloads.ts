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

/**
 * Every this many bytes, the chunks received so far are handed to the browser's blob store (which keeps large
 * blobs outside the page, on disk if need be), so the page holds at most about this much of a file at a time.
 */
export const HAND_OVER_BYTES = 8 * 1024 * 1024;

/** Typed as opaque bytes, so nothing in a download can ever be rendered. */
const OPAQUE = { type: 'application/octet-stream' };

/** Saves a file under its name. */
export function save(file: Blob, fileName: string) {
  const url = URL.createObjectURL(file);
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
    const declared = Number(response.headers.get('content-length')) || null;
    const total = declared ?? request.size ?? null;
    let saved = new Blob([], OPAQUE);
    let chunks: Uint8Array<ArrayBuffer>[] = [];
    let pending = 0;
    let received = 0;
    let shownAt = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        received += value.byteLength;
        pending += value.byteLength;
        if (pending >= HAND_OVER_BYTES) {
          saved = new Blob([saved, ...chunks], OPAQUE);
          chunks = [];
          pending = 0;
        }
        if (performance.now() - shownAt > 100) {
          shownAt = performance.now();
          set(key, { status: 'running', received, total });
        }
      }
    }
    set(key, { status: 'running', received, total });
    // Never save a part of a file as if it were the file.
    if (declared !== null && received !== declared) {
      throw new Error(
        `The download stopped after ${received.toLocaleString('en')} of ${declared.toLocaleString('en')} bytes.`,
      );
    }
    save(new Blob([saved, ...chunks], OPAQUE), request.fileName);
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
