import { afterAll, describe, expect, it } from 'vitest';
import { createUpstream } from '../bff/upstream';
import { readConfig } from '../config';
import { createTestServer, TEST_KEY } from '../testing';
import { createEventHub } from './event-hub';
import { createRateBudget } from './rate-budget';
import { createSyncEngine } from './sync-engine';

// The sync through a flaky upstream: the sandbox's fault switch on the reads the sync makes.
const server = createTestServer({ seed: { messages: 400 } });
afterAll(() => server.close());
const account = server.accounts[0]!.id;

describe('the sync through upstream faults', () => {
  it('at 20 % mixed faults it loses and repeats no message, stays in its budget, and catches up when they stop', async () => {
    const conversation = (
      (await server.json('/unified/messaging/conversations?page_size=1')).body.data as { id: string }[]
    )[0]!.id;
    const statuses: number[] = [];
    const perMinute = 1_000;
    const budget = createRateBudget(perMinute);
    const config = { ...readConfig({ LOG_LEVEL: 'silent' }), sandboxApiKey: TEST_KEY };
    const upstream = createUpstream(
      config,
      async (request) => {
        try {
          const response = await server.app.request(request.url.replace('http://sandbox.internal', ''), {
            headers: request.headers,
            signal: request.signal,
          });
          statuses.push(response.status);
          return response;
        } catch (error) {
          statuses.push(0); // dropped, or cut off by the timeout
          throw error;
        }
      },
      budget,
    );
    const hub = createEventHub();
    const counts = new Map<string, number>();
    hub.subscribe((event) => {
      if (event.type !== 'message') return;
      const id = (event.data as { id: string }).id;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    });
    const engine = createSyncEngine({
      upstream,
      hub,
      budget,
      intervals: { conversationMs: 100, listMs: 250 },
      timeoutMs: 500,
    });
    const stop = engine.watch(account, conversation);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const reads = ['list_conversation_messages', 'list_conversations'] as const;
    await server.setFaults(
      reads.flatMap((operation) => [
        { operation, kind: '429' as const, rate: 0.04, retryAfter: 1 },
        { operation, kind: '408' as const, rate: 0.04 },
        { operation, kind: '500' as const, rate: 0.04 },
        { operation, kind: '502' as const, rate: 0.03 },
        { operation, kind: 'drop' as const, rate: 0.03 },
        { operation, kind: 'delay' as const, rate: 0.02, delayMs: 1_000 },
      ]),
      7,
    );
    const written: string[] = [];
    for (let i = 0; i < 30; i++) {
      const sent = await server.json('/unified/messaging/messages', {
        method: 'POST',
        body: JSON.stringify({ recipient: conversation, content: `through the storm ${i}` }),
      });
      expect(sent.status).toBe(201);
      written.push(sent.body.data.id);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await server.setFaults([]);
    await expect.poll(() => written.every((id) => counts.has(id)), { timeout: 15_000, interval: 100 }).toBe(true);
    stop();
    engine.close();

    // The storm was real: many reads failed, and the sync never spent more than its share of the budget.
    console.log(`sync reads: ${statuses.length}, failed: ${statuses.filter((status) => status !== 200).length}`);
    expect(statuses.filter((status) => status !== 200).length).toBeGreaterThanOrEqual(2);
    expect(statuses.length).toBeLessThanOrEqual(perMinute * 0.75);
    expect(written.map((id) => counts.get(id))).toEqual(written.map(() => 1));
  }, 40_000);
});
