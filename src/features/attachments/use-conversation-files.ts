import { useInfiniteQuery, useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { attachmentQueries } from '../../api/attachments';
import { errorMessage } from '../../api/errors';
import { messageQueries, walkWholeConversation } from '../../api/messages';
import type { Message } from '../../contract/models';
import { useAccount } from '../../lib/account-context';
import { type ConversationFile, filesOf } from './conversation-files';
import { categoryOf } from './file-category';
import { completed, incomplete } from './use-attachment-details';

export interface FilesWalk {
  /** Walking back through older pages; stopped by Cancel; failed; or every page is loaded. */
  status: 'walking' | 'stopped' | 'error' | 'done';
  /** Messages looked through so far. */
  loaded: number;
  error: string | null;
}

const newestFirst = (a: ConversationFile, b: ConversationFile) =>
  (Date.parse(b.sentAt ?? '') || 0) - (Date.parse(a.sentAt ?? '') || 0);

/**
 * Every attachment of a conversation, newest first: walks its older pages into the cache (with the count of messages
 * looked through, and Cancel), listing the files as each page comes. Once the walk ends, the files come from the
 * cached pages, so new messages that arrive meanwhile show up too.
 */
export function useConversationFiles(conversationId: string) {
  const { accountId } = useAccount();
  const queryClient = useQueryClient();
  const cached = useInfiniteQuery(messageQueries.list(accountId, conversationId));
  const [walk, setWalk] = useState<FilesWalk>({ status: 'walking', loaded: 0, error: null });
  const [walked, setWalked] = useState<readonly Message[] | null>(null);
  const controller = useRef<AbortController | null>(null);
  const runs = useRef(0);

  const run = useCallback(() => {
    const run = ++runs.current;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setWalk({ status: 'walking', loaded: 0, error: null });
    walkWholeConversation(
      queryClient,
      accountId,
      conversationId,
      (all) => {
        if (run !== runs.current) return;
        setWalked([...all]);
        setWalk({ status: 'walking', loaded: all.length, error: null });
      },
      abort.signal,
    ).then(
      (all) => {
        if (run !== runs.current) return;
        setWalked(null);
        setWalk({ status: 'done', loaded: all.length, error: null });
      },
      (error: unknown) => {
        if (run !== runs.current) return;
        setWalked(null);
        setWalk((now) => ({
          status: abort.signal.aborted ? 'stopped' : 'error',
          loaded: now.loaded,
          error: abort.signal.aborted ? null : errorMessage(error),
        }));
      },
    );
  }, [queryClient, accountId, conversationId]);

  useEffect(() => {
    run();
    // A counter of walks, not a rendered node: leaving ends the current walk's updates.
    const walks = runs;
    return () => {
      walks.current++;
      controller.current?.abort();
    };
  }, [run]);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const messages = useMemo(
    () => walked ?? cached.data?.pages.flatMap((page) => page.data ?? []) ?? [],
    [walked, cached.data],
  );
  const listed = useMemo(() => filesOf(messages).sort(newestFirst), [messages]);
  // Details a provider left out of its messages come from get_attachment, so names, types and sizes are whole.
  const missing = listed.filter((file) => incomplete(file.attachment));
  const details = useQueries({
    queries: missing.map((file) => attachmentQueries.detail(accountId, file.messageId, file.attachment.id!)),
  });
  const files =
    missing.length === 0
      ? listed
      : listed.map((file) => {
          const index = missing.indexOf(file);
          if (index < 0 || !details[index]!.data) return file;
          const attachment = completed(file.attachment, details[index]!.data);
          return { ...file, attachment, category: categoryOf(attachment.file_type) };
        });
  return { files, walk, cancel, resume: run };
}
