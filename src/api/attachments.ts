import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { paginated, result } from '../contract/envelopes';
import { AttachmentSchema } from '../contract/models';
import { previewOf, SNIFF_BYTES, type FileKind } from '../lib/file-kind';
import { request, send } from './client';

const AttachmentPage = paginated(AttachmentSchema);
const AttachmentResult = result(AttachmentSchema);

export const attachmentQueries = {
  all: (accountId: string) => ['attachments', accountId] as const,
  list: (accountId: string, messageId: string) =>
    infiniteQueryOptions({
      queryKey: [...attachmentQueries.all(accountId), 'list', messageId],
      queryFn: ({ pageParam, signal }) =>
        request(`/unified/messaging/messages/${encodeURIComponent(messageId)}/attachments`, AttachmentPage, {
          accountId,
          signal,
          query: { page_size: 100, next: pageParam },
        }),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => (page.next?.trim() ? page.next : undefined),
      staleTime: Infinity,
    }),
  /** One attachment's details (get_attachment), for when the message carried only part of them. */
  detail: (accountId: string, messageId: string, attachmentId: string) =>
    queryOptions({
      queryKey: [...attachmentQueries.all(accountId), 'detail', messageId, attachmentId],
      queryFn: ({ signal }) =>
        request(
          `/unified/messaging/messages/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(attachmentId)}`,
          AttachmentResult,
          { accountId, signal },
        ).then((answer) => answer.data ?? null),
      staleTime: Infinity,
    }),
  /** An attachment's bytes for an inline preview, with the kind and type its first bytes prove. */
  preview: (accountId: string, messageId: string, attachmentId: string, declaredType: string | null | undefined) =>
    queryOptions({
      queryKey: [...attachmentQueries.all(accountId), 'preview', messageId, attachmentId],
      queryFn: ({ signal }) => fetchPreview(accountId, messageId, attachmentId, declaredType, signal),
      staleTime: Infinity,
      gcTime: 2 * 60_000,
    }),
};

export interface PreviewBytes {
  kind: FileKind;
  /** The MIME type the bytes prove (null when they prove nothing previewable). */
  type: string | null;
  bytes: Uint8Array<ArrayBuffer> | null;
}

async function fetchPreview(
  accountId: string,
  messageId: string,
  attachmentId: string,
  declaredType: string | null | undefined,
  signal: AbortSignal,
): Promise<PreviewBytes> {
  const response = await send(downloadPath(messageId, attachmentId), { accountId, signal });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const { kind, type } = previewOf(declaredType, bytes.subarray(0, SNIFF_BYTES));
  return kind === 'file' ? { kind, type, bytes: null } : { kind, type, bytes };
}

/** The API path (for `send`) of an attachment's bytes. */
export function downloadPath(messageId: string, attachmentId: string): string {
  return `/unified/messaging/messages/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(attachmentId)}/download`;
}

/** The first bytes of a text attachment, decoded, when they prove plain text (and whether the file goes on). */
export interface TextHead {
  text: string;
  truncated: boolean;
}

/** How much of a text attachment an inline preview shows. */
export const TEXT_HEAD_BYTES = 2048;
/** The most of a text file "Show all" reads: beyond it, the file is for downloading. */
export const TEXT_ALL_BYTES = 1_000_000;

export const attachmentHeadQueries = {
  /** The first ~2 KB of a text/CSV/JSON attachment, read from the stream (the rest is never fetched); null when not plain text. */
  textHead: (accountId: string, messageId: string, attachmentId: string, declaredType: string | null | undefined) =>
    queryOptions({
      queryKey: [...attachmentQueries.all(accountId), 'text-head', messageId, attachmentId],
      queryFn: ({ signal }) => fetchText(accountId, messageId, attachmentId, declaredType, TEXT_HEAD_BYTES, signal),
      staleTime: Infinity,
      gcTime: 2 * 60_000,
    }),
  /** As much of a text file as a viewer shows (up to TEXT_ALL_BYTES), for "Show all". */
  textAll: (accountId: string, messageId: string, attachmentId: string, declaredType: string | null | undefined) =>
    queryOptions({
      queryKey: [...attachmentQueries.all(accountId), 'text-all', messageId, attachmentId],
      queryFn: ({ signal }) => fetchText(accountId, messageId, attachmentId, declaredType, TEXT_ALL_BYTES, signal),
      staleTime: Infinity,
      gcTime: 30_000,
    }),
};

async function fetchText(
  accountId: string,
  messageId: string,
  attachmentId: string,
  declaredType: string | null | undefined,
  limit: number,
  signal: AbortSignal,
): Promise<TextHead | null> {
  const response = await send(downloadPath(messageId, attachmentId), { accountId, signal });
  const chunks: Uint8Array[] = [];
  let received = 0;
  let ended = true;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      if (received > limit) {
        ended = false;
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
  }
  const all = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  const head = all.subarray(0, limit);
  if (previewOf(declaredType, head).kind !== 'text') return null;
  // `stream` drops a character cut in half at the end of the sample.
  const text = new TextDecoder('utf-8').decode(head, { stream: !ended || received > limit });
  return { text, truncated: !ended || received > limit };
}
