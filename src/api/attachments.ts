import { infiniteQueryOptions } from '@tanstack/react-query';
import { paginated } from '../contract/envelopes';
import { AttachmentSchema } from '../contract/models';
import { apiUrl, request } from './client';

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
};

/** Where an attachment's bytes are served (through the inbox server). */
export function downloadUrl(messageId: string, attachmentId: string): string {
  return apiUrl(
    `/unified/messaging/messages/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(attachmentId)}/download`,
  );
}
