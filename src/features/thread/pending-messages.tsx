import { outbox, useOutbox } from '../../api/outbox';
import type { OutboxEntry } from '../../api/outbox-state';
import { Avatar } from '../../components/ui/avatar';
import { useAccount } from '../../lib/account-context';

function status(entry: OutboxEntry): string {
  if (entry.status === 'failed') return `Not sent: ${entry.error?.message ?? 'unknown error'}`;
  if (entry.status === 'queued' && entry.error) return `Retrying… (${entry.error.message})`;
  if (entry.status === 'queued' && entry.attempts === 0) return 'Waiting to send…';
  return 'Sending…';
}

/** Messages of this conversation still in the outbox: sending, retrying, or failed with Retry and Discard. */
export function PendingMessages({ conversationId, selfName }: { conversationId: string; selfName: string }) {
  const { accountId, selfId } = useAccount();
  const entries = useOutbox(accountId, conversationId);
  if (entries.length === 0) return null;
  return (
    <ol aria-label="Messages being sent" className="px-4 pb-2">
      {entries.map((entry) => (
        <li key={entry.key} data-pending-key={entry.key} className="flex gap-3 rounded-md px-2 py-1.5">
          <Avatar id={selfId} name={selfName} size={36} />
          <div className="min-w-0 flex-1">
            <div className="flex items-baseline gap-2">
              <span className="font-semibold">{selfName}</span>
              <span
                role={entry.status === 'failed' ? 'alert' : 'status'}
                className={
                  entry.status === 'failed'
                    ? 'text-[12px] font-medium text-red-700 dark:text-red-400'
                    : 'text-[12px] text-neutral-500'
                }
              >
                {status(entry)}
              </span>
            </div>
            <div
              className={`break-words whitespace-pre-wrap ${entry.status === 'failed' ? '' : 'text-neutral-500 dark:text-neutral-400'}`}
            >
              {entry.content}
            </div>
            {entry.status === 'failed' ? (
              <div className="mt-1 flex gap-2">
                <button
                  type="button"
                  onClick={() => outbox.retry(entry.key)}
                  className="rounded border border-neutral-300 px-2 py-0.5 text-[13px] font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800"
                >
                  Retry
                </button>
                <button
                  type="button"
                  onClick={() => outbox.discard(entry.key)}
                  className="rounded px-2 py-0.5 text-[13px] text-neutral-600 hover:bg-neutral-100 dark:text-neutral-300 dark:hover:bg-neutral-800"
                >
                  Discard
                </button>
              </div>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
