/** Starts the inbox server for browser tests on a freshly seeded database (SANDBOX_DB). */
import { rmSync } from 'node:fs';
import { readConfig } from '../src/server/config';
import { seedFile } from '../src/server/sandbox/seed/seed-file';

const config = readConfig();
rmSync(config.sandboxDb, { force: true });
seedFile(config.sandboxDb, { messages: config.seedMessages });
await import('../src/server/main');
