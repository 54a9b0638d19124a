import { useEffect, useRef, useState } from 'react';
import { useLiveStatus } from '../../api/live';

/** "Reconnecting…" while the server's event stream is lost, and "Back online" for a moment when it returns. */
export function LiveNotice() {
  const status = useLiveStatus();
  const [back, setBack] = useState(false);
  const wasLost = useRef(false);

  useEffect(() => {
    if (status === 'reconnecting') {
      wasLost.current = true;
      setBack(false);
      return;
    }
    if (status !== 'open' || !wasLost.current) return;
    wasLost.current = false;
    setBack(true);
    const timer = setTimeout(() => setBack(false), 3_000);
    return () => clearTimeout(timer);
  }, [status]);

  const text = status === 'reconnecting' ? 'Reconnecting…' : back ? 'Back online' : '';
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 top-2 z-50 flex justify-center"
    >
      {text ? (
        <span
          className={
            status === 'reconnecting'
              ? 'rounded-full bg-amber-100 px-3 py-1 text-[13px] font-medium text-amber-900 shadow dark:bg-amber-900 dark:text-amber-50'
              : 'rounded-full bg-emerald-100 px-3 py-1 text-[13px] font-medium text-emerald-900 shadow dark:bg-emerald-900 dark:text-emerald-50'
          }
        >
          {text}
        </span>
      ) : null}
    </div>
  );
}
