import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig', () => {
  it('defaults to the sandbox, no allowlist, a random session secret and 10 s / 60 s timeouts', () => {
    const a = readConfig({});
    expect(a).toMatchObject({
      stackoneApiKey: null,
      stackoneBaseUrl: 'https://api.stackone.com',
      stackoneAccountIds: null,
      upstreamTimeoutMs: 10_000,
      downloadTimeoutMs: 60_000,
    });
    expect(a.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readConfig({}).sessionSecret).not.toBe(a.sessionSecret);
  });

  it('reads the StackOne settings', () => {
    const config = readConfig({
      STACKONE_API_KEY: ' sk_live_1 ',
      STACKONE_BASE_URL: 'https://api.eu1.stackone.com/',
      STACKONE_ACCOUNT_IDS: ' acc-1, ,acc-2,',
      SESSION_SECRET: 'sixteen-chars-at-least',
      UPSTREAM_TIMEOUT_MS: '200',
      DOWNLOAD_TIMEOUT_MS: '300',
    });
    expect(config).toMatchObject({
      stackoneApiKey: 'sk_live_1',
      stackoneBaseUrl: 'https://api.eu1.stackone.com',
      stackoneAccountIds: ['acc-1', 'acc-2'],
      sessionSecret: 'sixteen-chars-at-least',
      upstreamTimeoutMs: 200,
      downloadTimeoutMs: 300,
    });
  });

  it('refuses bad values at start rather than failing later', () => {
    expect(() => readConfig({ STACKONE_BASE_URL: 'ftp://x' })).toThrow(/STACKONE_BASE_URL/);
    expect(() => readConfig({ STACKONE_BASE_URL: 'not a url' })).toThrow(/STACKONE_BASE_URL/);
    expect(() => readConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
    expect(() => readConfig({ UPSTREAM_TIMEOUT_MS: '0' })).toThrow(/UPSTREAM_TIMEOUT_MS/);
  });
});
