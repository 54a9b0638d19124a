import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer } from '../testing';
import { startRedis } from '../testing-redis';
import { createSharedState, type SharedState } from './shared-state';

// Two instances of the inbox behind one Redis: one budget, one follower per conversation, events for every viewer.
let redis: Awaited<ReturnType<typeof startRedis>>;
const states: SharedState[] = [];
let first: ReturnType<typeof createTestServer>;
let second: ReturnType<typeof createTestServer>;

beforeAll(async () => {
  redis = await startRedis();
  const shared = () => {
    const state = createSharedState({ redisUrl: redis.url, stackoneRateLimit: 1_000 });
    states.push(state);
    return state;
  };
  first = createTestServer({ seed: { messages: 400 }, shared: shared(), config: { stackoneRateLimit: 1_000 } });
  second = createTestServer({ sameDataAs: first, shared: shared(), config: { stackoneRateLimit: 1_000 } });
});
afterAll(async () => {
  for (const state of states) await state.close();
  first.close();
  await redis.stop();
});

const account = () => first.accounts[0]!.id;
async function firstConversation() {
  return ((await first.json('/unified/messaging/conversations?page_size=1')).body.data as { id: string }[])[0]!.id;
}

/** The messages an event stream brings, by id, as they come. */
async function viewer(
  server: ReturnType<typeof createTestServer>,
  query: string,
  headers: Record<string, string> = {},
) {
  const { cookie, csrfToken } = await server.newSession();
  const response = await server.app.request(`/api/inbox/events?${query}`, { headers: { cookie, ...headers } });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const seen = new Map<string, number>();
  let ready = false;
  let last: string | null = null;
  let buffer = '';
  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) return;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith('event: ready')) ready = true;
        const id = block.split('\n').find((line) => line.startsWith('id: '));
        if (id) last = id.slice(4);
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (block.startsWith('event: message') && data) seen.set(JSON.parse(data.slice(6)).data.id, Date.now());
      }
    }
  })();
  await expect.poll(() => ready).toBe(true);
  return { seen, session: { cookie, csrfToken }, lastEventId: () => last, close: () => reader.cancel() };
}

describe('several instances on one Redis', () => {
  it('a message sent through one instance reaches a viewer on the other at once', async () => {
    const conversation = await firstConversation();
    const onSecond = await viewer(second, `account=${account()}&conversation=${conversation}`);
    const onFirst = await viewer(first, `account=${account()}&conversation=${conversation}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = Date.now();
    const sent = await first.api('/unified/messaging/messages', {
      method: 'POST',
      session: onFirst.session,
      body: JSON.stringify({ recipient: conversation, content: 'from the first instance' }),
    });
    expect(sent.status).toBe(201);
    const id = ((await sent.json()) as { data: { id: string } }).data.id;
    await expect.poll(() => onSecond.seen.has(id), { timeout: 3_000 }).toBe(true);
    expect(onSecond.seen.get(id)! - started).toBeLessThan(1_000);
    expect(onFirst.seen.has(id)).toBe(true);
    await onFirst.close();
    await onSecond.close();
  });

  it('follows a conversation from one instance only, and the other takes over when that one is gone', async () => {
    const conversation = await firstConversation();
    const key = `inbox:lease:conversation:${account()}:${conversation}`;
    const client = new Redis(redis.url);
    const a = await viewer(first, `account=${account()}&conversation=${conversation}`);
    const b = await viewer(second, `account=${account()}&conversation=${conversation}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const holder = await client.get(key);
    expect(holder).toMatch(/^[0-9a-f]{16}$/);
    // The holder's viewer leaves: its lease is given back, and the other instance follows from where it was.
    const leaving = holder === states[0]!.leases.instance ? a : b;
    expect([states[0]!.leases.instance, states[1]!.leases.instance]).toContain(holder);
    const staying = leaving === a ? b : a;
    await leaving.close();
    await expect
      .poll(async () => (await client.get(key)) !== holder && (await client.get(key)) !== null, { timeout: 8_000 })
      .toBe(true);
    const written = await first.json('/unified/messaging/messages', {
      method: 'POST',
      body: JSON.stringify({ recipient: conversation, content: 'written straight upstream after the handover' }),
    });
    await expect.poll(() => staying.seen.has(written.body.data.id), { timeout: 5_000 }).toBe(true);
    await staying.close();
    client.disconnect();
  });

  it('when the following instance dies, the other takes over, and its viewers reconnect there missing nothing', async () => {
    const conversation = (
      (await first.json('/unified/messaging/conversations?page_size=3')).body.data as { id: string }[]
    )[2]!.id;
    const doomedState = createSharedState({ redisUrl: redis.url, stackoneRateLimit: 1_000 });
    const doomed = createTestServer({ sameDataAs: first, shared: doomedState, config: { stackoneRateLimit: 1_000 } });
    const client = new Redis(redis.url);
    const key = `inbox:lease:conversation:${account()}:${conversation}`;
    const onDoomed = await viewer(doomed, `account=${account()}&conversation=${conversation}`);
    await expect.poll(() => client.get(key)).toBe(doomedState.leases.instance);
    const survivor = await viewer(first, `account=${account()}&conversation=${conversation}`);
    const before = await first.json('/unified/messaging/messages', {
      method: 'POST',
      body: JSON.stringify({ recipient: conversation, content: 'before the crash' }),
    });
    await expect.poll(() => onDoomed.seen.has(before.body.data.id), { timeout: 5_000 }).toBe(true);
    const lastSeen = onDoomed.lastEventId();

    // Gone without a word: no lease given back, no more renewals.
    await doomedState.close();
    const during = await first.json('/unified/messaging/messages', {
      method: 'POST',
      body: JSON.stringify({ recipient: conversation, content: 'while the follower is dead' }),
    });
    await expect.poll(() => survivor.seen.has(during.body.data.id), { timeout: 12_000 }).toBe(true);
    expect(await client.get(key)).toBe(states[0]!.leases.instance);

    // The dead instance's viewer comes back to the survivor with its Last-Event-ID and gets what it missed.
    const back = await viewer(first, `account=${account()}&conversation=${conversation}`, {
      'last-event-id': lastSeen!,
    });
    await expect.poll(() => back.seen.has(during.body.data.id), { timeout: 3_000 }).toBe(true);
    await Promise.all([onDoomed.close(), survivor.close(), back.close()]);
    doomed.close();
    client.disconnect();
  });

  it('spends one rate budget for both instances', async () => {
    const client = new Redis(redis.url);
    const before = Number((await client.get('inbox:budget:stackone')) ?? 0);
    for (let i = 0; i < 5; i++) {
      // Each read a different one: the same read would be shared, not asked again.
      expect((await first.apiJson(`/unified/messaging/users?page_size=${i + 1}`)).status).toBe(200);
      expect((await second.apiJson(`/unified/messaging/users?page_size=${i + 10}`)).status).toBe(200);
    }
    const after = Number(await client.get('inbox:budget:stackone'));
    expect(after - before).toBeGreaterThanOrEqual(10);
    client.disconnect();
  });
});
