import { afterAll, describe, expect, it } from 'vitest';
import { createTestServer } from './testing';
import {
  fuzzCases,
  fuzzTargets,
  SIGN_IN_FUZZ_SECRET,
  signInFuzzCases,
  signInFuzzServers,
  UNLIMITED,
  type Verdict,
} from './testing-fuzz';

// Whatever a client throws at the sandbox or the BFF, the answer is below 500 and, on error, StackOne's body.
const server = createTestServer({
  seed: { messages: 800 },
  config: UNLIMITED,
});
afterAll(() => server.close());

for (const [target, send] of fuzzTargets(server)) {
  describe(`malformed input to ${target} never causes a 5xx`, () => {
    const failures: string[] = [];
    const record = (verdict: Verdict, what: string) => {
      if (verdict !== 'ok') failures.push(`${verdict}: ${what}`);
    };
    for (const { name, weight, run } of fuzzCases(server, send, record)) {
      it(name, async () => {
        await run(100 * weight);
        expect(failures).toEqual([]);
      });
    }
  });
}

describe('malformed input to the sign-in routes never causes a 5xx', () => {
  const servers = signInFuzzServers();
  afterAll(() => {
    for (const [, target] of servers) target.close();
  });
  for (const [mode, target] of servers) {
    const failures: string[] = [];
    const record = (verdict: Verdict, what: string) => {
      if (verdict !== 'ok') failures.push(`${verdict}: ${what}`);
    };
    for (const { name, weight, run } of signInFuzzCases(target, SIGN_IN_FUZZ_SECRET, record)) {
      it(`${mode}: ${name}`, async () => {
        await run(60 * weight);
        expect(failures).toEqual([]);
      });
    }
  }
});
