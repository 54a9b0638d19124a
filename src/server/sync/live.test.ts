import { afterAll, describe, expect, it } from 'vitest';
import { createUpstream } from '../bff/upstream';
import { readConfig } from '../config';
import { createTestServer, TEST_KEY } from '../testing';
import { Hono } from 'hono';
import { serveFetch } from '../bff/testing-bff';
import { createEventHub } from './event-hub';
import { eventStream } from './event-stream';
import { createRateBudget, PERSON_RESERVE } from './rate-budget';
import { createSyncEngine } from './sync-engine';

const server = createTestServer({ seed: { messages: 600 } });
afterAll(() => server.close());
const account = server.accounts[0]!.id;
const firstConversations = (await server.json('/unified/messaging/conversations?page_size=3')).body.data as {
  id: string;
}[];
const conversation = firstConversations[0]!.id;

/** The events of a Server-Sent Events answer as they come, parsed. */
function eventsOf(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  async function next(timeoutMs = 5_000): Promise<{ event: string; id?: string; data: any }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith(':')) continue;
        const fields = Object.fromEntries(
          block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
        );
        return { event: fields.event ?? 'message', id: fields.id, data: JSON.parse(fields.data ?? 'null') };
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no event in time');
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no event in time')), left)),
      ]);
      if (chunk.done) throw new Error('stream ended');
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  }
  return { next, close: () => reader.cancel() };
}

async function watch(query: string, headers: Record<string, string> = {}) {
  const { cookie } = await server.newSession();
  const response = await server.app.request(`/api/inbox/events?${query}`, { headers: { cookie, ...headers } });
  return { response, cookie };
}

const sendUpstream = (content: string) =>
  server.json('/unified/messaging/messages', {
    method: 'POST',
    body: JSON.stringify({ recipient: conversation, content }),
  });

