import { useQuery } from '@tanstack/react-query';
import { messageQueries } from '../../api/messages';
import type { Message } from '../../contract/models';
import { ReplyIcon } from '../../components/ui/icons';
import { useAccount } from '../../lib/account-context';
import { personName } from '../../contract/people';

/** One line of the message a reply answers; activating it jumps to that message. */
export function ReplyQuote({
  parentId,
  loaded,
  onJump,
}: {
  parentId: string;
  loaded: Message | undefined;
  onJump: (id: string) => void;
}) {
  const { accountId } = useAccount();
  const parent = useQuery({ ...messageQueries.detail(accountId, parentId), enabled: !loaded });
  const message = loaded ?? parent.data;
  const text = message?.content?.plain?.replace(/\s+/g, ' ').trim();
  let label: string;
  if (message) label = `${personName(message.author)}: ${text || '(no text)'}`;
  else if (parent.isError) label = 'The original message is not available';
  else label = 'Loading the original message…';
  return (
    <button
      type="button"
      onClick={() => onJump(parentId)}
      disabled={!message}
      className="mb-0.5 flex max-w-full items-center gap-1.5 rounded px-1 text-left text-[13px] text-neutral-500 hover:bg-neutral-100 hover:text-neutral-800 disabled:cursor-default dark:text-neutral-400 dark:hover:bg-neutral-800 dark:hover:text-neutral-200"
      aria-label={`Replying to ${label}. Go to the original message`}
    >
      <ReplyIcon size={13} className="shrink-0 -scale-x-100" />
      <span className="truncate">{label}</span>
    </button>
  );
}
