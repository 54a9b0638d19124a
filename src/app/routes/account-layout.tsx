import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { Outlet, useParams } from 'react-router';
import { accountQueries } from '../../api/accounts';
import { useLiveInbox } from '../../api/live';
import { errorMessage } from '../../api/errors';
import { userQueries } from '../../api/users';
import { ErrorState, SkeletonRows } from '../../components/ui/states';
import { AccountContext } from '../../lib/account-context';
import { writeLocal } from '../../lib/local-store';
import { Rail } from '../layout/rail';
import { GlobalShortcuts } from '../layout/global-shortcuts';
import { LiveNotice } from '../layout/live-notice';
import { useAccountsUnread } from '../layout/use-accounts-unread';
import { useUnreadBadge } from '../layout/use-unread-badge';
import { UnknownAccount } from './unknown-account';

export const LAST_ACCOUNT_KEY = 'inbox:last-account';
const NO_ACCOUNTS: string[] = [];

/** Everything under /a/:accountId: the rail, the account's context, and the page. */
export function AccountLayout() {
  const params = useParams();
  const accountId = params.accountId!;
  const accounts = useQuery(accountQueries.list());
  const account = accounts.data?.find((a) => a.id === accountId);
  const self = useQuery(userQueries.withEmail(accountId, account?.origin_username));
  const otherIds = useMemo(
    () => (accounts.data ?? []).map((other) => other.id).filter((id) => id !== accountId),
    [accounts.data, accountId],
  );
  useLiveInbox(account ? accountId : null, params.conversationId ?? null, otherIds);
  const unreadHere = useUnreadBadge(accountId);
  const unreadElsewhere = useAccountsUnread(account ? otherIds : NO_ACCOUNTS);
  const unread = new Map([...unreadElsewhere, [accountId, unreadHere]]);

  useEffect(() => {
    if (account) writeLocal(LAST_ACCOUNT_KEY, account.id);
  }, [account]);

  const context = useMemo(
    () => (account ? { accountId, account, selfId: self.data ?? null } : null),
    [account, accountId, self.data],
  );

  let page;
  if (accounts.isPending) page = <SkeletonRows label="Loading accounts" />;
  else if (accounts.isError && !accounts.data)
    page = (
      <ErrorState
        title="Could not load your accounts"
        message={errorMessage(accounts.error)}
        onRetry={() => void accounts.refetch()}
      />
    );
  else if (!context) page = <UnknownAccount accountId={accountId} accounts={accounts.data ?? []} />;
  else page = <Outlet />;

  return (
    <AccountContext.Provider value={context}>
      <div className="flex h-full flex-col md:flex-row">
        <Rail accounts={accounts.data ?? []} accountId={accountId} unread={unread} />
        <LiveNotice />
        <main className="flex min-h-0 min-w-0 flex-1">{page}</main>
      </div>
      {context ? <GlobalShortcuts /> : null}
    </AccountContext.Provider>
  );
}
