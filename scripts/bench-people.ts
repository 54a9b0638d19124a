/**
 * `npm run bench:people`: the people directory on the server with 50,000 people in one account (the sandbox in
 * this process as StackOne): upstream requests and time of the first walk, then the time of a look-up of 100
 * ids and of searches, as the browser asks for them. Prints a table.
 */
import { createUpstream } from '../src/server/bff/upstream';
import { readConfig } from '../src/server/config';
import { createPeopleDirectory } from '../src/server/sync/people-directory';
import { createRateBudget } from '../src/server/sync/rate-budget';
import { createTestServer, TEST_KEY } from '../src/server/testing';

const PEOPLE = 50_000;
const server = createTestServer({ seed: { messages: 0 } });
const account = server.accounts[0]!.id;
const insert = server.db.prepare(
  `INSERT INTO users (account_id, id, email, username, name, first_name, last_name, created_at, updated_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
);
const first = ['Ada', 'Grace', 'Alan', 'Chloé', 'Kwame', 'Noah', 'Mira', 'Ravi', 'Zoë', 'Hugo', 'Emma', 'Łukasz'];
const last = ['Lovelace', 'Hopper', 'Turing', 'Martin', 'Costa', 'Eze', 'Das', 'Zhang', 'Müller', 'Cohen', 'Campbell'];
server.db.transaction(() => {
  for (let i = 0; i < PEOPLE; i++) {
    const [given, family] = [first[i % first.length]!, last[Math.floor(i / first.length) % last.length]!];
    insert.run(account, `big${i}`, `person${i}@big.test`, `p${i}`, `${given} ${family} ${i}`, given, family);
  }
})();

let requests = 0;
const config = { ...readConfig({ LOG_LEVEL: 'silent' }), sandboxApiKey: TEST_KEY };
const upstream = createUpstream(
  config,
  (request) => {
    requests++;
    return server.app.request(request.url.replace('http://sandbox.internal', ''), { headers: request.headers });
  },
  createRateBudget(0),
);
const directory = createPeopleDirectory({ upstream });

const walkStarted = performance.now();
await directory.search(account, 'ada', { limit: 1 });
while (!directory.size(account).complete) await new Promise((resolve) => setTimeout(resolve, 10));
const walkMs = performance.now() - walkStarted;
const walkRequests = requests;

function timed(runs: number, run: (i: number) => Promise<unknown>) {
  return (async () => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await run(i);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { p50: times[Math.floor(runs / 2)]!, p99: times[Math.floor(runs * 0.99)]! };
  })();
}
const ids = Array.from({ length: 100 }, (_, i) => `big${(i * 499) % PEOPLE}`);
const lookup = await timed(200, () => directory.lookup(account, ids));
const queries = ['ada', 'zoe mull', '@p4999', 'hopper 12', 'person1234@', 'nobody at all'];
const search = await timed(120, (i) => directory.search(account, queries[i % queries.length]!, { limit: 25 }));
const everyone = await timed(30, () => directory.search(account, '', { limit: 100 }));
const after = requests - walkRequests;

const rows = [
  ['people in the account', PEOPLE.toLocaleString()],
  ['first walk: upstream requests', String(walkRequests)],
  ['first walk: time', `${(walkMs / 1000).toFixed(1)} s`],
  ['look-up of 100 ids: p50 / p99', `${lookup.p50.toFixed(2)} / ${lookup.p99.toFixed(2)} ms`],
  ['search (25 best): p50 / p99', `${search.p50.toFixed(1)} / ${search.p99.toFixed(1)} ms`],
  ['everyone by name (first 100): p50 / p99', `${everyone.p50.toFixed(1)} / ${everyone.p99.toFixed(1)} ms`],
  ['upstream requests after the walk', String(after)],
];
const width = Math.max(...rows.map((row) => row[0]!.length));
console.log('\nThe people directory on the server:');
for (const [label, value] of rows) console.log(`  ${label!.padEnd(width)}  ${value}`);
server.close();
