import { initials } from '../../lib/avatar';
import { cn } from '../../lib/cn';
import { Avatar } from './avatar';
import { BotIcon } from './icons';
import { handle } from '../../contract/people';

export function BotBadge() {
  return (
    <span className="inline-flex shrink-0 items-center gap-0.5 rounded bg-accent-50 px-1 text-[11px] leading-4 font-medium text-accent-700 dark:bg-accent-900/50 dark:text-accent-100">
      <BotIcon size={11} />
      Bot
    </span>
  );
}

export function InactiveBadge() {
  return (
    <span className="inline-flex shrink-0 items-center rounded border border-neutral-300 px-1 text-[11px] leading-4 font-medium text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
      Inactive
    </span>
  );
}

/** A person's avatar; an inactive person's is grey, so the colour does not suggest they are around. */
export function PersonAvatar({
  id,
  name,
  size,
  inactive,
  className,
}: {
  id: string | null | undefined;
  name: string;
  size: number;
  inactive?: boolean;
  className?: string;
}) {
  if (!inactive) return <Avatar id={id} name={name} size={size} className={className} />;
  return (
    <span
      aria-hidden="true"
      className={cn(
        'inline-flex shrink-0 select-none items-center justify-center rounded-md bg-neutral-200 font-semibold text-neutral-600 dark:bg-neutral-800 dark:text-neutral-300',
        className,
      )}
      style={{ width: size, height: size, fontSize: Math.round(size * 0.4) }}
    >
      {initials(name)}
    </span>
  );
}

export interface PersonRowProps {
  id: string | null | undefined;
  name: string;
  username?: string | null;
  bot?: boolean;
  inactive?: boolean;
  /** The account's own user, marked "(you)". */
  self?: boolean;
  avatarSize?: number;
}

/** Avatar, name, handle and badges of one person; the caller wraps it in a link or a list item. */
export function PersonRow({ id, name, username, bot, inactive, self, avatarSize = 32 }: PersonRowProps) {
  // The {' '} keep words apart in the accessible name; flex layout ignores them.
  return (
    <span className="flex min-w-0 flex-1 items-center gap-2.5">
      <PersonAvatar id={id} name={name} size={avatarSize} inactive={inactive} />
      <span className="flex min-w-0 flex-1 flex-col">
        <span className="flex min-w-0 items-center gap-1.5">
          <span className={cn('truncate font-medium', inactive && 'text-neutral-600 dark:text-neutral-400')}>
            {name}
          </span>{' '}
          {self ? <span className="shrink-0 text-[13px] text-neutral-600 dark:text-neutral-400">(you)</span> : null}{' '}
          {bot ? <BotBadge /> : null} {inactive ? <InactiveBadge /> : null}
        </span>{' '}
        {username ? (
          <span className="truncate text-[13px] text-neutral-600 dark:text-neutral-400">{handle(username)}</span>
        ) : null}
      </span>
    </span>
  );
}
