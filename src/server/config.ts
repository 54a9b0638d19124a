import { randomBytes } from 'node:crypto';
import { type InboxAuth, type OidcConfig, readSignIn } from './auth/sign-in-config';
import { parseFaults } from './sandbox/faults/parse-env';
import type { FaultRule } from './sandbox/faults/rules';

/** Everything the server reads from the environment, with the documented defaults. */
export interface ServerConfig {
  host: string;
  port: number;
  /** SQLite file of the sandbox. */
  sandboxDb: string;
  sandboxApiKey: string;
  /** Requests a minute per key before the sandbox answers 429; 0 = no limit. */
  sandboxRateLimit: number;
  /** Faults the sandbox injects from the start (SANDBOX_FAULTS); empty = none. */
  sandboxFaults: FaultRule[];
  /** Whether the loopback-only /sandbox/_faults admin route exists. */
  sandboxAdmin: boolean;
  /** Messages seeded into an empty database on start. */
  seedMessages: number;
  /** Folder of the built single-page app. */
  staticDir: string;
  /** Real StackOne's API key; null keeps the BFF on the in-process sandbox. */
  stackoneApiKey: string | null;
  /** StackOne's base URL, without a trailing slash. */
  stackoneBaseUrl: string;
  /** Upstream calls a minute the server makes with the StackOne key, all people and the sync together; 0 = no limit. */
  stackoneRateLimit: number;
  /** Redis (or Valkey) that several instances share (REDIS_URL); null keeps everything in this process. */
  redisUrl: string | null;
  /** Linked accounts the inbox may use; null allows every account the key sees. */
  stackoneAccountIds: string[] | null;
  /** HMAC key of the session cookie and CSRF token. */
  sessionSecret: string;
  /** Who may use the inbox; `none` is for a person on their own machine. */
  inboxAuth: InboxAuth;
  /** The shared password of `password` sign-in (INBOX_PASSWORD), else null. */
  inboxPassword: string | null;
  /** The OpenID provider of `oidc` sign-in, else null. */
  oidc: OidcConfig | null;
  /** Reverse proxies in front of the server whose X-Forwarded-For is believed (TRUST_PROXY); 0 = none. */
  trustProxy: number;
  /** The address people open the inbox at (PUBLIC_URL), or null when it is reached on loopback only. */
  publicUrl: URL | null;
  /** Host names (lower case, no port) that requests may carry besides loopback and PUBLIC_URL's. */
  allowedHosts: string[];
  /** Whether the /sandbox routes (and their fault admin) are served. Always on when the sandbox is the upstream. */
  sandboxEnabled: boolean;
  /** How long a session lives without a request, and at most. */
  sessionLifetimes: { idleSeconds: number; maxSeconds: number };
  /** Requests a minute one browser session may make to /api, and of those, writes; 0 = no limit. */
  apiRateLimit: number;
  apiWriteRateLimit: number;
  /** Requests a minute one client address may make to /api without a valid session; 0 = no limit. */
  apiSessionlessRateLimit: number;
  /** pino level of the request log: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  /** Milliseconds a client has to send its request headers, and its whole request. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Milliseconds the BFF waits for upstream answers (and between body chunks). */
  upstreamTimeoutMs: number;
  /** The same for attachment downloads. */
  downloadTimeoutMs: number;
}

