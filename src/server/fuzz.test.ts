import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from './config';
import { createTestServer } from './testing';
import { fuzzCases, fuzzTargets, signInFuzzCases, type Verdict } from './testing-fuzz';

// Whatever a client throws at the sandbox or the BFF, the answer is below 500 and, on error, StackOne's body.
const server = createTestServer({
  seed: { messages: 800 },
  config: { apiRateLimit: 0, apiWriteRateLimit: 0, apiSessionlessRateLimit: 0 },
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
  const secret = 'the fuzzed sign-in secret';
  const password = createTestServer({
    seed: { messages: 50 },
    config: {
      inboxAuth: 'password',
      inboxPassword: 'a fuzzed team password',
      trustProxy: 1,
      sessionSecret: secret,
      apiRateLimit: 0,
      apiSessionlessRateLimit: 0,
    },
  });
  const oidc = readConfig({
    INBOX_AUTH: 'oidc',
    PUBLIC_URL: 'http://127.0.0.1:4999',
    OIDC_ISSUER: 'http://127.0.0.1:9',
    OIDC_CLIENT_ID: 'inbox',
    OIDC_TENANT_CLAIM: 'tenants',
  });
  const sso = createTestServer({
    seed: { messages: 50 },
    config: {
      inboxAuth: 'oidc',
      oidc: oidc.oidc,
      publicUrl: oidc.publicUrl,
      sessionSecret: secret,
      apiRateLimit: 0,
      apiSessionlessRateLimit: 0,
    },
  });
  afterAll(() => {
    password.close();
    sso.close();
  });
  for (const [mode, target] of [
    ['password', password],
    ['oidc', sso],
  ] as const) {
    const failures: string[] = [];
    const record = (verdict: Verdict, what: string) => {
      if (verdict !== 'ok') failures.push(`${verdict}: ${what}`);
    };
    for (const { name, weight, run } of signInFuzzCases(target, secret, record)) {
      it(`${mode}: ${name}`, async () => {
        await run(60 * weight);
        expect(failures).toEqual([]);
      });
    }
  }
});
