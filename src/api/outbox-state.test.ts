import { describe, expect, it } from 'vitest';
import { due, MAX_AUTOMATIC_ATTEMPTS, newEntry, type OutboxEntry, reduce } from './outbox-state';

const at = new Date('2026-03-03T10:00:00Z');
const entry = (key: string, conversationId = 'c1') =>
  newEntry({ key, accountId: 'a1', conversationId, recipient: conversationId, content: key }, at);
const fail = (entries: OutboxEntry[], key: string, status: number, retryAfter: number | null = null, now = 1_000) =>
  reduce(entries, { type: 'failed', key, status, message: `failed ${status}`, retryAfter, now }, () => 0.5);

describe('the outbox state machine', () => {
  it('goes queued → sending → sent → confirmed (gone), keeping its key for every attempt', () => {
    let entries = [entry('k1')];
    entries = reduce(entries, { type: 'attempt', key: 'k1' });
    expect(entries[0]).toMatchObject({ status: 'sending', attempts: 1, key: 'k1' });
    entries = reduce(entries, { type: 'sent', key: 'k1', id: 'm9' });
    expect(entries[0]).toMatchObject({ status: 'sent', sentId: 'm9' });
    expect(reduce(entries, { type: 'confirmed', key: 'k1' })).toEqual([]);
  });

  it('retries transient failures automatically with backoff, honouring Retry-After, then fails', () => {
    let entries = reduce([entry('k1')], { type: 'attempt', key: 'k1' });
    entries = fail(entries, 'k1', 429, 7, 1_000);
    expect(entries[0]).toMatchObject({ status: 'queued', retryAt: 8_000, error: { status: 429 } });
    expect(due(entries, 5_000)).toEqual([]);
    expect(due(entries, 8_000).map((e) => e.key)).toEqual(['k1']);
    for (let i = 1; i < MAX_AUTOMATIC_ATTEMPTS; i++) {
      entries = reduce(entries, { type: 'attempt', key: 'k1' });
      entries = fail(entries, 'k1', 503);
    }
    expect(entries[0]).toMatchObject({ status: 'failed', attempts: MAX_AUTOMATIC_ATTEMPTS, key: 'k1' });
  });

  it('fails at once on other 4xx with the server’s message', () => {
    let entries = reduce([entry('k1')], { type: 'attempt', key: 'k1' });
    entries = fail(entries, 'k1', 422);
    expect(entries[0]).toMatchObject({ status: 'failed', error: { status: 422, message: 'failed 422' } });
  });

  it('retry puts a failed message back in the queue; discard removes it', () => {
    let entries = fail(reduce([entry('k1')], { type: 'attempt', key: 'k1' }), 'k1', 400);
    entries = reduce(entries, { type: 'retry', key: 'k1' });
    expect(entries[0]).toMatchObject({ status: 'queued', attempts: 0, key: 'k1' });
    expect(reduce(entries, { type: 'discard', key: 'k1' })).toEqual([]);
  });

  it('never discards a message that is on its way or already sent', () => {
    const sending = reduce([entry('k1')], { type: 'attempt', key: 'k1' });
    expect(reduce(sending, { type: 'discard', key: 'k1' })).toHaveLength(1);
  });

  it('keeps each conversation in order: a later message waits for an earlier unsent one', () => {
    let entries = [entry('k1'), entry('k2'), entry('k3', 'c2')];
    expect(due(entries, 0).map((e) => e.key)).toEqual(['k1', 'k3']);
    entries = fail(reduce(entries, { type: 'attempt', key: 'k1' }), 'k1', 400);
    expect(due(entries, 0).map((e) => e.key)).toEqual(['k3']);
    entries = reduce(entries, { type: 'discard', key: 'k1' });
    expect(due(entries, 0).map((e) => e.key)).toEqual(['k2', 'k3']);
  });

  it('resumes after a reload: a send that was cut off goes again, with the same key', () => {
    const entries = reduce([entry('k1')], { type: 'attempt', key: 'k1' });
    const resumed = reduce(JSON.parse(JSON.stringify(entries)) as OutboxEntry[], { type: 'resume' });
    expect(resumed[0]).toMatchObject({ status: 'queued', key: 'k1', attempts: 1 });
    expect(due(resumed, 0).map((e) => e.key)).toEqual(['k1']);
  });
});

describe('when the server comes back', () => {
  it('sends again at once what failed while it was away, and leaves what it refused', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    const away = {
      ...newEntry({ key: 'a', accountId: 'x', conversationId: 'c', recipient: 'c', content: 'hi' }, now),
      status: 'failed' as const,
      attempts: 4,
      error: { status: 0, message: 'Network error' },
    };
    const waiting = {
      ...newEntry({ key: 'b', accountId: 'x', conversationId: 'd', recipient: 'd', content: 'yo' }, now),
      attempts: 2,
      retryAt: now.getTime() + 20_000,
    };
    const refused = {
      ...newEntry({ key: 'c', accountId: 'x', conversationId: 'e', recipient: 'e', content: 'no' }, now),
      status: 'failed' as const,
      error: { status: 422, message: 'Unknown recipient' },
    };
    const next = reduce([away, waiting, refused], { type: 'reconnected' });
    expect(next.map((e) => [e.key, e.status, e.attempts, e.retryAt])).toEqual([
      ['a', 'queued', 0, 0],
      ['b', 'queued', 2, 0],
      ['c', 'failed', 0, 0],
    ]);
  });

  it('puts a send cut off by the connection going away back to waiting, the attempt not counted', () => {
    const entries = reduce(reduce([entry('k1')], { type: 'attempt', key: 'k1' }), { type: 'held', key: 'k1' });
    expect(entries[0]).toMatchObject({ status: 'queued', attempts: 0, retryAt: 0, error: null });
    expect(due(entries, 0).map((e) => e.key)).toEqual(['k1']);
  });
});
