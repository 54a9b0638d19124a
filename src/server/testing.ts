import { createApp } from './app';
import { readConfig, type ServerConfig } from './config';
import { Writable } from 'node:stream';
import { createLogger, type Logger } from './edge/request-log';
import type { FaultState } from './sandbox/faults/fault-switch';
import type { FaultRule } from './sandbox/faults/rules';
import { seedDatabase, type SeedOptions } from './sandbox/seed/seed';
import { type Db, openDb } from './sandbox/store/db';
import { createStore, type Store } from './sandbox/store/store';
import type { SharedState } from './sync/shared-state';

export const TEST_KEY = 'test_key';

/** A request log at info that keeps its lines, to read back parsed (`lines`) or as written (`raw`). */
export function captureLog() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('info', destination), lines: () => lines.map((line) => JSON.parse(line)), raw: lines };
}

/** A seeded in-memory inbox server for tests, driven through its fetch handler. */
export function createTestServer(
  options: {
    seed?: SeedOptions;
    config?: Partial<ServerConfig>;
    logger?: Logger;
    /** Another instance of the same deployment: the same data (its store) and what instances share (Redis). */
    sameDataAs?: { db: Db; store: Store };
    shared?: SharedState;
  } = {},
) {
  const db = options.sameDataAs?.db ?? openDb(':memory:');
  if (!options.sameDataAs) {
    seedDatabase(db, { messages: 6_000, largeFile: false, now: new Date('2026-11-20T12:00:00Z'), ...options.seed });
  }
  const store = options.sameDataAs?.store ?? createStore(db);
  const config = {
    ...readConfig({ LOG_LEVEL: 'silent' }),
    sandboxApiKey: TEST_KEY,
    stackoneRateLimit: 0,
    ...options.config,
  };
  const app = createApp({ config, store, logger: options.logger, shared: options.shared });
  const accounts = store.accounts.list();
  const auth = `Basic ${Buffer.from(`${TEST_KEY}:`).toString('base64')}`;

  /** A sandbox request with the test key and, unless null, the first account's id. */
  function sandbox(path: string, init: RequestInit & { account?: string | null } = {}) {
    const headers = new Headers(init.headers);
    if (!headers.has('authorization')) headers.set('authorization', auth);
    const account = init.account === undefined ? accounts[0]!.id : init.account;
    if (account !== null) headers.set('x-account-id', account);
    if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return app.request(`/sandbox${path}`, { ...init, headers });
  }

  async function json<T = any>(
    path: string,
    init?: RequestInit & { account?: string | null },
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const response = await sandbox(path, init);
    return { status: response.status, body: (await response.json()) as T, headers: response.headers };
  }

  let browserSession: Promise<{ cookie: string; csrfToken: string }> | null = null;
  /** A new browser session with the BFF: the cookie to send back and the CSRF token. */
  async function newSession() {
    const response = await app.request('/api/inbox/session');
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return { cookie, csrfToken };
  }

  /**
   * A BFF request as the inbox's browser sends it: the session cookie, the CSRF token on writes
   * and, unless null, the first account's id. `session: null` sends no cookie and no token.
   */
  async function api(
    path: string,
    init: RequestInit & { account?: string | null; session?: { cookie: string; csrfToken: string } | null } = {},
  ) {
    const headers = new Headers(init.headers);
    const session = init.session === undefined ? await (browserSession ??= newSession()) : init.session;
    if (session !== null) {
      headers.set('cookie', session.cookie);
      if (init.method && init.method !== 'GET' && !headers.has('x-csrf-token'))
        headers.set('x-csrf-token', session.csrfToken);
    }
    const account = init.account === undefined ? accounts[0]!.id : init.account;
    if (account !== null) headers.set('x-account-id', account);
    if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return app.request(`/api${path}`, { ...init, headers });
  }

  async function apiJson<T = any>(path: string, init?: Parameters<typeof api>[1]) {
    const response = await api(path, init);
    return { status: response.status, body: (await response.json()) as T, headers: response.headers };
  }

  /** Replaces the sandbox's fault rules through its admin route; `[]` turns every fault off. */
  async function setFaults(rules: FaultRule[], seed?: number): Promise<FaultState> {
    const body = JSON.stringify(seed === undefined ? rules : { rules, seed });
    const response = await app.request('/sandbox/_faults', { method: 'PUT', body });
    if (!response.ok) throw new Error(`setFaults: ${response.status} ${await response.text()}`);
    return (await response.json()) as FaultState;
  }

  return {
    app,
    db,
    store,
    accounts,
    auth,
    sandbox,
    json,
    newSession,
    api,
    apiJson,
    setFaults,
    close: () => {
      if (!options.sameDataAs) db.close();
    },
  };
}
