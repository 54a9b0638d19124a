import { byName, type IndexedPerson, indexPerson, rankPeople } from '../../contract/people';
import { type User, UserSchema } from '../../contract/models';
import { type Upstream, upstreamGet } from '../bff/upstream';
import type { PeopleShare } from './people-share';
import { retryAfterMs } from './rate-budget';

const USERS = '/unified/messaging/users';
const PAGE_SIZE = 100;
/** Changes are asked for from this long before the last walk began, so that a clock apart from StackOne's loses nothing. */
const OVERLAP_MS = 2 * 60_000;
/** How long a question waits for a walk under way before it is answered from what has been read so far. */
const WAIT_FOR_WALK_MS = 1_500;
/** An id StackOne does not know is not asked for again for this long. */
const MISSING_TTL_MS = 10 * 60_000;
const FETCH_ONE_CONCURRENCY = 6;
/** How often an instance that does not walk an account's directory reads what the walker put in the share. */
const PULL_MS = 2_000;
const PAGE_ATTEMPTS = 4;

export interface PeopleDirectoryOptions {
  upstream: Upstream;
  timeoutMs?: number;
  /** How often an account's directory in use is brought up to date. */
  refreshMs?: number;
  /** A directory nobody has asked about for this long is let go. */
  idleMs?: number;
  /** People kept per account at most (a directory larger than this is searched in its first part). */
  maxPeople?: number;
  now?: () => number;
  /** Shared with other instances through Redis: one walks each account, all read what it put there. */
  share?: PeopleShare;
}

/** One account's people, walked once and kept fresh. */
interface Book {
  people: Map<string, IndexedPerson>;
  /** `people` by name, rebuilt when it changed. */
  sorted: IndexedPerson[] | null;
  complete: boolean;
  walking: Promise<void> | null;
  /** When the last successful walk began (the mark for the next one's `filter[updated_after]`). */
  walkedFrom: number | null;
  refreshEveryMs: number;
  usedAt: number;
  missing: Map<string, number>;
  /** Where this instance has read the share up to, and when. */
  position: string | null;
  pulledAt: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());
const hasId = (user: User): user is User & { id: string } => typeof user.id === 'string' && user.id !== '';

/**
 * The people directory on the server, per linked account: walked once page by page (as background sync, within
 * the rate budget), then kept fresh with `filter[updated_after]` while people use it. The browser asks it for the
 * people it shows, by id or email, and searches it, so no browser ever walks a directory of 50,000.
 */
