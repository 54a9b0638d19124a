/** The sign-in settings: INBOX_AUTH and what each mode needs, read and checked at start. */

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

const LOOPBACK_BIND = /^(127(\.\d{1,3}){3}|::1|localhost)$/i;

export function isLoopbackBind(host: string): boolean {
  return LOOPBACK_BIND.test(host);
}

function isLoopbackName(hostname: string): boolean {
  return isLoopbackBind(hostname.replace(/^\[(.*)\]$/, '$1'));
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
  for (const pair of (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
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
    throw new Error(
      'INBOX_AUTH=oidc needs PUBLIC_URL, the address people open the inbox at (its sign-in callback is there)',
    );
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
      "INBOX_AUTH=oidc needs OIDC_TENANT_CLAIM (the claim listing a person's tenants) or OIDC_TENANT_DOMAINS " +
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

/** INBOX_AUTH and its settings; refuses what would start the inbox open to the network, or sign-in half set up. */
export function readSignIn(env: NodeJS.ProcessEnv, host: string, publicUrl: URL | null) {
  const mode = inboxAuth(env, host);
  return { inboxAuth: mode, inboxPassword: inboxPassword(env, mode), oidc: oidc(env, mode, publicUrl) };
}
