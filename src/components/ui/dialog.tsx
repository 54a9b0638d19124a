import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { cn } from '../../lib/cn';
import { useReturnFocus } from './use-return-focus';

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  /** Visually hide the description (it is still read by screen readers). */
  hideDescription?: boolean;
  children: ReactNode;
  className?: string;
}

function ReturnFocus() {
  useReturnFocus();
  return null;
}

/** A modal dialog with a title, a description, a focus trap, Escape, and focus back to the opener. */
export function Dialog({ open, onOpenChange, title, description, hideDescription, children, className }: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-neutral-950/40 backdrop-blur-[1px]" />
        <RadixDialog.Content
          className={cn(
            'fixed top-[12vh] left-1/2 z-50 flex max-h-[76vh] w-[min(92vw,32rem)] -translate-x-1/2 flex-col rounded-xl border border-neutral-200 bg-white shadow-2xl outline-none dark:border-neutral-800 dark:bg-neutral-900',
            className,
          )}
        >
          <div className="flex items-start justify-between gap-2 px-4 pt-4">
            <div>
              <RadixDialog.Title className="text-base font-semibold">{title}</RadixDialog.Title>
              <RadixDialog.Description
                className={cn('text-[13px] text-neutral-600 dark:text-neutral-400', hideDescription && 'sr-only')}
              >
                {description}
              </RadixDialog.Description>
            </div>
            <RadixDialog.Close
              aria-label="Close"
              className="rounded-md p-1 text-neutral-500 hover:bg-neutral-100 hover:text-neutral-800 dark:hover:bg-neutral-800 dark:hover:text-neutral-100"
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 20 20"
                className="h-4 w-4"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              >
                <path d="M5 5l10 10M15 5L5 15" />
              </svg>
            </RadixDialog.Close>
          </div>
          <ReturnFocus />
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
