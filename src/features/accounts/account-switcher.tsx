import { useNavigate } from 'react-router';
import type { LinkedAccount } from '../../contract/accounts';
import { avatarHue, initials } from '../../lib/avatar';
import { paths } from '../../lib/paths';

export function accountLabel(account: LinkedAccount): string {
  return `${account.provider_name ?? account.provider} · ${account.origin_owner_name}`;
}

/**
 * Picks the linked account to read: a workspace tile over a native select (keyboard and screen reader
 * friendly everywhere). The choice lives in the URL and is remembered for next time.
 */
export function AccountSwitcher({ accounts, accountId }: { accounts: LinkedAccount[]; accountId: string }) {
  const navigate = useNavigate();
  const current = accounts.find((account) => account.id === accountId);
  return (
    <label
      className="relative flex min-w-0 items-center gap-2 rounded-lg p-1 focus-within:outline-2 focus-within:outline-accent-500 hover:bg-neutral-200/70 md:w-full md:flex-col md:gap-1 dark:hover:bg-neutral-800"
      title={current ? `${accountLabel(current)} — switch account` : 'Switch account'}
    >
      <span
        aria-hidden="true"
        className="flex h-9 w-9 shrink-0 items-center justify-center rounded-lg text-[13px] font-bold text-white"
        style={{ backgroundColor: `oklch(0.5 0.16 ${avatarHue(current?.origin_owner_id)})` }}
      >
        {initials(current?.origin_owner_name)}
      </span>
      <span aria-hidden="true" className="hidden w-full min-w-0 overflow-hidden text-center text-[10px] leading-tight md:block">
        <span className="block truncate font-semibold">{current?.origin_owner_name ?? 'Account'}</span>
        <span className="block truncate text-neutral-500 dark:text-neutral-400">{current?.provider_name ?? current?.provider}</span>
      </span>
      <span className="sr-only">Account</span>
      <select
        value={accountId}
        onChange={(event) => navigate(paths.account(event.target.value))}
        className="absolute inset-0 cursor-pointer opacity-0"
      >
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {accountLabel(account)}
          </option>
        ))}
      </select>
    </label>
  );
}
