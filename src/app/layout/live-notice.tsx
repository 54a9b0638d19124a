import { useEffect, useRef, useState } from 'react';
import { useLiveStatus } from '../../api/live';
import { useOnline } from './use-online';

const OFFLINE_TEXT = "You're offline — showing what was loaded; messages you send will go when you're back";

/**
 * "You're offline…" while the browser has no connection, "Reconnecting…" while the server's event stream is lost, and
 * "Back online" for a moment when it returns.
 */
export function LiveNotice() {
  const status = useLiveStatus();
  const online = useOnline();
  const [back, setBack] = useState(false);
  const wasLost = useRef(false);

  useEffect(() => {
    if (status === 'reconnecting' || !online) {
      wasLost.current = true;
      setBack(false);
      return;
    }
    if (status !== 'open' || !wasLost.current) return;
    wasLost.current = false;
    setBack(true);
    const timer = setTimeout(() => setBack(false), 3_000);
    return () => clearTimeout(timer);
  }, [status, online]);

  const lost = !online || status === 'reconnecting';
  const text = !online ? OFFLINE_TEXT : status === 'reconnecting' ? 'Reconnecting…' : back ? 'Back online' : '';
  return (
    <div
      role="status"
      aria-live="polite"
      // On a phone it takes its own line under the top bar instead of covering it; wider, it floats over the top.
      className={`pointer-events-none z-50 flex shrink-0 justify-center px-3 md:fixed md:inset-x-0 md:top-2 md:py-0 ${text ? 'py-1.5' : ''}`}
    >
      {text ? (
        <span
          className={
            lost
              ? 'max-w-xl rounded-xl bg-amber-100 px-3 py-1 text-center text-[13px] font-medium text-amber-900 shadow dark:bg-amber-900 dark:text-amber-50'
              : 'rounded-full bg-emerald-100 px-3 py-1 text-[13px] font-medium text-emerald-900 shadow dark:bg-emerald-900 dark:text-emerald-50'
          }
        >
          {text}
        </span>
      ) : null}
    </div>
  );
}
