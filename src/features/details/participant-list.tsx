import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { usePeople } from '../../api/users';
import { Button } from '../../components/ui/button';
import { PersonRow } from '../../components/ui/person-row';
import { SkeletonRows } from '../../components/ui/states';
import { paths } from '../../lib/paths';
import { personName } from '../../contract/people';

/** Enough for any channel someone would scan by eye; the rest is one click away. */
const FIRST_SHOWN = 100;

/** The people of a conversation, you first and then by name, each linked to their profile. */
export function ParticipantList({
  accountId,
  ids,
  selfId,
}: {
  accountId: string;
  ids: readonly string[];
  selfId: string | null;
}) {
  const directory = usePeople(accountId, ids);
  const [showAll, setShowAll] = useState(false);
  const byId = directory.byId;

  const people = useMemo(() => {
    const unique = [...new Set(ids)].map((id) => ({ id, user: byId.get(id), name: personName(byId.get(id)) }));
    return unique.sort((a, b) => Number(b.id === selfId) - Number(a.id === selfId) || a.name.localeCompare(b.name));
  }, [ids, byId, selfId]);

  if (directory.pending && byId.size === 0)
    return <SkeletonRows rows={Math.min(people.length, 6)} label="Loading participants" />;
  const shown = showAll ? people : people.slice(0, FIRST_SHOWN);

  return (
    <>
      {directory.error ? (
        <p className="px-2 py-1 text-[13px] text-neutral-600 dark:text-neutral-400">
          Some names could not be loaded.{' '}
          <button
            type="button"
            className="font-medium text-accent-700 underline dark:text-accent-300"
            onClick={directory.retry}
          >
            Retry
          </button>
        </p>
      ) : null}
      <ul aria-label="Participants" className="flex flex-col">
        {shown.map(({ id, user, name }) => (
          <li key={id}>
            <Link
              to={paths.user(accountId, id)}
              className="flex rounded-md px-2 py-1.5 -outline-offset-2 hover:bg-neutral-100 dark:hover:bg-neutral-800/70"
            >
              <PersonRow
                id={id}
                name={name}
                username={user?.username}
                bot={user?.bot === true}
                inactive={user?.active === false}
                self={id === selfId}
                avatarSize={28}
              />
            </Link>
          </li>
        ))}
      </ul>
      {shown.length < people.length ? (
        <Button variant="ghost" size="sm" className="self-start" onClick={() => setShowAll(true)}>
          Show all {people.length.toLocaleString()}
        </Button>
      ) : null}
    </>
  );
}
