import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

const port = Number(process.env.E2E_PORT ?? 4173);
const staticDir = process.env.STATIC_DIR ?? 'dist';
/** The key of the second sandbox that plays StackOne for the StackOne-mode tests. */
export const UPSTREAM_KEY = 'upstream_test_key';
/** The inboxes with sign-in: one through the test OpenID provider, one with a team password. */
export const OIDC_PROVIDER = `http://localhost:${port + 3}`;
export const OIDC_INBOX = `http://127.0.0.1:${port + 4}`;
export const PASSWORD_INBOX = `http://127.0.0.1:${port + 5}`;
export const TEAM_PASSWORD = 'a team password for the browser tests';
export const PASSWORD_INBOX_SECRET = 'the session secret of the password inbox in the browser tests';
// A system Chromium where Playwright's own browsers cannot be downloaded.
const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => Boolean(path) && existsSync(path!),
);

/** An inbox server for the tests on 127.0.0.1 at this port, with its own database (freshly seeded by e2e-server.ts). */
function inbox(at: number, env: Record<string, string>, script = 'scripts/e2e-server.ts') {
  return {
    command: `node --import tsx ${script}`,
    url: `http://127.0.0.1:${at}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(at),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SANDBOX_DB: `data/e2e-${at}/sandbox.db`,
      STATIC_DIR: staticDir,
      ...env,
    },
  };
}

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  // A permalink lands after its older pages load one after another, which can pass 5 s on a busy two-core machine.
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry on CI, so that a known timing flake (a deep permalink landing before its page settles) does not
  // hide a green run; `npm test` says how many tests needed it.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    // The service worker would cache the app behind every test; e2e/offline.spec.ts allows it and tests it.
    serviceWorkers: 'block',
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: [
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    // The inbox on its embedded sandbox, on a fresh seeded database for every run.
    { ...inbox(port, {}), stdout: 'pipe' },
    // A second sandbox standing in for StackOne itself, with its own key and data…
    inbox(port + 1, { SANDBOX_API_KEY: UPSTREAM_KEY, SANDBOX_SEED_MESSAGES: '3000' }),
    // …and an inbox in StackOne mode that reaches it over HTTP, as it would reach api.stackone.com.
    inbox(
      port + 2,
      {
        SANDBOX_SEED_MESSAGES: '0',
        STACKONE_API_KEY: UPSTREAM_KEY,
        STACKONE_BASE_URL: `http://127.0.0.1:${port + 1}/sandbox`,
      },
      'src/server/main.ts',
    ),
    {
      // A real OpenID provider, on another site than the inbox (localhost, not 127.0.0.1), as in production…
      command: 'node --import tsx scripts/e2e-oidc-provider.ts',
      url: `${OIDC_PROVIDER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { PORT: String(port + 3), ISSUER_HOST: 'localhost', INBOX_ORIGIN: OIDC_INBOX },
    },
    // …an inbox that signs people in through it, each seeing only their tenants' accounts…
    inbox(port + 4, {
      SANDBOX_SEED_MESSAGES: '2000',
      INBOX_AUTH: 'oidc',
      PUBLIC_URL: OIDC_INBOX,
      OIDC_ISSUER: OIDC_PROVIDER,
      OIDC_CLIENT_ID: 'inbox',
      OIDC_CLIENT_SECRET: 'a-client-secret-for-tests-only',
      OIDC_TENANT_CLAIM: 'tenants',
    }),
    // …and one with a shared team password.
    inbox(port + 5, {
      SANDBOX_SEED_MESSAGES: '2000',
      INBOX_AUTH: 'password',
      INBOX_PASSWORD: TEAM_PASSWORD,
      SESSION_SECRET: PASSWORD_INBOX_SECRET,
    }),
  ],
});
