import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { paginated } from '../contract/envelopes';
import { AttachmentSchema } from '../contract/models';
import { previewOf, SNIFF_BYTES, type FileKind } from '../lib/file-kind';
import { apiUrl, request, send } from './client';

const AttachmentPage = paginated(AttachmentSchema);

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

async function fetchPreview(accountId: string, messageId: string, attachmentId: string, declaredType: string | null | undefined, signal: AbortSignal): Promise<PreviewBytes> {
  const response = await send(downloadPath(messageId, attachmentId), { accountId, signal });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const { kind, type } = previewOf(declaredType, bytes.subarray(0, SNIFF_BYTES));
  return kind === 'file' ? { kind, type, bytes: null } : { kind, type, bytes };
}

/** The API path (for `send`) of an attachment's bytes. */
export function downloadPath(messageId: string, attachmentId: string): string {
  return `/unified/messaging/messages/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(attachmentId)}/download`;
}

/** Where an attachment's bytes are served (through the inbox server). */
export function downloadUrl(messageId: string, attachmentId: string): string {
  return apiUrl(downloadPath(messageId, attachmentId));
}
