import type { ReactNode, Ref } from 'react';
import { AudioIcon, FileIcon, FileTextIcon, ImageIcon, VideoIcon } from '../../components/ui/icons';
import type { Attachment } from '../../contract/models';
import { useAccount } from '../../lib/account-context';
import { cn } from '../../lib/cn';
import { kindFromType, type FileKind } from '../../lib/file-kind';
import { DownloadControl, DownloadStatus } from './download-control';
import { type DownloadRequest, useDownloadState } from './downloads';
import { FileName } from './file-name';

const ICONS: Record<FileKind, typeof FileIcon> = {
  image: ImageIcon,
  audio: AudioIcon,
  video: VideoIcon,
  pdf: FileTextIcon,
  text: FileTextIcon,
  file: FileIcon,
};

export const attachmentName = (attachment: Attachment) => attachment.file_name?.trim() || 'Untitled file';

/** What Download of an attachment asks for: the file, the name it is saved under, and the size for progress. */
export const downloadRequest = (accountId: string, messageId: string, attachment: Attachment): DownloadRequest => ({
  accountId,
  messageId,
  attachmentId: attachment.id ?? '',
  fileName: attachmentName(attachment),
  size: attachment.file_size,
});

/** A file: type icon, name (extension always visible), size or download progress, and Download. */
export function FileCardRow({ messageId, attachment }: { messageId: string; attachment: Attachment }) {
  const { accountId } = useAccount();
  const fileName = attachmentName(attachment);
  const request = downloadRequest(accountId, messageId, attachment);
  const state = useDownloadState(request);
  const Icon = ICONS[kindFromType(attachment.file_type)];
  return (
    <div className="flex h-14 items-center gap-3 px-3">
      <span className="flex h-9 w-9 shrink-0 items-center justify-center rounded-md bg-neutral-100 text-neutral-600 dark:bg-neutral-800 dark:text-neutral-300">
        <Icon size={18} />
      </span>
      <span className="flex min-w-0 flex-1 flex-col">
        <FileName name={fileName} className="text-[14px] font-medium" />
        <span className="text-[12px] text-neutral-500 dark:text-neutral-400">
          <DownloadStatus size={attachment.file_size} state={state} fileName={fileName} />
        </span>
      </span>
      <DownloadControl request={request} state={state} />
    </div>
  );
}

/** The frame every attachment sits in: a fixed width, so rows of the thread do not jump. */
export function AttachmentFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <li
      aria-label={label}
      className="w-[360px] max-w-full overflow-hidden rounded-lg border border-neutral-200 bg-white dark:border-neutral-700 dark:bg-neutral-900"
    >
      {children}
    </li>
  );
}

/** Just the card: for files that are not previewed, or whose bytes did not prove their type. */
export function CardOnly({
  label,
  messageId,
  attachment,
}: {
  label: string;
  messageId: string;
  attachment: Attachment;
}) {
  return (
    <AttachmentFrame label={label}>
      <FileCardRow messageId={messageId} attachment={attachment} />
    </AttachmentFrame>
  );
}

/**
 * A file with a preview above its card row. The preview's box has its size before anything loads (so the thread
 * does not jump), says it is busy until the preview is ready, and holds whatever the preview shows. A preview that
 * failed (or whose bytes did not prove its type) leaves the plain card.
 */
export function PreviewCard({
  messageId,
  attachment,
  box,
  ready,
  failed,
  testId,
  className,
  children,
}: {
  messageId: string;
  attachment: Attachment;
  box: Ref<HTMLDivElement>;
  ready: boolean;
  failed: boolean;
  testId?: string;
  /** The box's size and background. */
  className: string;
  children: ReactNode;
}) {
  const name = attachmentName(attachment);
  if (failed) return <CardOnly label={name} messageId={messageId} attachment={attachment} />;
  return (
    <AttachmentFrame label={name}>
      <div
        ref={box}
        data-testid={testId}
        aria-busy={!ready}
        className={cn('w-full border-b border-neutral-200 dark:border-neutral-700', className)}
      >
        {children}
        {ready ? null : <span className="sr-only">Loading preview of {name}</span>}
      </div>
      <FileCardRow messageId={messageId} attachment={attachment} />
    </AttachmentFrame>
  );
}
