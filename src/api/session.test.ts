// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installInProcessServer } from '../test/in-process-fetch';
import { accountQueries } from './accounts';
import { ApiError } from './errors';
import { followSession, getSession, sessionQueries, signInWithPassword } from './session';

// The browser's side of password sign-in, against a real inbox server in this process.
const PASSWORD = 'a shared team password';
let server: ReturnType<typeof installInProcessServer>;
beforeAll(() => {
  server = installInProcessServer({
    seed: { messages: 200 },
    config: { inboxAuth: 'password', inboxPassword: PASSWORD },
  });
});
afterAll(() => server.restore());

describe('signing in from the browser', () => {
  it('is signed out at first, says why a wrong password fails, and signs in with the right one', async () => {
    expect(await getSession()).toMatchObject({ auth: 'password', csrfToken: null, person: null });
    await expect(signInWithPassword('not it at all', 'Ada')).rejects.toThrow('That is not the team password');
    const session = await signInWithPassword(PASSWORD, 'Ada');
    expect(session).toMatchObject({
      csrfToken: expect.any(String),
      person: { name: 'Ada', via: 'password' },
      access: 'all',
    });
    const accounts = await new QueryClient().fetchQuery(accountQueries.list());
    expect(accounts.length).toBe(server.accounts.length);
  });

  it('turns the page to sign-in when the session ends under it, instead of retrying for ever', async () => {
    await signInWithPassword(PASSWORD, 'Ada');
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const stop = followSession(client);
    await client.fetchQuery(sessionQueries.current());
    server.jar.clear();
    const error = await client.fetchQuery(accountQueries.list()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(client.getQueryData(sessionQueries.current().queryKey)).toMatchObject({ csrfToken: null, person: null });
    stop();
  });
});
