import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { conversationQueries } from '../../api/conversations';
import { usePeople } from '../../api/users';
import { Button } from '../../components/ui/button';
import { CloseIcon, DownloadIcon } from '../../components/ui/icons';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/ui/states';
import { useAccount } from '../../lib/account-context';
import { absoluteTime, relativeTime } from '../../lib/format-time';
import { AttachmentItem } from './attachment-item';
import { useGallery } from './conversation-gallery';
import type { ConversationFile } from './conversation-files';
import { attachmentName } from './file-card';
import { FILE_CATEGORIES, type FileCategory } from './file-category';
import { useConversationFiles } from './use-conversation-files';
import { useZipDownload } from './use-zip-download';
import { ZipStatus } from './zip-status';
import { safeFileName } from './zip-names';

const UNKNOWN_SENDER = '\u0000unknown';
const senderKey = (file: ConversationFile) => file.senderId ?? UNKNOWN_SENDER;

const selectClass =
  'h-8 min-w-0 flex-1 rounded-md border border-neutral-300 bg-white px-2 text-[13px] text-neutral-800 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100';
const checkboxClass = 'size-4 shrink-0 accent-accent-600';

function WalkProgress({
  walk,
  onCancel,
  onResume,
}: Pick<ReturnType<typeof useConversationFiles>, 'walk'> & {
  onCancel: () => void;
  onResume: () => void;
}) {
  const back = `${walk.loaded.toLocaleString('en')} ${walk.loaded === 1 ? 'message' : 'messages'} back`;
  if (walk.status === 'done') return null;
  return (
    <div className="flex min-h-10 items-center gap-2 border-b border-neutral-200 px-4 py-1.5 text-[13px] dark:border-neutral-800">
      {walk.status === 'walking' ? (
        <>
          <span role="status" className="flex-1 text-neutral-600 tabular-nums dark:text-neutral-300">
            Finding files · {back}
          </span>
          <Button size="sm" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        </>
      ) : walk.status === 'stopped' ? (
        <>
          <span role="status" className="flex-1 text-neutral-600 dark:text-neutral-300">
            Stopped {back}: older files are not listed.
          </span>
          <Button size="sm" variant="secondary" onClick={onResume}>
            Find older
          </Button>
        </>
      ) : (
        <>
          <span role="alert" className="flex-1 text-red-700 dark:text-red-400">
            Could not load older messages ({back}): {walk.error}
          </span>
          <Button size="sm" variant="secondary" onClick={onResume}>
            Retry
          </Button>
        </>
      )}
    </div>
  );
}

function FileRow({
  file,
  sender,
  selected,
  onSelect,
}: {
  file: ConversationFile;
  sender: string;
  selected: boolean;
  onSelect: (selected: boolean) => void;
}) {
  const gallery = useGallery();
  const name = attachmentName(file.attachment);
  return (
    <li className="flex gap-3 border-b border-neutral-100 px-4 py-3 dark:border-neutral-800/70">
      <input
        type="checkbox"
        className={`${checkboxClass} mt-0.5`}
        checked={selected}
        onChange={(event) => onSelect(event.target.checked)}
        aria-label={`Select ${name}`}
      />
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        <p className="truncate text-[12px] text-neutral-500 dark:text-neutral-400">
          <span className="font-medium text-neutral-700 dark:text-neutral-200">{sender}</span>
          {file.sentAt ? (
            <>
              {' · '}
              <time dateTime={file.sentAt} title={absoluteTime(file.sentAt)} className="tabular-nums">
                {relativeTime(file.sentAt)}
              </time>
            </>
          ) : null}
        </p>
        <ul aria-label={`${name}, from ${sender}`} className="flex">
          <AttachmentItem
            messageId={file.messageId}
            attachment={file.attachment}
            onOpenImage={
              gallery
                ? () =>
                    gallery.open({
                      messageId: file.messageId,
                      attachment: file.attachment,
                      sender,
                      sentAt: file.sentAt,
                    })
                : undefined
            }
          />
        </ul>
      </div>
    </li>
  );
}

/**
 * Every file of a conversation, beside its thread: found by walking its pages (newest first, with progress and
 * Cancel), filtered by type and sender, each with its preview and Download; several at once as one zip.
 */
