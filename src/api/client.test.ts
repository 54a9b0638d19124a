// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installInProcessServer } from '../test/in-process-fetch';
import { conversationQueries } from './conversations';
import { ApiError } from './errors';
import { messageQueries } from './messages';
import { getSession } from './session';
import { userQueries } from './users';

// The data layer against a real seeded inbox server in this process: BFF, sandbox, SQLite.
let server: ReturnType<typeof installInProcessServer>;
beforeAll(() => {
  server = installInProcessServer({ seed: { messages: 1_200 } });
});
afterAll(() => server.restore());

const fresh = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

describe('the data layer', () => {
  it('pages through conversations with keys that start with the account', async () => {
    const account = server.accounts[0]!.id;
    const client = fresh();
    const options = conversationQueries.list(account);
    expect(options.queryKey.slice(0, 2)).toEqual(['conversations', account]);
    const data = await client.fetchInfiniteQuery(options);
    expect(data.pages[0]!.data!.length).toBeGreaterThan(0);
    const other = conversationQueries.list(server.accounts[1]!.id).queryKey;
    expect(client.getQueryData(other)).toBeUndefined();
  });

  it('parses messages through the contract, with authors and content', async () => {
    const account = server.accounts[0]!.id;
    const client = fresh();
    const conversations = await client.fetchInfiniteQuery(conversationQueries.list(account));
    const id = conversations.pages[0]!.data![0]!.id!;
    const messages = await client.fetchInfiniteQuery(messageQueries.list(account, id));
    const first = messages.pages[0]!.data![0]!;
    expect(first.author?.name).toBeTruthy();
    expect(typeof first.content?.plain).toBe('string');
    const detail = await client.fetchQuery(messageQueries.detail(account, first.id!));
    expect(detail?.id).toBe(first.id);
  });

  it('throws ApiError with the status and StackOne’s body', async () => {
    const account = server.accounts[0]!.id;
    const error = await fresh()
      .fetchQuery(userQueries.detail(account, 'nobody-here'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).body.message).toContain('nobody-here');
  });

  it('looks people up on the server in one request for the names a screen needs', async () => {
    const account = server.accounts[0]!.id;
    const rows = server.store.users.list(account, 3, null, null);
    const client = fresh();
    const asked: string[] = [];
    const fetch = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      if (String(input).startsWith('/api/inbox/people')) asked.push(String(input));
      return fetch(input, init);
    };
    try {
      const people = await Promise.all(
        [...rows.map((row) => row.id), 'nobody-here'].map((id) => client.fetchQuery(userQueries.person(account, id))),
      );
      expect(people.map((user) => user?.name ?? null)).toEqual([...rows.map((row) => row.name), null]);
      expect(asked).toHaveLength(1);
      expect(new URL(asked[0]!, 'http://inbox').searchParams.getAll('id')).toHaveLength(4);
    } finally {
      globalThis.fetch = fetch;
    }
    const found = await client.fetchQuery(userQueries.search(account, rows[1]!.name, { limit: 5 }));
    expect(found).toMatchObject({ complete: true, data: [expect.objectContaining({ id: rows[1]!.id })] });
    expect(client.getQueryData(userQueries.person(account, rows[1]!.id).queryKey)).toMatchObject({ id: rows[1]!.id });
  });

  it('starts a new session when the server no longer knows the old one', async () => {
    await getSession();
    server.jar.clear();
    const account = server.accounts[0]!.id;
    const users = await fresh().fetchQuery(
      userQueries.detail(account, server.store.users.list(account, 1, null, null)[0]!.id),
    );
    expect(users?.id).toBeTruthy();
  });
});
