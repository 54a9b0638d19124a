import { Avatar } from '../../components/ui/avatar';
import { HashIcon, LockIcon, UsersIcon } from '../../components/ui/icons';
import { cn } from '../../lib/cn';
import type { SwitcherResult } from './switcher-results';

function ResultIcon({ result }: { result: SwitcherResult }) {
  if (result.type === 'person') return <Avatar id={result.id} name={result.title} size={24} />;
  if (result.type === 'message') return <Avatar id={result.authorId ?? result.id} name={result.title} size={24} />;
  if (result.kind === 'direct')
    return <Avatar id={result.personId ?? result.id} name={result.personName || result.title} size={24} />;
  const Icon = result.kind === 'private' ? LockIcon : result.kind === 'group' ? UsersIcon : HashIcon;
  return (
    <span className="inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-md bg-neutral-100 text-neutral-600 dark:bg-neutral-800 dark:text-neutral-300">
      <Icon size={14} />
    </span>
  );
}

interface Props {
  id: string;
  result: SwitcherResult;
  active: boolean;
  onPoint: () => void;
  onChoose: () => void;
}

/** One result: the focus stays in the search box, which points at the active option. */
export function SwitcherOption({ id, result, active, onPoint, onChoose }: Props) {
  return (
    <div
      id={id}
      role="option"
      aria-selected={active}
      onMouseMove={active ? undefined : onPoint}
      // Keep the focus in the search box.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onChoose}
      className={cn(
        'mx-2 flex cursor-pointer items-center gap-2.5 rounded-md px-2 py-1.5',
        active
          ? 'bg-accent-100 text-accent-900 dark:bg-accent-900/60 dark:text-white'
          : 'text-neutral-800 dark:text-neutral-200',
      )}
    >
      <ResultIcon result={result} />
      {result.type === 'message' ? (
        <span className="flex min-w-0 flex-1 flex-col">
          <span className="flex min-w-0 items-baseline gap-2">
            <span className="truncate text-[14px] font-medium">{result.title}</span>
            <span
              className={cn(
                'shrink-0 truncate text-[13px]',
                active ? 'text-accent-700 dark:text-accent-300' : 'text-neutral-500 dark:text-neutral-400',
              )}
            >
              in {result.subtitle}
            </span>
          </span>
          <span className="truncate text-[13px]">{result.snippet}</span>
        </span>
      ) : (
        <span className="flex min-w-0 flex-1 flex-col sm:flex-row sm:items-baseline sm:gap-2">
          <span className="truncate text-[14px] font-medium">{result.title}</span>
          <span
            className={cn(
              'shrink-0 truncate text-[13px] sm:max-w-[45%]',
              active ? 'text-accent-700 dark:text-accent-300' : 'text-neutral-500 dark:text-neutral-400',
            )}
          >
            {result.subtitle}
          </span>
        </span>
      )}
    </div>
  );
}
