import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { accountQueries } from '../../api/accounts';
import { errorMessage } from '../../api/errors';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/ui/states';
import { readLocal } from '../../lib/local-store';
import { paths } from '../../lib/paths';
import { LAST_ACCOUNT_KEY } from './account-layout';

/** `/` opens the account used last, or the first linked account. */
export function RootRedirect() {
  const accounts = useQuery(accountQueries.list());
  if (accounts.isPending) return <SkeletonRows label="Loading accounts" />;
  if (accounts.isError) {
    return (
      <ErrorState
        title="Could not load your accounts"
        message={errorMessage(accounts.error)}
        onRetry={() => void accounts.refetch()}
      />
    );
  }
  const remembered = readLocal<string | null>(LAST_ACCOUNT_KEY, null);
  const target = accounts.data.find((a) => a.id === remembered) ?? accounts.data[0];
  if (!target)
    return <EmptyState title="No linked accounts">Link a messaging account in StackOne to see it here.</EmptyState>;
  return <Navigate to={paths.account(target.id)} replace />;
}