export function FilesPanel({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const { accountId } = useAccount();
  const panel = useRef<HTMLElement>(null);
  const ids = useId();
  const { files, walk, cancel, resume } = useConversationFiles(conversationId);
  const conversation = useQuery(conversationQueries.detail(accountId, conversationId));
  const unnamed = useMemo(
    () => [...new Set(files.filter((file) => !file.senderName && file.senderId).map((file) => file.senderId!))],
    [files],
  );
  const people = usePeople(accountId, unnamed);
  const senderName = (file: ConversationFile) =>
    file.senderName ?? (file.senderId ? people.byId.get(file.senderId)?.name : null) ?? 'Unknown sender';

  const [category, setCategory] = useState<FileCategory | ''>('');
  const [sender, setSender] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const zip = useZipDownload();

  useEffect(() => {
    // Bring keyboard and screen reader users to the panel they just opened.
    panel.current?.focus({ preventScroll: true });
  }, [conversationId]);

  const counts = new Map<FileCategory, number>();
  for (const file of files) counts.set(file.category, (counts.get(file.category) ?? 0) + 1);
  const senders = new Map<string, string>();
  for (const file of files) if (!senders.has(senderKey(file))) senders.set(senderKey(file), senderName(file));
  const senderOptions = [...senders].sort((a, b) => a[1].localeCompare(b[1]));

  const shown = files.filter(
    (file) => (!category || file.category === category) && (!sender || senderKey(file) === sender),
  );
  const chosen = shown.filter((file) => selected.has(file.key));
  const allShown = shown.length > 0 && chosen.length === shown.length;
  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = chosen.length > 0 && !allShown;
  });

  const setChosen = (keys: string[], on: boolean) =>
    setSelected((now) => {
      const next = new Set(now);
      for (const key of keys) {
        if (on) next.add(key);
        else next.delete(key);
      }
      return next;
    });

  const zipName = `${conversation.data?.name ? `${safeFileName(conversation.data.name)} files` : 'Conversation files'}.zip`;
  const downloadChosen = () =>
    void zip.start(
      chosen.map((file) => ({
        messageId: file.messageId,
        attachmentId: file.attachment.id!,
        fileName: attachmentName(file.attachment),
        size: file.attachment.file_size,
        sentAt: file.sentAt,
      })),
      zipName,
    );

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  }

  const loading = files.length === 0 && walk.status === 'walking';
  return (
    <aside
      ref={panel}
      tabIndex={-1}
      aria-labelledby={`${ids}heading`}
      onKeyDown={onKeyDown}
      className="fixed inset-0 z-30 flex flex-col bg-white outline-none md:static md:z-auto md:w-[26rem] md:shrink-0 md:border-l md:border-neutral-200 dark:bg-neutral-950 md:dark:border-neutral-800"
    >
      <header className="flex h-12 shrink-0 items-center justify-between gap-2 border-b border-neutral-200 px-4 dark:border-neutral-800">
        <h2 id={`${ids}heading`} className="font-semibold">
          Files{' '}
          <span className="font-normal text-neutral-500 tabular-nums dark:text-neutral-400">
            {files.length > 0 ? files.length : ''}
          </span>
        </h2>
        <button
          type="button"
          aria-label="Close files"
          title="Close (Esc)"
          onClick={onClose}
          className="rounded-md p-1.5 text-neutral-500 hover:bg-neutral-100 hover:text-neutral-800 dark:text-neutral-400 dark:hover:bg-neutral-800 dark:hover:text-neutral-100"
        >
          <CloseIcon size={16} />
        </button>
      </header>
      <WalkProgress walk={walk} onCancel={cancel} onResume={resume} />
      {files.length > 0 ? (
        <div className="flex shrink-0 flex-col gap-2 border-b border-neutral-200 px-4 py-2.5 dark:border-neutral-800">
          <div className="flex gap-2">
            <label className="flex min-w-0 flex-1 items-center gap-1.5 text-[13px] text-neutral-600 dark:text-neutral-300">
              Type
              <select
                className={selectClass}
                value={category}
                onChange={(e) => setCategory(e.target.value as FileCategory)}
              >
                <option value="">All types ({files.length})</option>
                {FILE_CATEGORIES.map(({ value, label }) => (
                  <option key={value} value={value}>
                    {label} ({counts.get(value) ?? 0})
                  </option>
                ))}
              </select>
            </label>
            <label className="flex min-w-0 flex-1 items-center gap-1.5 text-[13px] text-neutral-600 dark:text-neutral-300">
              From
              <select className={selectClass} value={sender} onChange={(e) => setSender(e.target.value)}>
                <option value="">Everyone</option>
                {senderOptions.map(([key, name]) => (
                  <option key={key} value={key}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="flex items-center gap-2">
            <label className="flex flex-1 items-center gap-2 text-[13px] text-neutral-700 dark:text-neutral-200">
              <input
                ref={selectAll}
                type="checkbox"
                className={checkboxClass}
                checked={allShown}
                disabled={shown.length === 0}
                onChange={() =>
                  setChosen(
                    shown.map((file) => file.key),
                    !allShown,
                  )
                }
              />
              Select all (shown)
              {chosen.length > 0 ? (
                <span className="text-neutral-500 tabular-nums dark:text-neutral-400">· {chosen.length} selected</span>
              ) : null}
            </label>
            <Button
              size="sm"
              variant="primary"
              disabled={chosen.length === 0 || zip.state.status === 'running'}
              onClick={downloadChosen}
            >
              <DownloadIcon size={14} />
              {chosen.length > 0 ? `Download ${chosen.length} as zip` : 'Download as zip'}
            </Button>
          </div>
          <ZipStatus zip={zip} />
        </div>
      ) : null}
      <div className="min-h-0 flex-1 overflow-y-auto">
        {loading ? (
          <SkeletonRows rows={4} label="Finding files" />
        ) : walk.status === 'error' && files.length === 0 ? (
          <ErrorState title="Could not find the files" message={walk.error ?? ''} onRetry={resume} />
        ) : files.length === 0 ? (
          <EmptyState title={walk.status === 'done' ? 'No files yet' : 'No files found so far'}>
            Files sent in this conversation show up here.
          </EmptyState>
        ) : shown.length === 0 ? (
          <EmptyState title="No files match these filters">
            <Button
              size="sm"
              variant="secondary"
              className="mt-2"
              onClick={() => {
                setCategory('');
                setSender('');
              }}
            >
              Show all files
            </Button>
          </EmptyState>
        ) : (
          <ul aria-label="Files of this conversation">
            {shown.map((file) => (
              <FileRow
                key={file.key}
                file={file}
                sender={senderName(file)}
                selected={selected.has(file.key)}
                onSelect={(on) => setChosen([file.key], on)}
              />
            ))}
          </ul>
        )}
      </div>
    </aside>
  );
}
