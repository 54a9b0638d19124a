import * as client from 'openid-client';
import type { OidcConfig } from './sign-in-config';
import type { Person } from './session';
import { MAX_TENANTS, tenantsOf } from './tenants';

/** What the browser keeps, signed, between leaving for the provider and coming back. */
export interface SignInFlow {
  verifier: string;
  state: string;
  nonce: string;
  /** The inbox path to land on after sign-in. */
  returnTo: string;
}

export interface OidcSignIn {
  /** The provider's address to send the browser to, and the flow to remember until it comes back. */
  start(returnTo: string): Promise<{ url: URL; flow: SignInFlow }>;
  /** The person of a callback URL, checked against the flow (state, nonce, PKCE verifier). */
  finish(callbackUrl: URL, flow: SignInFlow): Promise<{ person: Person; idToken: string | undefined }>;
  /** Where to send the browser to sign out at the provider too, or null when it offers no sign-out. */
  endSessionUrl(idToken: string | undefined): Promise<URL | null>;
}

/** The reason a sign-in could not finish, in words for the person. */
export class SignInError extends Error {}

const DISCOVERY_RETRY_MS = 10_000;
const MAX_NAME = 200;
const MAX_EMAIL = 320;

/**
 * OpenID Connect sign-in through openid-client: the authorization code flow with PKCE (S256), state and nonce.
 * The provider's metadata is discovered on first use and again after a failure, so the inbox starts even while
 * the provider is away.
 */
export function createOidcSignIn(config: OidcConfig, publicUrl: URL, callbackPath: string): OidcSignIn {
  const redirectUri = new URL(callbackPath, publicUrl).href;
  let discovered: Promise<client.Configuration> | null = null;
  let failedAt = 0;

  function configuration(): Promise<client.Configuration> {
    if (discovered === null || (failedAt > 0 && Date.now() - failedAt > DISCOVERY_RETRY_MS)) {
      failedAt = 0;
      const insecure = config.issuer.protocol === 'http:';
      discovered = client
        .discovery(
          config.issuer,
          config.clientId,
          config.clientSecret ?? undefined,
          config.clientSecret === null ? client.None() : undefined,
          { execute: insecure ? [client.allowInsecureRequests] : [], timeout: 10 },
        )
        .catch((error: unknown) => {
          failedAt = Date.now();
          throw new SignInError(
            `The sign-in provider at ${config.issuer.href} could not be reached (${describe(error)})`,
          );
        });
    }
    return discovered;
  }

  return {
    async start(returnTo) {
      const oidc = await configuration();
      const flow: SignInFlow = {
        verifier: client.randomPKCECodeVerifier(),
        state: client.randomState(),
        nonce: client.randomNonce(),
        returnTo,
      };
      const url = client.buildAuthorizationUrl(oidc, {
        redirect_uri: redirectUri,
        scope: config.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      });
      return { url, flow };
    },

    async finish(callbackUrl, flow) {
      const oidc = await configuration();
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(oidc, callbackUrl, {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        throw new SignInError(`The sign-in provider did not confirm who you are (${describe(error)})`);
      }
      const idClaims = tokens.claims()!;
      let claims: Record<string, unknown> = { ...idClaims };
      // Providers often put the profile, email and custom claims in userinfo rather than the ID token.
      if (oidc.serverMetadata().userinfo_endpoint) {
        try {
          claims = { ...(await client.fetchUserInfo(oidc, tokens.access_token, idClaims.sub)), ...idClaims };
        } catch (error) {
          throw new SignInError(`The sign-in provider did not give your profile (${describe(error)})`);
        }
      }
      const tenants = tenantsOf(claims, config);
      if (tenants.length > MAX_TENANTS) throw new SignInError(`You belong to more than ${MAX_TENANTS} tenants`);
      const email = typeof claims.email === 'string' ? claims.email.slice(0, MAX_EMAIL) : null;
      const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : (email ?? idClaims.sub);
      return {
        person: { sub: `${idClaims.iss} ${idClaims.sub}`, name: name.slice(0, MAX_NAME), email, via: 'oidc', tenants },
        idToken: tokens.id_token,
      };
    },

    async endSessionUrl(idToken) {
      let oidc: client.Configuration;
      try {
        oidc = await configuration();
      } catch {
        return null;
      }
      if (!oidc.serverMetadata().end_session_endpoint) return null;
      const parameters: Record<string, string> = {
        client_id: config.clientId,
        post_logout_redirect_uri: publicUrl.href,
      };
      if (idToken) parameters.id_token_hint = idToken;
      return client.buildEndSessionUrl(oidc, parameters);
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof SignInError) return error.message;
  const { message, code } = error as { message?: string; code?: string };
  return [code, message].filter(Boolean).join(': ').slice(0, 300) || 'unknown error';
}
