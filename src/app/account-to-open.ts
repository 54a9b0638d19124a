import type { LinkedAccount } from '../contract/accounts';
import { readLocal } from '../lib/local-store';

/** The account opened last in this browser, which `/` opens again. */
export const LAST_ACCOUNT_KEY = 'inbox:last-account';

/** The account `/` opens: the one used last, or the first linked account. */
export function accountToOpen(accounts: readonly LinkedAccount[]): LinkedAccount | undefined {
  const remembered = readLocal<string | null>(LAST_ACCOUNT_KEY, null);
  return accounts.find((account) => account.id === remembered) ?? accounts[0];
}
