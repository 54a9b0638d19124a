import { afterAll, describe, expect, it } from 'vitest';
import { createTestServer } from './testing';
import { fuzzCases, fuzzTargets, type Verdict } from './testing-fuzz';

// Whatever a client throws at the sandbox or the BFF, the answer is below 500 and, on error, StackOne's body.
const server = createTestServer({ seed: { messages: 800 }, config: { apiRateLimit: 0, apiWriteRateLimit: 0 } });
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
