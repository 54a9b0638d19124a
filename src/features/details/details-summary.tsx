import type { Conversation, User } from '../../contract/models';
import { Avatar } from '../../components/ui/avatar';
import { HashIcon, LockIcon } from '../../components/ui/icons';
import { conversationKind, conversationTitle, otherParticipants } from '../../lib/conversation-title';
import { absoluteTime } from '../../lib/format-time';

const kindLabel = { channel: 'Channel', private: 'Private channel', direct: 'Direct message', group: 'Group message' };

/** What a conversation is: its name, who can see it, when it began and how many are in it. */
export function DetailsSummary({
  conversation,
  usersById,
  selfId,
}: {
  conversation: Conversation;
  usersById: ReadonlyMap<string, User> | undefined;
  selfId: string | null;
}) {
  const kind = conversationKind(conversation);
  const title = conversationTitle(conversation, usersById, selfId);
  const count = new Set(conversation.participants ?? []).size;
  const firstOther = otherParticipants(conversation, selfId)[0];
  const created = absoluteTime(conversation.created_at);

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center gap-2.5">
        {kind === 'direct' || kind === 'group' ? (
          <Avatar id={firstOther} name={title} size={36} />
        ) : (
          <span className="flex h-9 w-9 shrink-0 items-center justify-center rounded-md bg-neutral-100 text-neutral-600 dark:bg-neutral-800 dark:text-neutral-300">
            {kind === 'private' ? <LockIcon size={18} /> : <HashIcon size={18} />}
          </span>
        )}
        <div className="min-w-0">
          <p className="text-base font-semibold break-words">{title}</p>
          <p className="text-[13px] text-neutral-500 dark:text-neutral-400">{kindLabel[kind]}</p>
        </div>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-[13px]">
        <dt className="text-neutral-500 dark:text-neutral-400">Visibility</dt>
        <dd className="flex items-center gap-1">
          {conversation.private ? <LockIcon size={13} /> : <HashIcon size={13} />}
          {conversation.private ? 'Private' : 'Public'}
        </dd>
        {created ? (
          <>
            <dt className="text-neutral-500 dark:text-neutral-400">Created</dt>
            <dd>
              <time dateTime={conversation.created_at ?? undefined}>{created}</time>
            </dd>
          </>
        ) : null}
        <dt className="text-neutral-500 dark:text-neutral-400">Members</dt>
        <dd className="tabular-nums">{count === 1 ? '1 person' : `${count.toLocaleString()} people`}</dd>
      </dl>
    </div>
  );
}
