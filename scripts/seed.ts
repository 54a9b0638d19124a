/** `npm run seed [-- --messages N] [--seed S] [--no-large-file]`: (re)builds the demo database at SANDBOX_DB. */
import { parseArgs } from 'node:util';
import { readConfig } from '../src/server/config';
import { progressBar } from '../src/server/sandbox/seed/progress';
import { seedFile } from '../src/server/sandbox/seed/seed-file';

const { values } = parseArgs({
  options: {
    messages: { type: 'string' },
    seed: { type: 'string' },
    'no-large-file': { type: 'boolean', default: false },
  },
});

const config = readConfig();
const messages = values.messages === undefined ? config.seedMessages : Number(values.messages.replace(/_/g, ''));
if (!Number.isInteger(messages) || messages < 0) {
  console.error(`--messages must be a whole number, got "${values.messages}"`);
  process.exit(2);
}
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (seed !== undefined && !Number.isInteger(seed)) {
  console.error(`--seed must be a whole number, got "${values.seed}"`);
  process.exit(2);
}

const started = performance.now();
console.log(`Seeding ${messages.toLocaleString('en')} messages into ${config.sandboxDb}`);
const report = seedFile(config.sandboxDb, {
  messages,
  ...(seed === undefined ? {} : { seed }),
  largeFile: !values['no-large-file'],
  onProgress: progressBar('messages'),
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `Seeded ${report.accounts} accounts, ${report.users} users, ${report.conversations} conversations, ` +
    `${report.messages.toLocaleString('en')} messages, ${report.attachments} attachments in ${seconds} s. ` +
    `Biggest conversation: ${report.biggest.id} (${report.biggest.messages.toLocaleString('en')} messages).`,
);