export function createPeopleDirectory(options: PeopleDirectoryOptions) {
  const { upstream, share } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const refreshMs = options.refreshMs ?? 60_000;
  const idleMs = options.idleMs ?? 30 * 60_000;
  const maxPeople = options.maxPeople ?? 200_000;
  const now = options.now ?? Date.now;
  const books = new Map<string, Book>();

  const request = (accountId: string, path: string) => upstreamGet(upstream, path, accountId, timeoutMs);

  /** Keeps one person read from StackOne (or the share); the person as kept, or null when it was not one. */
  function keep(book: Book, raw: unknown): (User & { id: string }) | null {
    const parsed = UserSchema.safeParse(raw);
    if (!parsed.success || !hasId(parsed.data)) return null;
    if (!book.people.has(parsed.data.id) && book.people.size >= maxPeople) return null;
    book.people.set(parsed.data.id, indexPerson(parsed.data));
    book.missing.delete(parsed.data.id);
    book.sorted = null;
    return parsed.data;
  }

  /** Reads what other instances put in the share since this one last looked. */
  async function pull(accountId: string, book: Book) {
    if (!share) return;
    const { users, position } = await share.since(accountId, book.position);
    for (const user of users) keep(book, user);
    book.position = position;
    book.pulledAt = now();
    const walkedFrom = await share.walkedFrom(accountId);
    if (walkedFrom !== null && walkedFrom > (book.walkedFrom ?? -Infinity)) {
      book.walkedFrom = walkedFrom;
      book.complete = true;
    }
  }

  const due = (book: Book) => book.walkedFrom === null || now() - book.walkedFrom >= book.refreshEveryMs;

  /** Brings the book up to date: from the share, and by a walk when one is due and no other instance walks. */
  async function cycle(accountId: string, book: Book) {
    await pull(accountId, book);
    if (!due(book)) return;
    if (share && !(await share.hold(accountId))) return;
    await walk(accountId, book);
  }

  /** One page of the walk, tried again after a refusal or a failure (waiting what a 429 asks). */
  async function page(accountId: string, query: URLSearchParams) {
    for (let attempt = 1; ; attempt++) {
      const response = await upstream.fetch(request(accountId, `${USERS}?${query}`), 'sync').catch(() => null);
      if (response?.ok) return (await response.json()) as { data?: unknown[]; next?: string | null };
      await response?.body?.cancel();
      if (
        attempt >= PAGE_ATTEMPTS ||
        (response &&
          response.status >= 400 &&
          response.status < 500 &&
          response.status !== 408 &&
          response.status !== 429)
      )
        throw new Error(`StackOne answered ${response?.status ?? 'nothing'} to a page of people`);
      const wait = response?.status === 429 ? retryAfterMs(response.headers.get('retry-after')) : 500 * 2 ** attempt;
      await sleep(Math.min(wait, 30_000));
    }
  }

  /** Everyone (or, with a mark, everyone changed since it), page by page. */
  async function walk(accountId: string, book: Book) {
    const began = now();
    const since = book.walkedFrom === null ? null : new Date(book.walkedFrom - OVERLAP_MS).toISOString();
    let changed = 0;
    let next: string | null = null;
    do {
      const query = new URLSearchParams({ page_size: String(PAGE_SIZE) });
      if (since) query.set('filter[updated_after]', since);
      if (next) query.set('next', next);
      const answer = await page(accountId, query);
      const kept = (answer.data ?? []).flatMap((user) => keep(book, user) ?? []);
      changed += kept.length;
      await share?.put(accountId, kept);
      next = typeof answer.next === 'string' && answer.next.trim() ? answer.next : null;
      // A long walk keeps its lease.
      if (next && share) await share.hold(accountId);
    } while (next && book.people.size < maxPeople);
    book.complete = true;
    book.walkedFrom = began;
    await share?.setWalkedFrom(accountId, began);
    // A StackOne that ignores the filter answers with everyone each time: then walk seldom.
    if (since && changed > 1_000 && changed >= book.people.size / 2) book.refreshEveryMs = 30 * 60_000;
  }

  /** The account's book, its walk started (or its refresh, when due). */
  function use(accountId: string): Book {
    const at = now();
    for (const [id, book] of books) if (at - book.usedAt > idleMs && !book.walking) books.delete(id);
    let book = books.get(accountId);
    if (!book) {
      book = {
        people: new Map(),
        sorted: null,
        complete: false,
        walking: null,
        walkedFrom: null,
        refreshEveryMs: refreshMs,
        usedAt: at,
        missing: new Map(),
        position: null,
        pulledAt: -Infinity,
      };
      books.set(accountId, book);
    }
    book.usedAt = at;
    const pullDue = share !== undefined && at - book.pulledAt >= PULL_MS;
    if ((due(book) || pullDue) && !book.walking) {
      const current = book;
      current.walking = cycle(accountId, current)
        .catch(() => undefined) // asked again at the next use; what was read so far is kept
        .finally(() => {
          current.walking = null;
        });
    }
    return book;
  }

  /** Waits a little for a first walk under way (here or on another instance), so a small directory answers complete. */
  async function ready(accountId: string, book: Book, waitMs = WAIT_FOR_WALK_MS) {
    const deadline = now() + waitMs;
    while (!book.complete && now() < deadline) {
      if (book.walking) await Promise.race([book.walking, sleep(deadline - now())]);
      else if (share) {
        await sleep(Math.min(200, Math.max(0, deadline - now())));
        book.pulledAt = -Infinity;
        use(accountId);
      } else return;
    }
  }

  async function fetchOne(accountId: string, book: Book, id: string) {
    const response = await upstream
      .fetch(request(accountId, `${USERS}/${encodeURIComponent(id)}`), 'person')
      .catch(() => null);
    if (response?.ok) {
      const body = (await response.json().catch(() => null)) as { data?: unknown } | null;
      const kept = keep(book, body?.data);
      if (kept) {
        await share?.put(accountId, [kept]).catch(() => undefined);
        return;
      }
    } else await response?.body?.cancel();
    const status = response?.status ?? 0;
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) book.missing.set(id, now());
  }

  return {
    /** The people with these ids; an id not in the directory is asked of StackOne, and reported missing if it does not know it. */
    async lookup(accountId: string, ids: readonly string[]): Promise<{ data: User[]; missing: string[] }> {
      const book = use(accountId);
      await ready(accountId, book);
      const at = now();
      const unknown = ids.filter(
        (id) => !book.people.has(id) && !((book.missing.get(id) ?? -Infinity) > at - MISSING_TTL_MS),
      );
      for (let start = 0; start < unknown.length; start += FETCH_ONE_CONCURRENCY) {
        await Promise.all(
          unknown.slice(start, start + FETCH_ONE_CONCURRENCY).map((id) => fetchOne(accountId, book, id)),
        );
      }
      const data: User[] = [];
      const missing: string[] = [];
      for (const id of ids) {
        const person = book.people.get(id);
        if (person) data.push(person.user);
        else if (book.missing.has(id)) missing.push(id);
        // Neither: StackOne could not be asked just now; the id is left out, to be asked for again.
      }
      return { data, missing };
    },
    /** Whoever has this email address (the account's own user is found this way). */
    async byEmail(accountId: string, email: string): Promise<User[]> {
      const book = use(accountId);
      await ready(accountId, book, 10_000);
      const wanted = email.toLowerCase();
      return [...book.people.values()]
        .filter((person) => person.user.email?.toLowerCase() === wanted)
        .map((person) => person.user);
    },
    /** The best matches for a query, how many matched, and whether everyone was searched. */
    async search(
      accountId: string,
      query: string,
      options: { limit: number; offset?: number; exclude?: ReadonlySet<string> },
    ) {
      const book = use(accountId);
      await ready(accountId, book);
      book.sorted ??= byName([...book.people.values()]);
      const { shown, total } = rankPeople(book.sorted, query, options);
      return { data: shown as User[], total, complete: book.complete };
    },
    /** How many people are kept for the account, and whether its directory has been walked. */
    size(accountId: string) {
      const book = books.get(accountId);
      return { people: book?.people.size ?? 0, complete: book?.complete ?? false };
    },
  };
}

export type PeopleDirectory = ReturnType<typeof createPeopleDirectory>;
