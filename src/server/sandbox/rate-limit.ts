/** A fixed-window request limit per API key, as StackOne applies one (1000 a minute). */
export function createRateLimiter(perMinute: number, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Seconds to wait when over the limit, or 0 when the request may go ahead. */
    hit(key: string): number {
      if (perMinute <= 0) return 0;
      const t = now();
      const window = windows.get(key);
      if (!window || t - window.start >= 60_000) {
        windows.set(key, { start: t, count: 1 });
        return 0;
      }
      window.count += 1;
      return window.count > perMinute ? Math.max(1, Math.ceil((window.start + 60_000 - t) / 1000)) : 0;
    },
  };
}
