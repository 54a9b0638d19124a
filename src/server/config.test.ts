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

  it('refuses to start open to the network without sign-in, unless told so in two variables', () => {
    for (const HOST of ['0.0.0.0', '::', '192.168.1.20', 'inbox.example.com']) {
      expect(() => readConfig({ HOST })).toThrow(/INBOX_ALLOW_OPEN=1/);
      expect(() => readConfig({ HOST, INBOX_ALLOW_OPEN: '1' })).toThrow(/INBOX_AUTH=none/);
      expect(readConfig({ HOST, INBOX_AUTH: 'none', INBOX_ALLOW_OPEN: '1' }).host).toBe(HOST);
    }
    for (const HOST of ['127.0.0.1', '127.0.0.2', '::1', 'localhost']) expect(readConfig({ HOST }).host).toBe(HOST);
    expect(() => readConfig({ INBOX_AUTH: 'guess' })).toThrow(/INBOX_AUTH/);
  });

  it('reads the public address and the extra host names', () => {
    const config = readConfig({ PUBLIC_URL: 'https://inbox.example.com', ALLOWED_HOSTS: 'A.example, b.example' });
    expect(config.publicUrl?.hostname).toBe('inbox.example.com');
    expect(config.allowedHosts).toEqual(['a.example', 'b.example']);
    expect(() => readConfig({ PUBLIC_URL: 'https://inbox.example.com/app' })).toThrow(/PUBLIC_URL/);
    expect(() => readConfig({ PUBLIC_URL: 'inbox' })).toThrow(/PUBLIC_URL/);
    expect(() => readConfig({ ALLOWED_HOSTS: 'https://a.example' })).toThrow(/ALLOWED_HOSTS/);
  });

  it('reads the session lifetimes, 8 hours idle and 7 days at most by default', () => {
    expect(readConfig({}).sessionLifetimes).toEqual({ idleSeconds: 8 * 3600, maxSeconds: 7 * 24 * 3600 });
    expect(readConfig({ SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '12' }).sessionLifetimes).toEqual({
      idleSeconds: 1800,
      maxSeconds: 12 * 3600,
    });
    expect(() => readConfig({ SESSION_IDLE_MINUTES: '0' })).toThrow(/SESSION_IDLE_MINUTES/);
  });

  it('serves /sandbox in StackOne mode only when asked for', () => {
    expect(readConfig({}).sandboxEnabled).toBe(true);
    expect(readConfig({ STACKONE_API_KEY: 'k' }).sandboxEnabled).toBe(false);
    expect(readConfig({ STACKONE_API_KEY: 'k', SANDBOX: 'on' }).sandboxEnabled).toBe(true);
  });
});
