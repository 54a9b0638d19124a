/**
 * The measured heights of the rows of recently read conversations, so that going back to one renders its rows where
 * they belong in the first frame, with no pass that measures them first. Heights hold for one width of the list.
 */
const KEPT = 30;

interface Heights {
  width: number;
  byId: Map<string, number>;
}

const kept = new Map<string, Heights>();
let view = { width: 0, height: typeof window === 'undefined' ? 600 : window.innerHeight };

export function rememberedHeights(key: string, width: number): ReadonlyMap<string, number> | undefined {
  const heights = kept.get(key);
  return heights && Math.abs(heights.width - width) < 1 ? heights.byId : undefined;
}

export function rememberHeights(key: string, width: number, byId: ReadonlyMap<string | number | bigint, number>) {
  const copy = new Map<string, number>();
  for (const [id, height] of byId) if (typeof id === 'string') copy.set(id, height);
  kept.delete(key);
  kept.set(key, { width, byId: copy });
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
}

/** The size the thread's view had when last seen: the first frame of the next thread renders rows for that much. */
export const lastView = () => view;
export const rememberView = (width: number, height: number) => {
  if (width > 0 && height > 0) view = { width, height };
};
