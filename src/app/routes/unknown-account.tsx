import { Link } from 'react-router';
import type { LinkedAccount } from '../../contract/accounts';
import { accountLabel } from '../../features/accounts/account-switcher';
import { paths } from '../../lib/paths';

/** An address with an account id that is not one of the person's linked accounts: say so, and offer theirs. */
export function UnknownAccount({ accountId, accounts }: { accountId: string; accounts: LinkedAccount[] }) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-3 p-8 text-center">
      <h1 className="text-lg font-semibold">This account is not one you can open</h1>
      <p className="max-w-md text-neutral-600 dark:text-neutral-400">
        “{accountId.length > 64 ? `${accountId.slice(0, 64)}…` : accountId}” is not among the linked accounts of this
        inbox. The link may be wrong, or the account was removed.
      </p>
      {accounts.length > 0 ? (
        <nav aria-label="Your accounts" className="flex flex-col gap-1">
          {accounts.map((account) => (
            <Link
              key={account.id}
              to={paths.account(account.id)}
              className="font-medium text-accent-700 underline dark:text-accent-300"
            >
              {accountLabel(account)}
            </Link>
          ))}
        </nav>
      ) : (
        <Link className="font-medium text-accent-700 underline dark:text-accent-300" to="/">
          Go to the inbox
        </Link>
      )}
    </div>
  );
}
