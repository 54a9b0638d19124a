/** Starts the test OpenID provider for the sign-in browser tests (PORT, ISSUER_HOST, INBOX_ORIGIN). */
import { startTestOidcProvider } from '../src/server/auth/testing-oidc-provider';

const provider = await startTestOidcProvider({
  port: Number(process.env.PORT),
  issuerHost: process.env.ISSUER_HOST,
  inboxOrigin: process.env.INBOX_ORIGIN!,
});
console.log(`Test OpenID provider at ${provider.issuer}`);
