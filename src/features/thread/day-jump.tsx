import { type FormEvent, useId, useRef, useState } from 'react';
import { Button } from '../../components/ui/button';
import { ChevronDownIcon } from '../../components/ui/icons';

const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/**
 * The day of the messages at the top of the view, floating over them while scrolling; it opens a date field that
 * jumps to the first message of the day picked (the thread loads back to it).
 */
export function DayJump({ day, onJump }: { day: string; onJump: (start: Date) => void }) {
  const panelId = useId();
  const panel = useRef<HTMLFormElement>(null);
  const [value, setValue] = useState('');
  const today = isoDay(new Date());

  function submit(event: FormEvent) {
    event.preventDefault();
    const [year, month, date] = value.split('-').map(Number);
    if (!year || !month || !date) return;
    panel.current?.hidePopover();
    // The start of that day where the reader is.
    onJump(new Date(year, month - 1, date));
  }

  return (
    <div className="pointer-events-none absolute inset-x-0 top-2 z-10 flex justify-center">
      <button
        type="button"
        popoverTarget={panelId}
        aria-label={`${day}: jump to a date`}
        title="Jump to a date"
        onClick={(event) => {
          const rect = event.currentTarget.getBoundingClientRect();
          if (!panel.current) return;
          panel.current.style.top = `${rect.bottom + 6}px`;
          panel.current.style.left = `${Math.max(8, rect.left + rect.width / 2 - 128)}px`;
        }}
        className="pointer-events-auto flex items-center gap-1 rounded-full border border-neutral-200 bg-white/95 px-2.5 py-0.5 text-[12px] font-medium text-neutral-700 shadow-sm hover:bg-neutral-50 dark:border-neutral-700 dark:bg-neutral-900/95 dark:text-neutral-200 dark:hover:bg-neutral-800"
      >
        {day}
        <ChevronDownIcon size={12} />
      </button>
      <form
        id={panelId}
        ref={panel}
        popover="auto"
        onSubmit={submit}
        aria-label="Jump to a date"
        className="pointer-events-auto fixed m-0 w-64 rounded-lg border border-neutral-200 bg-white p-3 text-left shadow-lg dark:border-neutral-700 dark:bg-neutral-900"
        style={{ inset: 'auto' }}
      >
        <label className="flex flex-col gap-1 text-[13px] font-medium">
          Jump to a date
          <input
            type="date"
            required
            max={today}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            className="h-8 rounded-md border border-neutral-300 bg-white px-2 text-[14px] font-normal dark:border-neutral-700 dark:bg-neutral-950"
          />
        </label>
        <div className="mt-2 flex justify-end">
          <Button type="submit" variant="primary" size="sm">
            Jump
          </Button>
        </div>
      </form>
    </div>
  );
}
