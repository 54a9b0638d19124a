import { downloadZip } from 'client-zip';
import { downloadPath } from '../../api/attachments';
import { send } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { HAND_OVER_BYTES } from './downloads';
import { uniqueNames } from './zip-names';

/** One file to put in a zip. */
export interface ZipEntry {
  messageId: string;
  attachmentId: string;
  fileName: string;
  /** The size the API told, for the progress before the file's answer comes. */
  size: number | null | undefined;
  /** When it was sent: the entry's date in the zip. */
  sentAt: string | null;
}

export interface ZipProgress {
  filesDone: number;
  files: number;
  bytes: number;
  /** The sizes the API told, added up; null when one is unknown. */
  totalBytes: number | null;
}

/** A file that could not be fetched whole, which stops the zip: no zip is saved with a file missing or cut short. */
export class ZipFileError extends Error {
  constructor(
    readonly index: number,
    readonly fileName: string,
    message: string,
  ) {
    super(message);
    this.name = 'ZipFileError';
  }
}

/** A file's bytes as they arrive, counted; it fails when fewer (or more) come than the answer announced. */
async function* counted(
  body: ReadableStream<Uint8Array> | null,
  declared: number | null,
  onBytes: (n: number) => void,
) {
  let received = 0;
  if (body) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      onBytes(value.byteLength);
      yield value;
    }
  }
  if (declared !== null && received !== declared) {
    throw new Error(
      `The download stopped after ${received.toLocaleString('en')} of ${declared.toLocaleString('en')} bytes.`,
    );
  }
}

const dateOf = (iso: string | null) => {
  const at = iso ? new Date(iso) : null;
  return at && Number.isFinite(at.getTime()) ? at : new Date();
};

/**
 * Streams the files one after another through the inbox server into a zip built as the bytes come (client-zip), and
 * answers the zip, handed to the browser's blob store every few MB so the page never holds much of it. Names are
 * made safe and unique. A file that fails stops it with a ZipFileError naming the file; an abort stops it with the
 * signal's reason.
 */
export async function zipFiles(
  accountId: string,
  entries: readonly ZipEntry[],
  onProgress: (progress: ZipProgress) => void,
  signal: AbortSignal,
): Promise<Blob> {
  const names = uniqueNames(entries.map((entry) => entry.fileName));
  const sizes = entries.map((entry) => entry.size);
  const totalBytes = sizes.every((size) => size != null) ? sizes.reduce<number>((sum, size) => sum + size!, 0) : null;
  const progress: ZipProgress = { filesDone: 0, files: entries.length, bytes: 0, totalBytes };
  let shownAt = 0;
  const tell = (now = false) => {
    if (!now && performance.now() - shownAt < 100) return;
    shownAt = performance.now();
    onProgress({ ...progress });
  };
  let current = 0;

  async function* inputs() {
    for (; current < entries.length; current++) {
      signal.throwIfAborted();
      const entry = entries[current]!;
      const response = await send(downloadPath(entry.messageId, entry.attachmentId), { accountId, signal });
      const declared = response.headers.get('content-length');
      yield {
        name: names[current]!,
        lastModified: dateOf(entry.sentAt),
        input: counted(response.body, declared === null ? null : Number(declared), (n) => {
          progress.bytes += n;
          tell();
        }),
      };
      progress.filesDone = current + 1;
      tell(true);
    }
  }

  tell(true);
  const zip = downloadZip(inputs()).body!;
  const reader = zip.getReader();
  let saved = new Blob([], { type: 'application/zip' });
  let chunks: Uint8Array<ArrayBuffer>[] = [];
  let pending = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value as Uint8Array<ArrayBuffer>);
      pending += value.byteLength;
      if (pending >= HAND_OVER_BYTES) {
        saved = new Blob([saved, ...chunks], { type: 'application/zip' });
        chunks = [];
        pending = 0;
      }
    }
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    const index = Math.min(current, entries.length - 1);
    throw new ZipFileError(index, names[index]!, errorMessage(error));
  }
  progress.filesDone = entries.length;
  tell(true);
  return new Blob([saved, ...chunks], { type: 'application/zip' });
}
