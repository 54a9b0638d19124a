import { useId, useState } from 'react';
import { CloseIcon } from '../../components/ui/icons';
import { cn } from '../../lib/cn';
import type { Recipient } from './recipients';

interface Props {
  recipient: Recipient | null;
  onRecipient: (recipient: Recipient | null) => void;
  query: string;
  onQuery: (query: string) => void;
  options: Recipient[];
  /** Said under the field: why nothing is offered for what was typed. */
  note?: string;
}

/** "To": a combobox over conversations and people; the choice shows as a removable chip. */
export function RecipientPicker({ recipient, onRecipient, query, onQuery, options, note }: Props) {
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputId = useId();
  const noteId = useId();
  if (recipient) {
    return (
      <div className="flex flex-col gap-1 text-[13px] font-medium">
        <span>To</span>
        <span className="flex w-fit items-center gap-1 rounded-full bg-accent-50 py-0.5 pr-1 pl-3 text-[14px] font-normal text-accent-900 dark:bg-accent-900/40 dark:text-accent-100">
          {recipient.label}
          <button
            type="button"
            aria-label={`Remove ${recipient.label}`}
            onClick={() => onRecipient(null)}
            className="rounded-full p-1 hover:bg-accent-100 dark:hover:bg-accent-900"
          >
            <CloseIcon size={12} />
          </button>
        </span>
      </div>
    );
  }
  const pick = (option: Recipient | undefined) => {
    if (!option) return;
    onRecipient(option);
    onQuery('');
    setActive(0);
  };
  return (
    <div className="relative flex flex-col gap-1 text-[13px] font-medium">
      <label htmlFor={inputId}>To</label>
      <input
        id={inputId}
        // The field the person fills first, on opening and again after removing a recipient.
        autoFocus
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={options[active] ? `${listId}-${active}` : undefined}
        autoComplete="off"
        value={query}
        placeholder="A conversation, or a person’s name or email"
        aria-describedby={note ? noteId : undefined}
        onChange={(e) => {
          onQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(options.length - 1, i + 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
          else if (e.key === 'Enter' && options.length > 0) pick(options[active]);
          else return;
          e.preventDefault();
        }}
        className="rounded-lg border border-neutral-300 bg-white px-3 py-2 text-[14px] font-normal focus:border-accent-500 focus:outline-none dark:border-neutral-700 dark:bg-neutral-950"
      />
      {note ? (
        <p id={noteId} role="status" className="text-[13px] font-normal text-neutral-700 dark:text-neutral-300">
          {note}
        </p>
      ) : null}
      <ul
        id={listId}
        role="listbox"
        aria-label="Recipients"
        className={cn(
          'max-h-56 overflow-y-auto rounded-lg border border-neutral-200 dark:border-neutral-800',
          options.length === 0 && 'hidden',
        )}
      >
        {options.map((option, index) => (
          <li
            key={`${option.kind}:${option.id}`}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(option)}
            className={cn(
              'flex cursor-pointer items-baseline gap-2 px-3 py-1.5 font-normal',
              index === active && 'bg-accent-50 dark:bg-accent-900/40',
            )}
          >
            <span className="text-[14px]">{option.label}</span>
            <span className="text-[12px] text-neutral-500 dark:text-neutral-400">{option.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
