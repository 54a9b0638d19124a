import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';
import type { DehydratedState, InfiniteData, QueryClient } from '@tanstack/react-query';
import {
  type PersistedClient,
  persistQueryClientRestore,
  persistQueryClientSubscribe,
} from '@tanstack/react-query-persist-client';
import { clear, createStore, del, get, keys, set } from 'idb-keyval';
import { version } from '../../package.json';
import type { LinkedAccount } from '../contract/accounts';
// Loaded apart from the first screen's code: what it takes from session.ts is in the first screen already.
import { CACHE_OWNER_KEY, keptCacheOwner, type Session } from './session';

/** Whose cache a session's is (`cacheOwnerOf` of session.ts, passed in by the caller). */
export type OwnerOf = (session: Session) => string | null;
const SESSION_KEY = ['session'];
const ACCOUNTS_KEY = ['accounts', 'list'];

/**
 * The query cache kept in IndexedDB, so that a reload or a return shows the last screen at once (and offline). It
 * belongs to one signed-in person: stored under their name, restored only for them, and never written once someone
 * else has signed in on this browser or they have signed out.
 */
const store = () => createStore('inbox', 'query-cache');
/** Which person's cache this browser holds; cleared with the person's other local state at sign-out. */
export const OWNER_KEY = CACHE_OWNER_KEY;
const MAX_AGE_MS = 7 * 24 * 60 * 60_000;
/** The newest threads kept, each with its newest page only; two pages of the conversation list. */
const MAX_THREADS = 20;
const MAX_LIST_PAGES = 2;
const BUSTER = version;

const storageKey = (owner: string) => `query-cache:${owner}`;

const storedOwner = keptCacheOwner;

function claim(owner: string) {
  try {
    globalThis.localStorage?.setItem(OWNER_KEY, owner);
  } catch {
    // Without local storage nothing is persisted: writes check the owner there.
  }
}

type Dehydrated = DehydratedState['queries'][number];
const rootOf = (query: Dehydrated) => query.queryKey[0];
const accountOf = (query: Dehydrated) => query.queryKey[1];

function trimPages(query: Dehydrated, pages: number): Dehydrated {
  const data = query.state.data as InfiniteData<unknown, unknown> | undefined;
  if (!data?.pages) return query;
  return {
    ...query,
    state: { ...query.state, data: { pages: data.pages.slice(0, pages), pageParams: data.pageParams.slice(0, pages) } },
  };
}

/**
 * What is worth keeping, bounded: the session, the accounts, the conversation lists and details, the people, and the
 * newest page of the most recently read threads; only for the accounts this person may open; never attachments.
 */
export function keepable(state: DehydratedState): DehydratedState {
  const accounts = state.queries.find((q) => q.queryHash === JSON.stringify(ACCOUNTS_KEY));
  const allowed = new Set(((accounts?.state.data as LinkedAccount[] | undefined) ?? []).map((account) => account.id));
  const success = state.queries.filter((q) => q.state.status === 'success' && q.state.data !== undefined);
  const threads = success
    .filter((q) => rootOf(q) === 'messages' && q.queryKey[2] === 'list' && allowed.has(accountOf(q) as string))
    .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt)
    .slice(0, MAX_THREADS)
    .map((q) => trimPages(q, 1));
  const rest = success.flatMap((q) => {
    const root = rootOf(q);
    if (root === 'session' || q.queryHash === accounts?.queryHash) return [q];
    if (!allowed.has(accountOf(q) as string)) return [];
    const kind = q.queryKey[2];
    if (root === 'conversations') return [kind === 'list' ? trimPages(q, MAX_LIST_PAGES) : q];
    if (root === 'users' && (kind === 'person' || kind === 'detail')) return [q];
    if (root === 'users' && kind === 'list') return [trimPages(q, 1)];
    return [];
  });
  return { mutations: [], queries: [...rest, ...threads] };
}

function persisterFor(owner: string) {
  return createAsyncStoragePersister({
    key: storageKey(owner),
    throttleTime: 1_000,
    storage: {
      getItem: (key) => get<string>(key, store()).then((value) => value ?? null),
      // Someone else signed in, or this person signed out, in this tab or another: nothing more is written.
      setItem: async (key, value) => {
        if (storedOwner() === owner) await set(key, value, store());
      },
      removeItem: (key) => del(key, store()),
    },
    serialize: (client: PersistedClient) => JSON.stringify({ ...client, clientState: keepable(client.clientState) }),
  });
}

/** Forgets every person's kept cache in this browser (at sign-out, or when another person signs in). */
export async function deletePersistedCaches(): Promise<void> {
  stopPersisting?.();
  stopPersisting = null;
  await clear(store());
}

let stopPersisting: (() => void) | null = null;

async function deleteOthers(owner: string) {
  const stored = await keys<string>(store());
  await Promise.all(stored.filter((key) => key !== storageKey(owner)).map((key) => del(key, store())));
}

/**
 * Restores the cache of whoever `session` says is signed in (or, offline, of the person whose cache this browser
 * holds), then keeps it up to date. Another person's cache is deleted, never restored. When the session turns to
 * another person in this tab, what is in memory is dropped as well.
 */
export async function restoreAndPersist(
  queryClient: QueryClient,
  session: Session | null,
  ownerOf: OwnerOf,
): Promise<void> {
  const owner = session ? ownerOf(session) : storedOwner();
  // Only the person this browser keeps a cache for can have one on disk: for anyone else there is nothing to read.
  const kept = owner !== null && storedOwner() === owner;
  if (owner !== null) {
    await deleteOthers(owner);
    if (session) claim(owner);
  }
  if (owner === null || storedOwner() !== owner) return watchOwner(queryClient, null, ownerOf);
  if (kept) {
    await persistQueryClientRestore({
      queryClient,
      persister: persisterFor(owner),
      maxAge: MAX_AGE_MS,
      buster: BUSTER,
    }).catch(() => undefined);
    // What was restored shows at once and is read again as soon as a view uses it (even where staleTime is Infinity).
    void queryClient.invalidateQueries({
      predicate: (query) => query.queryKey[0] !== SESSION_KEY[0],
      refetchType: 'none',
    });
  }
  if (session) queryClient.setQueryData(SESSION_KEY, session);
  watchOwner(queryClient, owner, ownerOf);
}

/** Persists for `owner` (if anyone), and follows the session: someone signing in here gets their own cache. */
function watchOwner(queryClient: QueryClient, owner: string | null, ownerOf: OwnerOf) {
  stopPersisting?.();
  const stop =
    owner === null
      ? () => undefined
      : persistQueryClientSubscribe({ queryClient, persister: persisterFor(owner), buster: BUSTER });
  const stopWatching = queryClient.getQueryCache().subscribe((event) => {
    if (event.query.queryKey[0] !== SESSION_KEY[0] || event.type !== 'updated') return;
    const now = event.query.state.data ? ownerOf(event.query.state.data as Session) : null;
    if (now === null || now === owner) return;
    stopPersisting?.();
    // Another person signed in here: nothing of the one before stays in memory or on disk.
    if (owner !== null) queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    claim(now);
    void deleteOthers(now).then(() => watchOwner(queryClient, now, ownerOf));
  });
  stopPersisting = () => {
    stop();
    stopWatching();
  };
}
