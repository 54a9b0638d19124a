import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { attachmentQueries } from '../../api/attachments';
import type { Attachment } from '../../contract/models';
import type { FileKind } from '../../lib/file-kind';
import { useAccount } from '../../lib/account-context';
import { useNearViewport } from './use-near-viewport';
import { useObjectUrl } from './use-object-url';

/**
 * The bytes of an attachment, fetched once its box is near the viewport, given only when they prove the expected
 * kind. `failed` means: show the plain file card instead.
 */
export function useVerifiedBytes(messageId: string, attachment: Attachment, kind: FileKind) {
  const { accountId } = useAccount();
  const box = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box);
  const preview = useQuery({
    ...attachmentQueries.preview(accountId, messageId, attachment.id ?? '', attachment.file_type),
    enabled: near && !!attachment.id,
  });
  const proven = preview.data?.kind === kind ? preview.data : null;
  return { box, proven, failed: preview.isError || (!!preview.data && !proven) };
}

/** The same bytes as an object URL of their proven type, revoked on unmount. */
export function useVerifiedPreview(messageId: string, attachment: Attachment, kind: FileKind) {
  const { box, proven, failed } = useVerifiedBytes(messageId, attachment, kind);
  const url = useObjectUrl(proven?.bytes, proven?.type);
  return { box, url, failed };
}
