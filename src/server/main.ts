import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { createApp } from './app';
import { isLoopbackBind } from './auth/sign-in-config';
import { DEFAULT_SANDBOX_API_KEY, readConfig, type ServerConfig } from './config';
import { formatRule } from './sandbox/faults/parse-env';
import { progressBar } from './sandbox/seed/progress';
import { seedDatabase } from './sandbox/seed/seed';
import { seedFile } from './sandbox/seed/seed-file';
import { isEmpty, openDb } from './sandbox/store/db';
import { createStore } from './sandbox/store/store';
import { createSharedState } from './sync/shared-state';

function signInLine(config: ServerConfig): string {
  if (config.inboxAuth === 'oidc') return `single sign-on through ${config.oidc!.issuer.href}`;
  if (config.inboxAuth === 'password') return 'the team password (INBOX_PASSWORD)';
  return 'none (whoever reaches this address uses the inbox)';
}

let config: ServerConfig;
try {
  config = readConfig();
} catch (error) {
  console.error(`Cannot start: ${(error as Error).message}`);
  process.exit(1);
}

function needsSeed(path: string): boolean {
  if (!existsSync(path)) return true;
  const existing = openDb(path);
  try {
    return isEmpty(existing);
  } finally {
    existing.close();
  }
}

// `:memory:` is a database of this process alone, seeded in place and gone when it stops.
const inMemory = config.sandboxDb === ':memory:';
const memoryDb = inMemory ? openDb(':memory:') : null;
if (inMemory || needsSeed(config.sandboxDb)) {
  console.log(`Seeding demo data into ${config.sandboxDb} …`);
  const options = { messages: config.seedMessages, onProgress: progressBar('messages') };
  const report = memoryDb ? seedDatabase(memoryDb, options) : seedFile(config.sandboxDb, options);
  console.log(
    `Seeded ${report.accounts} accounts, ${report.users} users, ${report.conversations} conversations, ${report.messages} messages.`,
  );
}

const db = memoryDb ?? openDb(config.sandboxDb);
const store = createStore(db);
const shared = createSharedState(config);
const app = createApp({ config, store, shared });

// Slow clients are cut off: headers within HEADERS_TIMEOUT_MS, the whole request within REQUEST_TIMEOUT_MS.
const serverOptions = {
  headersTimeout: config.headersTimeoutMs,
  requestTimeout: config.requestTimeoutMs,
  connectionsCheckingInterval: 1000,
};
const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port, serverOptions }, (info) => {
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${info.port}`;
  if (!isLoopbackBind(config.host) && config.inboxAuth === 'none') {
    console.warn(
      `WARNING: the inbox is open to everyone who reaches ${config.host} (INBOX_AUTH=none, INBOX_ALLOW_OPEN=1): ` +
        "anyone can read and send with the server's StackOne key.",
    );
  }
  console.log(`Inbox:   ${config.publicUrl?.origin ?? url}/`);
  console.log(`Sign-in: ${signInLine(config)}`);
  if (config.inboxAuth !== 'none' && config.publicUrl?.protocol !== 'https:' && !isLoopbackBind(config.host)) {
    console.warn(
      'WARNING: sign-in over plain http sends passwords and session cookies in the clear: ' +
        'put the inbox behind https and set PUBLIC_URL=https://…',
    );
  }
  if (config.sandboxEnabled) {
    // A key somebody chose is a secret; only the published demo key is shown.
    const key = config.sandboxApiKey === DEFAULT_SANDBOX_API_KEY ? config.sandboxApiKey : 'SANDBOX_API_KEY';
    console.log(`Sandbox: ${url}/sandbox  (API key: ${key}, empty password)`);
  }
  const upstream = config.stackoneApiKey === null ? 'the sandbox, in-process' : `StackOne at ${config.stackoneBaseUrl}`;
  console.log(`API:     ${url}/api  (upstream: ${upstream})`);
  console.log(`Health:  ${url}/healthz`);
  if (config.redisUrl !== null) console.log('Shared:  budget, events and sync through Redis (REDIS_URL)');
  if (config.sandboxFaults.length > 0) {
    console.log(`Faults:  ${config.sandboxFaults.map(formatRule).join(',')}  (SANDBOX_FAULTS)`);
  }
});

let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  server.close(() => {
    db.close();
    process.exit(0);
  });
  // Idle keep-alive connections must not hold the process open.
  (server as Server).closeIdleConnections();
  setTimeout(() => {
    db.close();
    process.exit(0);
  }, 3000).unref();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
