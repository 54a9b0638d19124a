import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { userQueries } from '../../api/users';
import { PersonRow } from '../../components/ui/person-row';
import { useAccount } from '../../lib/account-context';
import { paths } from '../../lib/paths';
import { displayName } from './filter-users';

/** A compact, linked card for one person, resolved through the account's directory. */
export function UserCard({ userId }: { userId: string }) {
  const { accountId, selfId } = useAccount();
  const user = useQuery(userQueries.directory(accountId)).data?.byId.get(userId);
  return (
    <Link
      to={paths.user(accountId, userId)}
      className="flex rounded-md px-2 py-1.5 hover:bg-neutral-100 dark:hover:bg-neutral-800/70"
    >
      <PersonRow
        id={userId}
        name={user ? displayName(user) : 'Unknown user'}
        username={user?.username}
        bot={user?.bot === true}
        inactive={user?.active === false}
        self={userId === selfId}
      />
    </Link>
  );
}
