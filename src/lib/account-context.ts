import { createContext, useContext } from 'react';
import type { LinkedAccount } from '../contract/accounts';

export interface AccountContextValue {
  accountId: string;
  account: LinkedAccount;
  /** The account's own user id, once the directory has loaded (null when unknown). */
  selfId: string | null;
}

export const AccountContext = createContext<AccountContextValue | null>(null);

/** The linked account the current screen shows. */
export function useAccount(): AccountContextValue {
  const value = useContext(AccountContext);
  if (!value) throw new Error('useAccount needs an AccountContext provider');
  return value;
}