export const DEFAULT_SANDBOX_API_KEY = 'sandbox_local_key';
export const DEFAULT_STACKONE_BASE_URL = 'https://api.stackone.com';

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function baseUrl(env: NodeJS.ProcessEnv): string {
  const text = env.STACKONE_BASE_URL || DEFAULT_STACKONE_BASE_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`STACKONE_BASE_URL must be an http(s) URL, got "${text}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`STACKONE_BASE_URL must be an http(s) URL, got "${text}"`);
  }
  if (url.search || url.hash) throw new Error('STACKONE_BASE_URL must not carry a query or fragment');
  return url.href.replace(/\/+$/, '');
}

function accountIds(env: NodeJS.ProcessEnv): string[] | null {
  const ids = (env.STACKONE_ACCOUNT_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  return ids.length > 0 ? ids : null;
}

function sessionSecret(env: NodeJS.ProcessEnv): string {
  const secret = env.SESSION_SECRET;
  if (!secret) return randomBytes(32).toString('base64url');
  if (secret.length < 16) throw new Error('SESSION_SECRET must be at least 16 characters long');
  return secret;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const text = env[name]?.trim().toLowerCase();
  if (text === undefined || text === '') return fallback;
  if (text === 'on' || text === 'off') return text === 'on';
  throw new Error(`${name} must be on or off, got "${env[name]}"`);
}

function publicUrl(env: NodeJS.ProcessEnv): URL | null {
  const text = env.PUBLIC_URL?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`PUBLIC_URL must be the inbox's http(s) address, got "${text}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`PUBLIC_URL must be the inbox's http(s) address, got "${text}"`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error('PUBLIC_URL must be an origin only, such as https://inbox.example.com');
  }
  return url;
}

function hostNames(env: NodeJS.ProcessEnv): string[] {
  const names = (env.ALLOWED_HOSTS ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  for (const name of names) {
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(name)) {
      throw new Error(`ALLOWED_HOSTS takes host names without port or scheme, got "${name}"`);
    }
  }
  return names;
}

function redisUrl(env: NodeJS.ProcessEnv): string | null {
  const text = env.REDIS_URL?.trim();
  if (!text) return null;
  if (!/^rediss?:\/\/[^\s]+$/.test(text)) throw new Error('REDIS_URL must be a redis:// or rediss:// URL');
  return text;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function logLevel(env: NodeJS.ProcessEnv): string {
  const level = (env.LOG_LEVEL || 'info').trim().toLowerCase();
  if (!LOG_LEVELS.includes(level))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  return level;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const host = env.HOST || '127.0.0.1';
  const stackoneApiKey = env.STACKONE_API_KEY?.trim() || null;
  const origin = publicUrl(env);
  const signIn = readSignIn(env, host, origin);
  return {
    host,
    port: integer(env, 'PORT', 8080, 0, 65535),
    sandboxDb: env.SANDBOX_DB || 'data/sandbox.db',
    sandboxApiKey: env.SANDBOX_API_KEY || DEFAULT_SANDBOX_API_KEY,
    sandboxRateLimit: integer(env, 'SANDBOX_RATE_LIMIT', 0, 0, 1_000_000),
    sandboxFaults: parseFaults(env.SANDBOX_FAULTS),
    sandboxAdmin: onOff(env, 'SANDBOX_ADMIN', true),
    seedMessages: integer(env, 'SANDBOX_SEED_MESSAGES', 24_000, 0, 10_000_000),
    staticDir: env.STATIC_DIR || 'dist',
    stackoneApiKey,
    stackoneBaseUrl: baseUrl(env),
    stackoneAccountIds: accountIds(env),
    stackoneRateLimit: integer(env, 'STACKONE_RATE_LIMIT', 1_000, 0, 1_000_000),
    redisUrl: redisUrl(env),
    sessionSecret: sessionSecret(env),
    ...signIn,
    trustProxy: integer(env, 'TRUST_PROXY', 0, 0, 10),
    publicUrl: origin,
    allowedHosts: hostNames(env),
    sandboxEnabled: stackoneApiKey === null || onOff(env, 'SANDBOX', false),
    sessionLifetimes: {
      idleSeconds: 60 * integer(env, 'SESSION_IDLE_MINUTES', 8 * 60, 1, 366 * 24 * 60),
      maxSeconds: 3600 * integer(env, 'SESSION_MAX_HOURS', 7 * 24, 1, 366 * 24),
    },
    apiRateLimit: integer(env, 'API_RATE_LIMIT', 600, 0, 1_000_000),
    apiWriteRateLimit: integer(env, 'API_WRITE_RATE_LIMIT', 60, 0, 1_000_000),
    apiSessionlessRateLimit: integer(env, 'API_SESSIONLESS_RATE_LIMIT', 300, 0, 1_000_000),
    logLevel: logLevel(env),
    headersTimeoutMs: integer(env, 'HEADERS_TIMEOUT_MS', 10_000, 1_000, 600_000),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 30_000, 1_000, 3_600_000),
    upstreamTimeoutMs: integer(env, 'UPSTREAM_TIMEOUT_MS', 10_000, 1, 600_000),
    downloadTimeoutMs: integer(env, 'DOWNLOAD_TIMEOUT_MS', 60_000, 1, 3_600_000),
  };
}
