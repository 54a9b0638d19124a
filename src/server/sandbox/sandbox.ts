import { Hono } from 'hono';
import { errorBody } from '../../contract/errors';
import { keyFromAuthorization, sameKey } from './auth';
import { faultAdmin, FAULTS_ADMIN_PATH } from './faults/admin';
import { createFaultSwitch } from './faults/fault-switch';
import { injectFaults } from './faults/inject';
import type { FaultRule } from './faults/rules';
import type { SandboxEnv } from './http';
import { openApiDocument } from './openapi';
import { Problem } from './problem';
import { listLinkedAccounts } from './routes/accounts';
import { createRateLimiter } from './rate-limit';
import { attachmentRoutes } from './routes/attachments';
import { conversationRoutes } from './routes/conversations';
import { messageRoutes } from './routes/messages';
import { userRoutes } from './routes/users';
import type { Store } from './store/store';

export interface SandboxOptions {
  store: Store;
  apiKey: string;
  /** Requests a minute per key before 429; 0 turns the limit off. */
  rateLimitPerMinute?: number;
  /** Fault rules in force from the start (SANDBOX_FAULTS). */
  faults?: FaultRule[];
  /** Whether the loopback-only fault admin route exists (SANDBOX_ADMIN). */
  admin?: boolean;
}

function problemResponse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json(errorBody(status, message), { status, headers });
}

/** A StackOne-compatible Messaging API over the SQLite store: same paths, auth, envelopes and errors. */
export function createSandbox({ store, apiKey, rateLimitPerMinute = 0, faults = [], admin = true }: SandboxOptions) {
  const app = new Hono<SandboxEnv>();
  const limiter = createRateLimiter(rateLimitPerMinute);
  const faultSwitch = createFaultSwitch(faults);

  app.onError((error) => {
    if (error instanceof Problem) return problemResponse(error.status, error.message, error.headers);
    console.error('sandbox error', error);
    return problemResponse(500, 'Internal server error');
  });
  app.notFound((c) => problemResponse(404, `No route for ${c.req.method} ${new URL(c.req.url).pathname}`));

  app.get('/openapi.json', (c) =>
    c.json(openApiDocument(new URL(c.req.url).origin + c.req.path.replace(/\/openapi\.json$/, ''))),
  );

  // Before the auth check: a test hook with no key, guarded by where the request comes from.
  app.all(FAULTS_ADMIN_PATH, faultAdmin(faultSwitch, admin));

  app.use('*', async (c, next) => {
    const key = keyFromAuthorization(c.req.header('authorization'));
    if (key === null || !sameKey(key, apiKey)) {
      return problemResponse(401, 'Unauthorized: send the API key as the Basic auth user name', {
        'WWW-Authenticate': 'Basic realm="StackOne sandbox"',
      });
    }
    const wait = limiter.hit(key);
    if (wait > 0) {
      return problemResponse(429, `Too many requests: try again in ${wait} s`, { 'Retry-After': String(wait) });
    }
    await next();
  });

  app.get('/accounts', (c) => c.json(listLinkedAccounts(store.accounts.list(), new URL(c.req.url).searchParams)));

  app.use('/unified/messaging/*', async (c, next) => {
    const accountId = c.req.header('x-account-id');
    if (!accountId) throw new Problem(400, 'The x-account-id header is required');
    const account = store.accounts.get(accountId);
    if (!account) throw new Problem(404, `Linked account ${JSON.stringify(accountId)} not found`);
    if (account.status !== 'active') throw new Problem(412, 'Precondition failed: this linked account is not active');
    c.set('account', account);
    await next();
  });
  app.use('/unified/messaging/*', injectFaults(faultSwitch));

  app.route('/unified/messaging/conversations', conversationRoutes(store));
  app.route('/unified/messaging/messages', messageRoutes(store));
  app.route('/unified/messaging/messages', attachmentRoutes(store));
  app.route('/unified/messaging/users', userRoutes(store));
  return app;
}
