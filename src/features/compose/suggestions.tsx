import { useEffect, useRef } from 'react';
import { cn } from '../../lib/cn';

export interface Suggestion {
  key: string;
  label: string;
  detail: string;
  glyph?: string;
  insert: string;
}

interface Props {
  id: string;
  label: string;
  items: Suggestion[];
  active: number;
  onChoose: (item: Suggestion) => void;
  onActive: (index: number) => void;
}

/** The little list over the message box while `@name` or `:shortcode` is typed; the box keeps the focus. */
export function Suggestions({ id, label, items, active, onChoose, onActive }: Props) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <ul
      ref={list}
      id={id}
      role="listbox"
      aria-label={label}
      className="absolute right-0 bottom-full left-0 z-30 mb-1 max-h-60 overflow-y-auto rounded-lg border border-neutral-200 bg-white p-1 shadow-lg dark:border-neutral-700 dark:bg-neutral-900"
    >
      {items.map((item, index) => (
        <li
          key={item.key}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === active}
          onMouseDown={(event) => event.preventDefault()}
          onMouseEnter={() => onActive(index)}
          onClick={() => onChoose(item)}
          className={cn(
            'flex cursor-pointer items-center gap-2 rounded-md px-2 py-1 text-[14px]',
            index === active && 'bg-accent-50 text-accent-900 dark:bg-accent-900/40 dark:text-accent-100',
          )}
        >
          {item.glyph ? (
            <span aria-hidden="true" className="w-5 text-center text-[16px]">
              {item.glyph}
            </span>
          ) : null}
          <span className="font-medium">{item.label}</span>
          {item.detail ? (
            <span className="truncate text-[13px] text-neutral-600 dark:text-neutral-400">{item.detail}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
