import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { Outlet, useLocation, useParams } from 'react-router';
import { accountQueries } from '../../api/accounts';
import { useLiveInbox } from '../../api/live';
import { errorMessage } from '../../api/errors';
import { userQueries } from '../../api/users';
import { ErrorState } from '../../components/ui/states';
import { AccountContext } from '../../lib/account-context';
import { writeLocal } from '../../lib/local-store';
import { Rail } from '../layout/rail';
import { GlobalShortcuts } from '../layout/global-shortcuts';
import { InboxFrame, PagePlaceholder } from '../layout/inbox-frame';
import { LiveNotice } from '../layout/live-notice';
import { useAccountsUnread } from '../layout/use-accounts-unread';
import { useUnreadBadge } from '../layout/use-unread-badge';
import { LAST_ACCOUNT_KEY } from '../account-to-open';
import { useFirstScreenDone } from '../when-settled';
import { UnknownAccount } from './unknown-account';

const NO_ACCOUNTS: string[] = [];

/** Everything under /a/:accountId: the rail, the account's context, and the page. */
export function AccountLayout() {
  const params = useParams();
  const accountId = params.accountId!;
  const { pathname } = useLocation();
  const accounts = useQuery(accountQueries.list());
  const account = accounts.data?.find((a) => a.id === accountId);
  const self = useQuery(userQueries.withEmail(accountId, account?.origin_username));
  const otherIds = useMemo(
    () => (accounts.data ?? []).map((other) => other.id).filter((id) => id !== accountId),
    [accounts.data, accountId],
  );
  useLiveInbox(account ? accountId : null, params.conversationId ?? null, otherIds);
  const unreadHere = useUnreadBadge(accountId);
  // The other accounts' unread counts (a page of conversations each) wait for this one's first screen.
  const firstScreenDone = useFirstScreenDone();
  const unreadElsewhere = useAccountsUnread(account && firstScreenDone ? otherIds : NO_ACCOUNTS);
  const unread = new Map([...unreadElsewhere, [accountId, unreadHere]]);

  useEffect(() => {
    if (account) writeLocal(LAST_ACCOUNT_KEY, account.id);
  }, [account]);

  const context = useMemo(
    () => (account ? { accountId, account, selfId: self.data ?? null } : null),
    [account, accountId, self.data],
  );

  let page;
  // The same placeholders as the first paint's, until the accounts say which one this is.
  if (accounts.isPending) page = <PagePlaceholder pathname={pathname} />;
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
      <InboxFrame
        rail={<Rail accounts={accounts.data ?? []} accountId={accountId} unread={unread} />}
        notice={<LiveNotice />}
      >
        {page}
      </InboxFrame>
      {context ? <GlobalShortcuts /> : null}
    </AccountContext.Provider>
  );
}
