// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { installInProcessServer } from '../test/in-process-fetch';
import { outbox } from './outbox';

let server: ReturnType<typeof installInProcessServer>;
beforeAll(() => {
  server = installInProcessServer({ seed: { messages: 100 } });
});
afterAll(() => server.restore());

describe('the outbox', () => {
  it('sends from a page without crypto.randomUUID (plain http on a LAN address is not a secure context)', async () => {
    const randomUUID = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(crypto), 'randomUUID');
    Object.defineProperty(Object.getPrototypeOf(crypto), 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(typeof crypto.randomUUID).not.toBe('function');
      outbox.start(new QueryClient());
      const conversation = (await server.json('/unified/messaging/conversations?page_size=1')).body.data[0].id;
      const { key, sent } = outbox.enqueue({
        accountId: server.accounts[0]!.id,
        conversationId: conversation,
        recipient: conversation,
        content: 'sent over plain http',
      });
      expect(key).toMatch(/^[0-9a-f]{32}$/);
      const id = await sent;
      const stored = await server.json(`/unified/messaging/messages/${id}`);
      expect(stored.body.data.content.plain).toBe('sent over plain http');
    } finally {
      if (randomUUID) Object.defineProperty(Object.getPrototypeOf(crypto), 'randomUUID', randomUUID);
    }
  });

  it('keeps a message waiting while offline, without counting attempts, and sends it once when the connection returns', async () => {
    outbox.start(new QueryClient());
    const conversation = (await server.json('/unified/messaging/conversations?page_size=1')).body.data[0].id;
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      const { key, sent } = outbox.enqueue({
        accountId: server.accounts[0]!.id,
        conversationId: conversation,
        recipient: conversation,
        content: 'written offline',
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(outbox.snapshot().find((entry) => entry.key === key)).toMatchObject({
        status: 'queued',
        attempts: 0,
        error: null,
      });
      onLine.mockReturnValue(true);
      window.dispatchEvent(new Event('online'));
      const id = await sent;
      const page = await server.json(`/unified/messaging/conversations/${conversation}/messages?page_size=100`);
      const copies = page.body.data.filter(
        (message: { content: { plain: string } }) => message.content.plain === 'written offline',
      );
      expect(copies.map((message: { id: string }) => message.id)).toEqual([id]);
    } finally {
      onLine.mockRestore();
    }
  });

  it('a second start replaces the first: the window listeners of the first are removed, and stopping removes the rest', () => {
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    try {
      outbox.start(new QueryClient());
      const stop = outbox.start(new QueryClient());
      stop();
      const listeners = (spy: typeof added) =>
        spy.mock.calls
          .filter(([type]) => type === 'online' || type === 'storage')
          .map(([type, listener]) => [type, listener]);
      expect(listeners(added)).toHaveLength(4);
      expect(listeners(removed)).toEqual(expect.arrayContaining(listeners(added)));
    } finally {
      added.mockRestore();
      removed.mockRestore();
    }
  });
});