describe('live updates over Server-Sent Events', () => {
  it('pushes a message written straight upstream to the conversation’s viewer within the follow interval', async () => {
    const { response } = await watch(`account=${account}&conversation=${conversation}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = eventsOf(response);
    expect((await events.next()).event).toBe('ready');
    await new Promise((resolve) => setTimeout(resolve, 300)); // the follower sets its mark first
    const started = Date.now();
    const sent = await sendUpstream('written upstream while someone watches');
    // A new follower first gives the newest page as it is; then what changes.
    let event = await events.next(6_000);
    while (event.event !== 'message' || event.data.data.id !== sent.body.data.id) event = await events.next(6_000);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(event.id).toMatch(/^[0-9a-z]+-\d+$/);
    expect(event.data).toMatchObject({ type: 'message', accountId: account, conversationId: conversation });
    expect(event.data.data).toMatchObject({
      id: sent.body.data.id,
      content: { plain: 'written upstream while someone watches' },
    });
    await events.close();
  });

  it('publishes a message sent through the inbox at once, and resumes from Last-Event-ID without a gap', async () => {
    const { response, cookie } = await watch(`account=${account}&conversation=${conversation}`);
    const events = eventsOf(response);
    await events.next();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { csrfToken } = await (await server.app.request('/api/inbox/session', { headers: { cookie } })).json();
    const started = Date.now();
    const sent = await server.api('/unified/messaging/messages', {
      method: 'POST',
      session: { cookie, csrfToken },
      body: JSON.stringify({ recipient: conversation, content: 'sent through the inbox' }),
    });
    expect(sent.status).toBe(201);
    const sentId = ((await sent.json()) as { data: { id: string } }).data.id;
    let event = await events.next();
    while (event.event !== 'message' || event.data.data.id !== sentId) event = await events.next();
    expect(Date.now() - started).toBeLessThan(500);
    expect(event.data.data.content.plain).toBe('sent through the inbox');
    await events.close();

    // Away for a moment: two messages arrive; coming back with the last id seen gets exactly those.
    const one = await sendUpstream('missed one');
    const two = await sendUpstream('missed two');
    const watcher = await watch(`account=${account}&conversation=${conversation}`, { 'last-event-id': event.id! });
    const again = eventsOf(watcher.response);
    expect((await again.next()).event).toBe('ready');
    const seen: string[] = [];
    while (seen.length < 2) {
      const next = await again.next(6_000);
      if (next.event === 'message') seen.push(next.data.data.id);
    }
    expect(seen).toEqual([one.body.data.id, two.body.data.id]);
    await again.close();

    const stale = await watch(`account=${account}`, { 'last-event-id': 'zzzz-1' });
    const reset = eventsOf(stale.response);
    await reset.next();
    expect((await reset.next()).event).toBe('reset');
    await reset.close();
  });

  it('is refused without a session, without an account, and for an account the inbox may not use', async () => {
    expect((await server.app.request(`/api/inbox/events?account=${account}`)).status).toBe(401);
    expect((await watch('')).response.status).toBe(400);
    const narrow = createTestServer({ seed: { messages: 50 }, config: { stackoneAccountIds: [account] } });
    const { cookie } = await narrow.newSession();
    const other = narrow.accounts[1]!.id;
    const refused = await narrow.app.request(`/api/inbox/events?account=${other}`, { headers: { cookie } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ statusCode: 403, message: expect.stringContaining(other) });
    const alsoRefused = await narrow.app.request(`/api/inbox/events?account=${account}&also=${other}`, {
      headers: { cookie },
    });
    expect(alsoRefused.status).toBe(403);
    const tooMany = Array.from({ length: 21 }, (_, i) => `also=acc${i}`).join('&');
    expect((await watch(`account=${account}&${tooMany}`)).response.status).toBe(400);
    narrow.close();
  });

  it('tells a viewer of one account about conversation activity in the other accounts it names, and nothing else of them', async () => {
    const other = server.accounts[1]!.id;
    const otherConversation = (await server.json('/unified/messaging/conversations?page_size=1', { account: other }))
      .body.data[0].id as string;
    const { response } = await watch(`account=${account}&also=${other}`);
    const events = eventsOf(response);
    expect((await events.next()).event).toBe('ready');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sent = await server.json('/unified/messaging/messages', {
      method: 'POST',
      account: other,
      body: JSON.stringify({ recipient: otherConversation, content: 'in the other account' }),
    });
    expect(sent.status).toBe(201);
    // The list's follower first gives its newest page as it is; then what changed.
    let event = await events.next(8_000);
    while (event.data?.conversationId !== otherConversation || event.data?.accountId !== other) {
      if (event.data?.accountId === other) expect(event.event).toBe('conversation');
      event = await events.next(8_000);
    }
    expect(event.data).toMatchObject({ type: 'conversation', accountId: other, conversationId: otherConversation });
    await events.close();
  });
});

describe('the sync engine', () => {
  /** The engine over the test server's sandbox, counting every upstream request it makes. */
  function countedEngine(perMinute = 0) {
    const requests: string[] = [];
    const budget = createRateBudget(perMinute);
    const config = { ...readConfig({ LOG_LEVEL: 'silent' }), sandboxApiKey: TEST_KEY };
    const upstream = createUpstream(
      config,
      (request) => {
        requests.push(new URL(request.url).pathname);
        return server.app.request(request.url.replace('http://sandbox.internal', ''), { headers: request.headers });
      },
      budget,
    );
    const hub = createEventHub();
    const engine = createSyncEngine({ upstream, hub, budget, intervals: { conversationMs: 100, listMs: 200 } });
    return { requests, hub, engine, budget };
  }

  it('follows each conversation once however many watch it, and stops with its last viewer', async () => {
    const { requests, engine } = countedEngine();
    const conversations = firstConversations.map((c) => c.id);
    const stops = [];
    for (let viewer = 0; viewer < 30; viewer++) stops.push(engine.watch(account, conversations[viewer % 3]!));
    expect(engine.following()).toEqual({ lists: 1, conversations: 3 });
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    const perConversation = conversations.map((id) => requests.filter((path) => path.includes(id)).length);
    // About ten runs a second each (every 100 ms), not thirty viewers' worth.
    for (const count of perConversation) {
      expect(count).toBeGreaterThanOrEqual(5);
      expect(count).toBeLessThanOrEqual(12);
    }
    for (const stop of stops) stop();
    expect(engine.following()).toEqual({ lists: 0, conversations: 0 });
    const after = requests.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests.length).toBe(after);
    engine.close();
  });

  it('lets go of what a viewer watched as soon as its connection closes', async () => {
    const { hub, engine } = countedEngine();
    const app = new Hono().get('/events', (c) =>
      eventStream(c, hub, engine, { accountId: account, conversationId: conversation, also: [], lastEventId: null }),
    );
    const served = await serveFetch(app.fetch);
    try {
      const leaving = new AbortController();
      const response = await fetch(`${served.origin}/events`, { signal: leaving.signal });
      const reader = response.body!.getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toMatch(/^event: ready\n/);
      expect(engine.following()).toEqual({ lists: 1, conversations: 1 });
      leaving.abort();
      for (let waited = 0; waited < 100 && engine.following().conversations > 0; waited++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(engine.following()).toEqual({ lists: 0, conversations: 0 });
    } finally {
      engine.close();
      await served.close();
    }
  });

  it('tells a viewer too slow to take its events to reset, and lets it go, instead of holding them', async () => {
    const { hub, engine } = countedEngine();
    const app = new Hono().get('/events', (c) =>
      eventStream(c, hub, engine, { accountId: account, conversationId: conversation, also: [], lastEventId: null }),
    );
    const response = await app.request('/events');
    for (let i = 0; i < 700; i++)
      await hub.publish({ type: 'message', accountId: account, conversationId: conversation, data: { id: `m${i}` } });
    expect(engine.following()).toEqual({ lists: 0, conversations: 0 });
    const text = await response.text();
    expect(text.startsWith('event: ready\n')).toBe(true);
    expect(text.endsWith('event: reset\ndata: {}\n\n')).toBe(true);
    expect(text.split('event: message\n').length - 1).toBeLessThanOrEqual(501);
    engine.close();
  });

  it('spends one of the minute’s calls per upstream request it makes, not more', async () => {
    const { requests, engine, budget } = countedEngine(1_000);
    const stop = engine.watch(account, conversation);
    await new Promise((resolve) => setTimeout(resolve, 700));
    stop();
    engine.close();
    expect(requests.length).toBeGreaterThan(3);
    expect(Math.round((1 - (await budget.left())) * 1_000)).toBe(requests.length);
  });

  it('leaves a quarter of the minute to people, and waits out an upstream 429 for the whole key', async () => {
    const budget = createRateBudget(100);
    let syncCalls = 0;
    while ((await budget.take('sync')) === null) syncCalls++;
    expect(syncCalls).toBe(100 * (1 - PERSON_RESERVE));
    let personCalls = 0;
    while ((await budget.take('person')) === null) personCalls++;
    expect(personCalls).toBe(100 * PERSON_RESERVE);
    expect(await budget.take('person')).toBeGreaterThan(0);

    const paused = createRateBudget(1_000);
    expect(await paused.take('person')).toBeNull();
    paused.pause(2_000);
    expect(await paused.take('person')).toBeGreaterThan(1_900);
    expect(await paused.take('sync')).toBeGreaterThan(1_900);
  });

  it('answers a person 429 with Retry-After in StackOne’s shape when the key’s minute is spent', async () => {
    const spent = createTestServer({ seed: { messages: 50 }, config: { stackoneRateLimit: 3 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await spent.apiJson(`/unified/messaging/users?page_size=${i + 1}`));
    expect(statuses.slice(0, 3).map((s) => s.status)).toEqual([200, 200, 200]);
    expect(statuses[3]!.status).toBe(429);
    expect(Number(statuses[3]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(statuses[3]!.body.message).toMatch(/StackOne's rate limit/);
    spent.close();
  });

  it('pauses every call with the key for the Retry-After of an upstream 429', async () => {
    const limited = createTestServer({ seed: { messages: 50 }, config: { stackoneRateLimit: 1_000 } });
    await limited.setFaults([{ operation: 'list_users', kind: '429', retryAfter: 3 }]);
    const first = await limited.apiJson('/unified/messaging/users?page_size=1');
    expect(first.status).toBe(429);
    await limited.setFaults([]);
    const next = await limited.apiJson('/unified/messaging/conversations?page_size=1');
    expect(next.status).toBe(429);
    expect(Number(next.headers.get('retry-after'))).toBeGreaterThanOrEqual(2);
    expect(next.body.message).toMatch(/StackOne's rate limit/);
    limited.close();
  });
});

describe('shared reads of what the sync follows', () => {
  it('never serves a thread older than what its viewers were told', async () => {
    const { response, cookie } = await watch(`account=${account}&conversation=${firstConversations[1]!.id}`);
    const events = eventsOf(response);
    await events.next();
    const path = `/unified/messaging/conversations/${firstConversations[1]!.id}/messages?page_size=50`;
    const session = { cookie, csrfToken: '' };
    const before = await server.apiJson(path, { session });
    const written = await server.json('/unified/messaging/messages', {
      method: 'POST',
      body: JSON.stringify({ recipient: firstConversations[1]!.id, content: 'new upstream, after the read was kept' }),
    });
    let event = await events.next(6_000);
    while (event.event !== 'message' || event.data.data.id !== written.body.data.id) event = await events.next(6_000);
    const after = await server.apiJson(path, { session });
    expect(after.body.data[0].id).toBe(written.body.data.id);
    expect(before.body.data[0].id).not.toBe(written.body.data.id);
    await events.close();
  });
});

describe('polling the server for events (when the stream does not get through)', () => {
  it('answers what changed since the last id, and keeps it followed between polls', async () => {
    const { cookie } = await server.newSession();
    const target = firstConversations[2]!.id;
    const poll = async (last?: string) =>
      (
        await server.app.request(
          `/api/inbox/events?account=${account}&conversation=${target}&poll=1${last ? `&last_event_id=${last}` : ''}`,
          { headers: { cookie } },
        )
      ).json();
    const first = await poll();
    expect(first).toMatchObject({ events: [], reset: false, lastEventId: expect.stringMatching(/^[0-9a-z]+-\d+$/) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const written = await server.json('/unified/messaging/messages', {
      method: 'POST',
      body: JSON.stringify({ recipient: target, content: 'found by a poll' }),
    });
    let last = first.lastEventId;
    const found: string[] = [];
    for (let i = 0; i < 20 && !found.includes(written.body.data.id); i++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const answer = await poll(last);
      last = answer.lastEventId;
      found.push(
        ...answer.events
          .filter((e: { type: string }) => e.type === 'message')
          .map((e: { data: { id: string } }) => e.data.id),
      );
    }
    expect(found).toContain(written.body.data.id);
    expect((await poll('someone-else-1')).reset).toBe(true);
  });
});
