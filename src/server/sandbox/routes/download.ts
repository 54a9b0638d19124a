import type { DownloadQuery } from '../../../contract/query';
import { contentDisposition, safeMediaType } from '../../edge/file-headers';
import { Problem } from '../problem';
import type { AttachmentRow } from '../store/attachments';
import type { Store } from '../store/store';

const TEXTUAL = /^(text\/|application\/(json|xml|csv)$)/;

/** Streams a file from the store chunk by chunk, so memory stays flat for any size. */
function stream(
  chunks: Iterator<Buffer>,
  transform: (chunk: Buffer) => Uint8Array = (c) => c,
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(transform(next.value));
      },
    },
    { highWaterMark: 1 },
  );
}

export function downloadResponse(store: Store, row: AttachmentRow, q: DownloadQuery): Response {
  let type = safeMediaType(row.file_type);
  if (q.exportFormat && q.exportFormat !== row.file_type) {
    if (!(q.exportFormat === 'text/plain' && TEXTUAL.test(row.file_type))) {
      throw new Problem(422, `This attachment (${row.file_type}) cannot be exported as ${q.exportFormat}`);
    }
    type = 'text/plain; charset=utf-8';
  }
  const headers: Record<string, string> = {
    'Content-Disposition': contentDisposition('attachment', row.file_name),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'Cache-Control': 'private, max-age=0, must-revalidate',
  };
  const chunks = store.blobs.chunks(row.blob_pk);
  if (q.format === 'base64') {
    // Stored chunks are a multiple of 3 bytes long, so each encodes on its own without padding.
    return new Response(
      stream(chunks, (chunk) => Buffer.from(chunk.toString('base64'))),
      {
        headers: {
          ...headers,
          'Content-Type': 'text/plain; charset=us-ascii',
          'Content-Length': String(4 * Math.ceil(row.file_size / 3)),
        },
      },
    );
  }
  return new Response(stream(chunks), {
    headers: { ...headers, 'Content-Type': type, 'Content-Length': String(row.file_size) },
  });
}
