import { useQueryClient } from '@tanstack/react-query';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { type SeekProgress, seekTime } from '../../api/messages';
import type { MessageListHandle } from './message-list';

export type DateJump =
  | { state: 'loading'; day: Date; progress: SeekProgress }
  | { state: 'failed'; day: Date; message: string }
  | { state: 'none'; day: Date };

/**
 * Jumps to the first message of a day: older pages load back to it (with progress, and Cancel), then the view puts
 * that message at the top and the focus on it. A day with nothing from it on goes to the latest message instead.
 */
export function useJumpToDate(accountId: string, conversationId: string, list: RefObject<MessageListHandle | null>) {
  const queryClient = useQueryClient();
  const [jump, setJump] = useState<DateJump | null>(null);
  const controller = useRef<AbortController | null>(null);
  const [landOn, setLandOn] = useState<string | null>(null);

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setJump(null);
  }, []);
  useEffect(() => cancel, [cancel, conversationId]);

  const to = useCallback(
    (day: Date) => {
      controller.current?.abort();
      const mine = new AbortController();
      controller.current = mine;
      setJump({ state: 'loading', day, progress: { loaded: 0, fraction: null } });
      seekTime(
        queryClient,
        accountId,
        conversationId,
        day,
        (progress) => {
          if (!mine.signal.aborted) setJump({ state: 'loading', day, progress });
        },
        mine.signal,
      ).then(
        (id) => {
          if (mine.signal.aborted) return;
          if (id) {
            setJump(null);
            setLandOn(id);
          } else {
            setJump({ state: 'none', day });
            list.current?.scrollToLatest();
          }
        },
        (error: unknown) => {
          if (!mine.signal.aborted) setJump({ state: 'failed', day, message: errorMessage(error) });
        },
      );
    },
    [queryClient, accountId, conversationId, list],
  );

  // Once the loaded pages have rendered: the day's first message at the top, with the focus.
  useEffect(() => {
    if (!landOn) return;
    const frame = requestAnimationFrame(() => {
      list.current?.scrollToMessage(landOn, 'start', true);
      setLandOn(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [landOn, list]);

  return { jump, to, cancel };
}
