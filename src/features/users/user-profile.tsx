import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../api/errors';
import { userQueries } from '../../api/users';
import type { User } from '../../contract/models';
import { BotBadge, InactiveBadge, PersonAvatar } from '../../components/ui/person-row';
import { ErrorState, Skeleton } from '../../components/ui/states';
import { useAccount } from '../../lib/account-context';
import { paths } from '../../lib/paths';
import { handle, personName } from '../../contract/people';
import { knownUser } from './known-user';
import { MessageButton } from './message-button';

function ProfileSkeleton() {
  return (
    <div role="status" aria-label="Loading profile" className="mx-auto w-full max-w-2xl px-6 py-8">
      <div className="flex items-center gap-5">
        <Skeleton className="h-20 w-20 rounded-xl" />
        <div className="flex flex-1 flex-col gap-2">
          <Skeleton className="h-6 w-1/2" />
          <Skeleton className="h-3 w-1/3" />
        </div>
      </div>
      <Skeleton className="mt-8 h-40 w-full rounded-lg" />
    </div>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[6rem_1fr] items-baseline gap-3 px-4 py-2.5 sm:grid-cols-[7.5rem_1fr]">
      <dt className="text-[13px] text-neutral-500 dark:text-neutral-400">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

function ProfileView({ user, accountId, selfId }: { user: User; accountId: string; selfId: string | null }) {
  const name = personName(user);
  const inactive = user.active === false;
  const isSelf = !!user.id && user.id === selfId;
  return (
    <article aria-labelledby="profile-name" className="mx-auto w-full max-w-2xl px-4 py-6 sm:px-6 sm:py-8">
      <header className="flex items-center gap-4 sm:gap-5">
        <PersonAvatar id={user.id} name={name} size={72} inactive={inactive} className="rounded-xl" />
        <div className="min-w-0">
          <h2 id="profile-name" className="text-xl font-semibold tracking-tight break-words sm:text-2xl">
            {name}
            {isSelf ? (
              <span className="text-base font-normal text-neutral-500 dark:text-neutral-400"> (you)</span>
            ) : null}
          </h2>
          {user.username ? (
            <p className="break-all text-neutral-500 dark:text-neutral-400">{handle(user.username)}</p>
          ) : null}
          {user.bot || inactive ? (
            <p className="mt-1.5 flex gap-1.5">
              {user.bot ? <BotBadge /> : null} {inactive ? <InactiveBadge /> : null}
            </p>
          ) : null}
        </div>
      </header>
      <div className="mt-5">
        <MessageButton
          accountId={accountId}
          selfId={selfId}
          userId={user.id ?? ''}
          name={personName(user)}
          username={user.username ?? null}
        />
      </div>
      {inactive ? (
        <p className="mt-5 rounded-md border border-neutral-200 bg-neutral-50 px-3 py-2 text-[13px] text-neutral-600 dark:border-neutral-800 dark:bg-neutral-900 dark:text-neutral-400">
          This account is inactive, so messages sent to it may go unread.
        </p>
      ) : null}
      <dl className="mt-6 divide-y divide-neutral-200 rounded-lg border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800">
        {user.email ? (
          <Field label="Email">
            <a href={`mailto:${user.email}`} className="break-all text-accent-700 hover:underline dark:text-accent-300">
              {user.email}
            </a>
          </Field>
        ) : null}
        {user.username ? <Field label="Username">{user.username}</Field> : null}
        {user.first_name ? <Field label="First name">{user.first_name}</Field> : null}
        {user.last_name ? <Field label="Last name">{user.last_name}</Field> : null}
        <Field label="Type">{user.bot ? 'Bot' : 'Person'}</Field>
        <Field label="Status">{inactive ? 'Inactive' : 'Active'}</Field>
      </dl>
    </article>
  );
}

function NotInAccount({ accountId }: { accountId: string }) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-1.5 p-8 text-center">
      <h2 className="font-semibold">This person is not in this account</h2>
      <p className="max-w-sm text-[13px] text-neutral-600 dark:text-neutral-400">
        They may have left, or the link belongs to another account.
      </p>
      <Link
        to={paths.users(accountId)}
        className="mt-1 text-[13px] font-medium text-accent-700 underline dark:text-accent-300"
      >
        See everyone
      </Link>
    </div>
  );
}

/** One person's profile, with a way to message them. */
export function UserProfile({ userId }: { userId: string }) {
  const { accountId, selfId } = useAccount();
  const queryClient = useQueryClient();
  const profile = useQuery({
    ...userQueries.detail(accountId, userId),
    // Someone picked from the list shows at once; the full record replaces them when it arrives.
    placeholderData: () => knownUser(queryClient, accountId, userId),
  });

  if (profile.isPending) return <ProfileSkeleton />;
  if (profile.isError && !profile.data) {
    if (profile.error instanceof ApiError && profile.error.status === 404)
      return <NotInAccount accountId={accountId} />;
    return (
      <ErrorState
        title="Could not load this profile"
        message={errorMessage(profile.error)}
        onRetry={() => void profile.refetch()}
      />
    );
  }
  if (!profile.data) return <NotInAccount accountId={accountId} />;
  return <ProfileView user={profile.data} accountId={accountId} selfId={selfId} />;
}
