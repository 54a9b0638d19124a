import type { Paginated } from '../../contract/envelopes';
import type { Message } from '../../contract/models';
import { dayKey } from '../../lib/format-time';

/** Consecutive messages of one author within this time share one header. */
export const GROUP_GAP_MS = 5 * 60_000;

export interface ThreadItem {
  message: Message;
  id: string;
  /** First message of its day: a day separator goes above it. */
  startsDay: boolean;
  /** First message of an author group: the author's name and avatar go above it. */
  startsGroup: boolean;
}

/** Brings the row at an index of the thread into view. */
export type ScrollToIndex = (index: number, align: 'center' | 'start' | 'auto') => void;

export interface Thread {
  /** Oldest first, as a thread reads. */
  items: ThreadItem[];
  byId: Map<string, Message>;
  /** Loaded replies of each message, oldest first. */
  replies: Map<string, Message[]>;
}

/** Turns the newest-first pages of a conversation into the rows of a thread. */
export function buildThread(pages: readonly Paginated<Message>[]): Thread {
  const seen = new Set<string>();
  const messages: Message[] = [];
  for (let p = pages.length - 1; p >= 0; p--) {
    const data = pages[p]!.data ?? [];
    for (let i = data.length - 1; i >= 0; i--) {
      const message = data[i]!;
      const id = message.id ?? '';
      if (!id || seen.has(id)) continue;
      seen.add(id);
      messages.push(message);
    }
  }

  const items: ThreadItem[] = [];
  const byId = new Map<string, Message>();
  const replies = new Map<string, Message[]>();
  let previous: Message | null = null;
  for (const message of messages) {
    const at = message.created_at ?? '';
    const previousAt = previous?.created_at ?? '';
    const startsDay = !previous || !at || !previousAt || dayKey(at) !== dayKey(previousAt);
    const sameAuthor = !!previous && (previous.author?.id ?? null) === (message.author?.id ?? null);
    const close = !!previous && Date.parse(at) - Date.parse(previousAt) < GROUP_GAP_MS;
    items.push({
      message,
      id: message.id!,
      startsDay,
      startsGroup: startsDay || !sameAuthor || !close || !!message.parent_message_id,
    });
    byId.set(message.id!, message);
    if (message.parent_message_id) {
      const list = replies.get(message.parent_message_id) ?? [];
      list.push(message);
      replies.set(message.parent_message_id, list);
    }
    previous = message;
  }
  return { items, byId, replies };
}

/** The first message someone else wrote after the reader last saw the conversation: the "new messages" line goes above it. */
export function firstUnreadId(
  items: readonly ThreadItem[],
  seenAt: string | undefined,
  selfId: string | null,
): string | null {
  if (!seenAt) return null;
  const first = items.find((item) => (item.message.created_at ?? '') > seenAt && item.message.author?.id !== selfId);
  return first?.id ?? null;
}
