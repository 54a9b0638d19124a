import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** The people of the test provider, by login name: who they are, and the tenants their tokens name. */
export const TEST_PEOPLE: Record<string, { name: string; email: string; email_verified: boolean; tenants?: string[] }> =
  {
    ada: { name: 'Ada Lovelace', email: 'ada@acmerobotics.com', email_verified: true, tenants: ['acme-robotics'] },
    nia: { name: 'Nia Okafor', email: 'nia@northwind.example', email_verified: true, tenants: ['northwind-health'] },
    max: {
      name: 'Max Both',
      email: 'max@consulting.example',
      email_verified: true,
      tenants: ['acme-robotics', 'orbit-games'],
    },
    olu: { name: 'Olu Outsider', email: 'olu@elsewhere.example', email_verified: true },
    eve: { name: 'Eve Unverified', email: 'eve@acmerobotics.com', email_verified: false },
  };

export const TEST_CLIENT = { id: 'inbox', secret: 'a-client-secret-for-tests-only' };

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string): string {
  const people = Object.entries(TEST_PEOPLE)
    .map(([login, person]) => `<option value="${login}">${escape(person.name)} (${escape(person.email)})</option>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test provider: sign in</title></head>
<body><main><h1>Test provider</h1><form method="post" action="/interaction/${uid}/login">
<label>Who are you? <select name="login">${people}</select></label>
<button type="submit">Continue</button></form></main></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return new URLSearchParams(text);
}

/**
 * A real OpenID provider (panva's oidc-provider) on a real HTTP port, for the sign-in tests: one confidential
 * client, PKCE required, RP-initiated logout, and a login page that asks only who you are.
 */
export async function startTestOidcProvider(options: {
  port?: number;
  host?: string;
  /** The host name in the issuer URL; the provider still listens on `host`. */
  issuerHost?: string;
  inboxOrigin: string;
}): Promise<{ issuer: string; server: Server; close(): Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${options.issuerHost ?? host}:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: [`${options.inboxOrigin}/api/inbox/auth/callback`],
        post_logout_redirect_uris: [`${options.inboxOrigin}/`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'tenants'] },
    pkce: { required: () => true },
    jwks: {
      keys: [
        { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), use: 'sig' },
      ],
    },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    cookies: { keys: ['test-provider-cookie-key-one'] },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test provider: sign out</title></head>
<body><main><h1>Sign out of the test provider?</h1>${form}
<button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button></main></body></html>`;
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, id) => {
      const person = TEST_PEOPLE[id];
      if (!person) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...person }) };
    },
  });
  provider.on('server_error', (_ctx, error) => console.error('test provider:', error));
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(new URL(req.url!, issuer).pathname);
    if (!match) return false;
    const details = await provider.interactionDetails(req, res);
    if (!match[2]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid));
      return true;
    }
    const login = (await formBody(req)).get('login') ?? '';
    if (!TEST_PEOPLE[login]) {
      res.writeHead(400).end('unknown person');
      return true;
    }
    const grant = new provider.Grant({ accountId: login, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: login }, consent: { grantId } },
      {
        mergeWithLastSubmission: false,
      },
    );
    return true;
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    interaction(req, res)
      .then((handled) => {
        if (!handled) callback(req, res);
      })
      .catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
  });
  return {
    issuer,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
