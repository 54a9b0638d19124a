import type { ReactNode } from 'react';
import { cn } from '../../lib/cn';
import { Button } from './button';

export function Skeleton({ className }: { className?: string }) {
  return (
    <div aria-hidden="true" className={cn('animate-pulse rounded bg-neutral-200 dark:bg-neutral-800', className)} />
  );
}

/** Placeholder rows while a list loads. */
export function SkeletonRows({ rows = 8, label }: { rows?: number; label: string }) {
  return (
    <div role="status" aria-label={label} className="flex flex-col gap-3 p-3">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-3">
          <Skeleton className="h-8 w-8 shrink-0" />
          <div className="flex flex-1 flex-col gap-1.5">
            <Skeleton className="h-3 w-2/5" />
            <Skeleton className="h-3 w-4/5" />
          </div>
        </div>
      ))}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-1 p-8 text-center text-neutral-500 dark:text-neutral-400">
      <p className="font-medium text-neutral-700 dark:text-neutral-200">{title}</p>
      {children ? <div className="text-[13px]">{children}</div> : null}
    </div>
  );
}

/** What failed, in the API's words, and a way to try again. */
export function ErrorState({ title, message, onRetry }: { title: string; message: string; onRetry?: () => void }) {
  return (
    <div role="alert" className="flex flex-1 flex-col items-center justify-center gap-2 p-8 text-center">
      <p className="font-medium text-neutral-800 dark:text-neutral-100">{title}</p>
      <p className="max-w-md text-[13px] text-neutral-600 dark:text-neutral-400">{message}</p>
      {onRetry ? (
        <Button variant="secondary" onClick={onRetry}>
          Retry
        </Button>
      ) : null}
    </div>
  );
}

/** A thin notice that data on screen may be out of date. */
export function StaleNotice({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div
      role="status"
      className="flex items-center justify-between gap-2 border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-[13px] text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100"
    >
      <span>{message}</span>
      <button type="button" className="font-medium underline" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
