import type { ListChip } from './list-chips';

/**
 * Where the reader left an account's list (filter, chip, scroll), so it comes back the same after a
 * visit to another page or a reload. Kept for the tab's session only.
 */
export interface ListMemory {
  query: string;
  chip: ListChip;
  scrollTop: number;
}

const initial: ListMemory = { query: '', chip: 'all', scrollTop: 0 };
const key = (accountId: string) => `inbox:conversation-list:${accountId}`;

export function recallList(accountId: string): ListMemory {
  try {
    const text = globalThis.sessionStorage?.getItem(key(accountId));
    return text ? { ...initial, ...(JSON.parse(text) as Partial<ListMemory>) } : initial;
  } catch {
    return initial;
  }
}

export function rememberList(accountId: string, patch: Partial<ListMemory>): void {
  try {
    globalThis.sessionStorage?.setItem(key(accountId), JSON.stringify({ ...recallList(accountId), ...patch }));
  } catch {
    // Storage full or unavailable: the list simply starts afresh next time.
  }
}
