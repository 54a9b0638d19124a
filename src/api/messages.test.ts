// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installInProcessServer } from '../test/in-process-fetch';
import { type MessagePages, messageQueries, readyToLand, seekMessage } from './messages';

let server: ReturnType<typeof installInProcessServer>;
beforeAll(() => {
  server = installInProcessServer({ seed: { messages: 600 } });
});
afterAll(() => server.restore());

describe('seeking a message', () => {
  it('keeps the pages it loaded when the first page is reloaded meanwhile (a restored cache being refreshed)', async () => {
    const accountId = server.accounts[0]!.id;
    const conversations = await server.json('/unified/messaging/conversations?page_size=100');
    const [conversation] = (conversations.body.data as { id: string; name: string | null }[]).filter(
      (c) => c.name === 'general',
    );
    const first = await server.json(`/unified/messaging/conversations/${conversation!.id}/messages?page_size=100`);
    const second = await server.json(
      `/unified/messaging/conversations/${conversation!.id}/messages?page_size=100&next=${first.body.next}`,
    );
    const target = (second.body.data as { id: string }[])[10]!.id;

    const client = new QueryClient();
    const options = messageQueries.list(accountId, conversation!.id);
    await client.prefetchInfiniteQuery(options);
    // The view's reload of its one page and the seek begin together.
    const reload = client.refetchQueries({ queryKey: options.queryKey, exact: true });
    const there = await seekMessage(client, accountId, conversation!.id, target, () => {});
    await reload;
    expect(there).toBe(true);
    expect(readyToLand(client.getQueryData<MessagePages>(options.queryKey), target)).toBe(true);
  });
});
