import { type KeyboardEvent, type Ref, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/errors';
import { userQueries } from '../../api/users';
import type { User } from '../../contract/models';
import { CloseIcon } from '../../components/ui/icons';
import { BotBadge, PersonAvatar, PersonRow } from '../../components/ui/person-row';
import { cn } from '../../lib/cn';
import { queryTokens } from '../../contract/text-match';
import { personName } from '../../contract/people';
import { isInactive, MAX_SHOWN, type Person } from './people-search';

export interface PeoplePickerProps {
  /** The account whose directory is searched (on the server). */
  accountId: string;
  /** The chosen people, for their chips' names. */
  usersById: ReadonlyMap<string, User> | undefined;
  /** The account's own user: never offered, they always join. */
  selfId: string | null;
  chosen: readonly string[];
  onAdd: (id: string) => void;
  onRemove: (id: string) => void;
  /** Shown beside the picker; marks the search box invalid. */
  error?: string;
  /** Ids of further text that describes the picker (e.g. a hint). */
  describedBy?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * Chosen people as removable chips, then a search box over the directory with a listbox of
 * matches (the ARIA combobox pattern: focus stays in the box, which points at the active option).
 * ↑/↓ move, Enter adds, Escape closes the list, Backspace in an empty box removes the last chip.
 */
export function PeoplePicker({
  accountId,
  usersById,
  selfId,
  chosen,
  onAdd,
  onRemove,
  error,
  describedBy,
  inputRef,
}: PeoplePickerProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [pointed, setPointed] = useState(0);
  const [announcement, setAnnouncement] = useState('');

  const exclude = useMemo(() => [...chosen, ...(selfId ? [selfId] : [])], [chosen, selfId]);
  const search = useQuery({ ...userQueries.search(accountId, query, { limit: MAX_SHOWN, exclude }), enabled: open });
  const shown = useMemo(
    () => (search.data?.data ?? []).filter((user): user is Person => Boolean(user.id)),
    [search.data],
  );
  const total = search.data?.total ?? 0;
  const loading = open && search.isPending;
  const loadError = search.isError && !search.data ? errorMessage(search.error) : null;
  const active = shown.length === 0 ? -1 : Math.min(pointed, shown.length - 1);
  const optionId = (index: number) => `${id}-option-${index}`;
  const expanded = open && search.data !== undefined;
  /** The list is on screen: open, with someone in it. */
  const listed = expanded && shown.length > 0;
  const activeOptionId = listed && active >= 0 ? optionId(active) : undefined;
  const searching = queryTokens(query).length > 0;

  const fieldRef = useRef<HTMLDivElement>(null);
  const [fieldWidth, setFieldWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (expanded && fieldRef.current) setFieldWidth(fieldRef.current.offsetWidth || null);
  }, [expanded]);

  useEffect(() => {
    if (activeOptionId) document.getElementById(activeOptionId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeOptionId]);

  // Escape closes an open list and leaves the dialog open. The dialog listens on the document in the
  // capture phase, so claim the key earlier, on the window; the dialog ignores a handled Escape.
  useEffect(() => {
    if (!listed) return;
    function onEscape(event: globalThis.KeyboardEvent) {
      if (event.key !== 'Escape' || (event.target as Element | null)?.id !== inputId) return;
      event.preventDefault();
      setOpen(false);
    }
    window.addEventListener('keydown', onEscape, true);
    return () => window.removeEventListener('keydown', onEscape, true);
  }, [listed, inputId]);

  function add(person: Person | undefined) {
    if (!person) return;
    const name = personName(person);
    if (isInactive(person)) {
      setAnnouncement(`${name} is inactive and can’t be added.`);
      return;
    }
    onAdd(person.id);
    setAnnouncement(`${name} added. ${chosen.length + 1} ${chosen.length + 1 === 1 ? 'person' : 'people'} chosen.`);
    // A typed search is done; a browsed list stays open for the next pick.
    if (searching) setOpen(false);
    setQuery('');
    setPointed(0);
  }

  function remove(personId: string) {
    onRemove(personId);
    setAnnouncement(`${personName(usersById?.get(personId))} removed.`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = shown.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        setPointed(event.key === 'ArrowDown' ? 0 : Math.max(0, count - 1));
      } else if (count > 0) {
        setPointed((active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
      }
    } else if (event.key === 'Enter') {
      // Enter picks; it submits the form only from an empty, closed search box.
      if (listed && active >= 0) {
        event.preventDefault();
        add(shown[active]);
      } else if (query.trim() !== '') {
        event.preventDefault();
      }
    } else if (event.key === 'Backspace' && query === '' && chosen.length > 0) {
      event.preventDefault();
      remove(chosen[chosen.length - 1]!);
    } else if (event.key === 'Home' || event.key === 'End') {
      if (!expanded || count === 0 || query !== '') return;
      event.preventDefault();
      setPointed(event.key === 'Home' ? 0 : count - 1);
    }
  }

  let status = '';
  if (loading) status = 'Loading people…';
  // Said while the text is there, open or not: the note does not vanish (moving what is below) as focus leaves.
  else if (searching && search.data !== undefined && shown.length === 0) status = `No one matches “${query.trim()}”.`;
  else if (expanded && shown.length === 0) status = 'Everyone is already added.';
  else if (expanded && total > shown.length) status = `Showing ${shown.length} of ${total}. Type to narrow the list.`;

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="text-[13px] font-medium text-neutral-700 dark:text-neutral-200">
        Add people
      </label>
      <div>
        <div
          ref={fieldRef}
          // A click on the field's padding or between chips goes to the search box.
          onMouseDown={(event) => {
            if (event.target === event.currentTarget) {
              event.preventDefault();
              document.getElementById(inputId)?.focus();
            }
          }}
          className={cn(
            'flex min-h-9 flex-wrap items-center gap-1 rounded-md border bg-white px-1.5 py-1 focus-within:border-accent-500 dark:bg-neutral-950',
            error ? 'border-red-600 dark:border-red-400' : 'border-neutral-300 dark:border-neutral-700',
          )}
        >
          {chosen.length > 0 ? (
            <ul aria-label="People to add" className="flex max-w-full flex-wrap gap-1">
              {chosen.map((personId) => {
                const user = usersById?.get(personId);
                const name = personName(user);
                return (
                  <li
                    key={personId}
                    className="inline-flex h-7 max-w-full items-center gap-1 rounded-md bg-neutral-100 pr-0.5 pl-1 text-[13px] dark:bg-neutral-800"
                  >
                    <PersonAvatar id={personId} name={name} size={18} />
                    <span className="truncate font-medium">{name}</span>
                    {user?.bot ? <BotBadge /> : null}
                    <button
                      type="button"
                      aria-label={`Remove ${name}`}
                      title={`Remove ${name}`}
                      onClick={() => {
                        remove(personId);
                        document.getElementById(inputId)?.focus();
                      }}
                      className="rounded p-0.5 text-neutral-500 hover:bg-neutral-200 hover:text-neutral-900 dark:text-neutral-400 dark:hover:bg-neutral-700 dark:hover:text-neutral-100"
                    >
                      <CloseIcon size={14} />
                    </button>
                  </li>
                );
              })}
            </ul>
          ) : null}
          <input
            id={inputId}
            ref={inputRef}
            role="combobox"
            aria-expanded={listed}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={activeOptionId}
            aria-invalid={error ? true : undefined}
            aria-describedby={
              [error ? errorId : null, status ? countId : null, describedBy].filter(Boolean).join(' ') || undefined
            }
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setPointed(0);
              // Clearing the box closes the list; ↓ opens the whole directory again.
              setOpen(event.target.value !== '');
            }}
            onKeyDown={onKeyDown}
            onClick={() => setOpen((was) => !was || query !== '')}
            onBlur={() => setOpen(false)}
            placeholder={chosen.length > 0 ? 'Add more…' : 'Search by name, username or email'}
            autoComplete="off"
            spellCheck={false}
            className="h-7 min-w-[10rem] flex-1 bg-transparent px-1 text-sm outline-none placeholder:text-neutral-500 dark:placeholder:text-neutral-400"
          />
        </div>
        <div
          id={listId}
          role="listbox"
          aria-label="People"
          hidden={!listed}
          // Floats over what follows, so nothing below moves as it opens and closes. With no
          // positioned ancestor nearer than the dialog panel, it sits where it would flow (under the
          // field) without being cut off by the scrolling form, and may reach past the panel's foot.
          style={{ width: fieldWidth ?? undefined }}
          className="absolute z-20 mt-1 max-h-60 w-[calc(100%-2rem)] overflow-y-auto rounded-md border border-neutral-200 bg-white py-1 shadow-lg dark:border-neutral-700 dark:bg-neutral-900"
        >
          {expanded
            ? shown.map((person, index) => {
                const inactive = isInactive(person);
                return (
                  <div
                    key={person.id}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === active}
                    aria-disabled={inactive || undefined}
                    onMouseMove={index === active ? undefined : () => setPointed(index)}
                    // Keep the focus in the search box.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => add(person)}
                    className={cn(
                      'mx-1 flex items-center rounded px-2 py-1 text-sm',
                      inactive ? 'cursor-not-allowed' : 'cursor-pointer',
                      index === active &&
                        (inactive ? 'bg-neutral-100 dark:bg-neutral-800' : 'bg-accent-100 dark:bg-accent-900/60'),
                    )}
                  >
                    <PersonRow
                      id={person.id}
                      name={personName(person)}
                      username={person.username}
                      bot={person.bot === true}
                      inactive={inactive}
                      avatarSize={24}
                    />
                  </div>
                );
              })
            : null}
        </div>
      </div>
      {loadError ? (
        <p className="text-[13px] text-red-700 dark:text-red-400">
          Could not search people: {loadError}{' '}
          <button type="button" className="font-medium underline" onClick={() => void search.refetch()}>
            Retry
          </button>
        </p>
      ) : null}
      <p id={countId} className="text-[12px] text-neutral-600 empty:hidden dark:text-neutral-400">
        {status}
      </p>
      {error ? (
        <p id={errorId} className="text-[13px] text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
