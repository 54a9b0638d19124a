import { useNavigate } from 'react-router';
import type { LinkedAccount } from '../../contract/accounts';
import { ChevronDownIcon } from '../../components/ui/icons';
import { avatarHue, initials } from '../../lib/avatar';
import { paths } from '../../lib/paths';

export function accountLabel(account: LinkedAccount): string {
  return `${account.provider_name ?? account.provider} · ${account.origin_owner_name}`;
}

const unreadText = (count: number) => `${count} unread`;

/**
 * Picks the linked account to read: a workspace tile over a native select (keyboard and screen reader
 * friendly everywhere). The choice lives in the URL and is remembered for next time. Each account says how
 * many of its conversations are unread, and the tile shows how many are in the other accounts.
 */
export function AccountSwitcher({
  accounts,
  accountId,
  unread = new Map(),
}: {
  accounts: LinkedAccount[];
  accountId: string;
  unread?: ReadonlyMap<string, number>;
}) {
  const navigate = useNavigate();
  const current = accounts.find((account) => account.id === accountId);
  let elsewhere = 0;
  for (const [id, count] of unread) if (id !== accountId) elsewhere += count;
  return (
    <label
      className="relative flex min-w-0 items-center gap-2 rounded-lg p-1 focus-within:outline-2 focus-within:outline-accent-500 hover:bg-neutral-200/70 md:w-full md:flex-col md:gap-1 dark:hover:bg-neutral-800"
      title={
        (current ? `${accountLabel(current)} — switch account` : 'Switch account') +
        (elsewhere > 0 ? ` (${unreadText(elsewhere)} in other accounts)` : '')
      }
    >
      <span
        aria-hidden="true"
        className="relative flex h-9 w-9 shrink-0 items-center justify-center rounded-lg text-[13px] font-bold text-white"
        style={{ backgroundColor: `oklch(0.5 0.16 ${avatarHue(current?.origin_owner_id)})` }}
      >
        {current ? initials(current.origin_owner_name) : <ChevronDownIcon size={18} />}
        {elsewhere > 0 ? (
          <span
            data-testid="unread-elsewhere"
            className="absolute -top-1.5 -right-1.5 min-w-4.5 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4.5 font-bold text-white ring-2 ring-neutral-50 dark:ring-neutral-900"
          >
            {elsewhere > 99 ? '99+' : elsewhere}
          </span>
        ) : null}
      </span>
      <span aria-hidden="true" className="hidden w-full min-w-0 overflow-hidden text-center text-[10px] leading-tight md:block">
        {/* The whole name, on two lines if it needs them, and a chevron that says the tile opens a list. */}
        <span className="line-clamp-2 font-semibold break-words">{current?.origin_owner_name ?? 'Choose an account'}</span>
        <span className="flex items-center justify-center gap-0.5 text-neutral-600 dark:text-neutral-400">
          <span className="truncate">{current?.provider_name ?? current?.provider}</span>
          <ChevronDownIcon size={10} className="shrink-0" />
        </span>
      </span>
      <span className="sr-only">
        Account{elsewhere > 0 ? ` (${unreadText(elsewhere)} in other accounts)` : ''}
      </span>
      <select
        value={current ? accountId : ''}
        onChange={(event) => navigate(paths.account(event.target.value))}
        className="absolute inset-0 cursor-pointer opacity-0"
      >
        {current ? null : (
          <option value="" disabled>
            Choose an account
          </option>
        )}
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {accountLabel(account)}
            {(unread.get(account.id) ?? 0) > 0 ? ` — ${unreadText(unread.get(account.id)!)}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
