import { Link, useParams, useSearchParams } from 'react-router';
import { BackIcon } from '../../components/ui/icons';
import { EmptyState } from '../../components/ui/states';
import { UserDirectory } from '../../features/users/user-directory';
import { UserProfile } from '../../features/users/user-profile';
import { useAccount } from '../../lib/account-context';
import { cn } from '../../lib/cn';
import { paths } from '../../lib/paths';

/** The people of the account beside one person's profile; on narrow screens, one of the two at a time. */
export function UsersRoute() {
  const { accountId } = useAccount();
  const userId = useParams().userId ?? null;
  const [params] = useSearchParams();
  const q = params.get('q');
  const back = `${paths.users(accountId)}${q ? `?${new URLSearchParams({ q })}` : ''}`;

  return (
    <div className="flex min-h-0 min-w-0 flex-1">
      <div
        className={cn(
          'min-h-0 w-full shrink-0 border-neutral-200 md:flex md:w-80 md:border-r dark:border-neutral-800',
          userId ? 'hidden' : 'flex',
        )}
      >
        <UserDirectory selectedId={userId} />
      </div>
      <div className={cn('min-h-0 min-w-0 flex-1 flex-col overflow-y-auto', userId ? 'flex' : 'hidden md:flex')}>
        {userId ? (
          <>
            <Link
              to={back}
              className="flex items-center gap-1 self-start px-3 pt-3 text-[13px] font-medium text-accent-700 md:hidden dark:text-accent-300"
            >
              <BackIcon size={16} />
              Back<span className="sr-only"> to people</span>
            </Link>
            <UserProfile key={userId} userId={userId} />
          </>
        ) : (
          <EmptyState title="Pick a person">Choose someone from the list to see their profile.</EmptyState>
        )}
      </div>
    </div>
  );
}
