import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { accountQueries } from '../../api/accounts';
import { errorMessage } from '../../api/errors';
import { EmptyState, ErrorState } from '../../components/ui/states';
import { paths } from '../../lib/paths';
import { accountToOpen } from '../account-to-open';
import { InboxShell } from '../layout/inbox-frame';

/** `/` opens the account used last, or the first linked account. */
export function RootRedirect() {
  const accounts = useQuery(accountQueries.list());
  if (accounts.isPending) return <InboxShell />;
  if (accounts.isError) {
    return (
      <ErrorState
        title="Could not load your accounts"
        message={errorMessage(accounts.error)}
        onRetry={() => void accounts.refetch()}
      />
    );
  }
  const target = accountToOpen(accounts.data);
  if (!target)
    return <EmptyState title="No linked accounts">Link a messaging account in StackOne to see it here.</EmptyState>;
  return <Navigate to={paths.account(target.id)} replace />;
}
