import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A text box's value kept in a URL search parameter (shareable, survives reload). The box keeps its
 * own state because URL updates land asynchronously; a URL change the box did not write itself
 * (a link, Back) replaces the text.
 */
export function useSearchParam(name: string): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get(name) ?? '';
  const [value, setValue] = useState(fromUrl);
  const pending = useRef<string[]>([]);
  // What the URL will hold once the pending updates land.
  const expected = useRef(fromUrl);

  useEffect(() => {
    const index = pending.current.indexOf(fromUrl);
    if (index >= 0) {
      pending.current = pending.current.slice(index + 1);
      return;
    }
    pending.current = [];
    expected.current = fromUrl;
    setValue(fromUrl);
  }, [fromUrl]);

  const update = useCallback(
    (next: string) => {
      setValue(next);
      const stored = next.trim() ? next : '';
      if (stored === expected.current) return;
      expected.current = stored;
      pending.current.push(stored);
      setParams(
        (previous) => {
          const updated = new URLSearchParams(previous);
          if (stored) updated.set(name, stored);
          else updated.delete(name);
          return updated;
        },
        { replace: true, preventScrollReset: true },
      );
    },
    [name, setParams],
  );

  return [value, update];
}
