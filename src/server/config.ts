import { randomBytes } from 'node:crypto';
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

export type InboxAuth = 'none' | 'password' | 'oidc';

export interface OidcConfig {
  issuer: URL;
  clientId: string;
  /** Null for a public client, which proves itself with PKCE alone. */
  clientSecret: string | null;
  scopes: string;
  /** The ID-token (or userinfo) claim that lists the person's tenants, or null. */
  tenantClaim: string | null;
  /** Email domain (lower case) → the tenants a person with a verified address at it belongs to. */
  tenantDomains: Map<string, string[]>;
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

const LOOPBACK_BIND = /^(127(\.\d{1,3}){3}|::1|localhost)$/i;

export function isLoopbackBind(host: string): boolean {
  return LOOPBACK_BIND.test(host);
}

function isLoopbackName(hostname: string): boolean {
  return isLoopbackBind(hostname.replace(/^\[(.*)\]$/, '$1'));
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

function inboxAuth(env: NodeJS.ProcessEnv, host: string): InboxAuth {
  const mode = (env.INBOX_AUTH || 'none').trim().toLowerCase();
  if (mode !== 'none' && mode !== 'password' && mode !== 'oidc') {
    throw new Error(`INBOX_AUTH must be none, password or oidc, got "${env.INBOX_AUTH}"`);
  }
  const open = env.INBOX_ALLOW_OPEN === '1' && env.INBOX_AUTH?.trim().toLowerCase() === 'none';
  if (mode === 'none' && !isLoopbackBind(host) && !open) {
    throw new Error(
      `HOST=${host} would let anyone who reaches this machine read and send with the server's StackOne key. ` +
        'Set INBOX_AUTH=oidc (OpenID Connect sign-in) or INBOX_AUTH=password (one shared team password), ' +
        'keep HOST on loopback (127.0.0.1) behind a reverse proxy that signs people in, ' +
        'or, on a network you trust, set INBOX_AUTH=none and INBOX_ALLOW_OPEN=1 to start without sign-in.',
    );
  }
  return mode;
}

const MIN_PASSWORD_LENGTH = 12;

function inboxPassword(env: NodeJS.ProcessEnv, mode: InboxAuth): string | null {
  if (mode !== 'password') return null;
  const password = env.INBOX_PASSWORD ?? '';
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`INBOX_AUTH=password needs INBOX_PASSWORD, at least ${MIN_PASSWORD_LENGTH} characters long`);
  }
  return password;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`INBOX_AUTH=oidc needs ${name}`);
  return value;
}

/** `acme.com:acme-robotics,acme.co.uk:acme-robotics,north.example:northwind-health`. */
function tenantDomains(text: string | undefined): Map<string, string[]> {
  const domains = new Map<string, string[]>();
  for (const pair of (text ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const match = /^([a-z0-9.-]+\.[a-z0-9-]+):(\S+)$/i.exec(pair);
    if (!match) throw new Error(`OIDC_TENANT_DOMAINS takes domain:tenant pairs separated by commas, got "${pair}"`);
    const domain = match[1]!.toLowerCase();
    domains.set(domain, [...(domains.get(domain) ?? []), match[2]!]);
  }
  return domains;
}

function oidc(env: NodeJS.ProcessEnv, mode: InboxAuth, publicUrl: URL | null): OidcConfig | null {
  if (mode !== 'oidc') return null;
  if (publicUrl === null) {
    throw new Error('INBOX_AUTH=oidc needs PUBLIC_URL, the address people open the inbox at (its sign-in callback is there)');
  }
  const issuerText = required(env, 'OIDC_ISSUER');
  let issuer: URL;
  try {
    issuer = new URL(issuerText);
  } catch {
    throw new Error(`OIDC_ISSUER must be the provider's https URL, got "${issuerText}"`);
  }
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopbackName(issuer.hostname))) {
    throw new Error(`OIDC_ISSUER must be an https URL (http only on this machine), got "${issuerText}"`);
  }
  const tenantClaim = env.OIDC_TENANT_CLAIM?.trim() || null;
  const domains = tenantDomains(env.OIDC_TENANT_DOMAINS);
  if (tenantClaim === null && domains.size === 0) {
    throw new Error(
      'INBOX_AUTH=oidc needs OIDC_TENANT_CLAIM (the claim listing a person\'s tenants) or OIDC_TENANT_DOMAINS ' +
        '(email domain:tenant pairs), or no one could see any account',
    );
  }
  return {
    issuer,
    clientId: required(env, 'OIDC_CLIENT_ID'),
    clientSecret: env.OIDC_CLIENT_SECRET?.trim() || null,
    scopes: env.OIDC_SCOPES?.trim() || 'openid email profile',
    tenantClaim,
    tenantDomains: domains,
  };
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
  const auth = inboxAuth(env, host);
  const origin = publicUrl(env);
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
    inboxAuth: auth,
    inboxPassword: inboxPassword(env, auth),
    oidc: oidc(env, auth, origin),
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
