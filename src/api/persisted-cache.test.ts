// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { QueryClient } from '@tanstack/react-query';
import { createStore, keys } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { deletePersistedCaches, OWNER_KEY, restoreAndPersist } from './persisted-cache';
import { cacheOwnerOf, type Session } from './session';

const person = (name: string, email: string | null = null): Session => ({
  mode: 'sandbox',
  auth: 'password',
  csrfToken: 'token',
  person: { name, email, via: 'password' },
  access: 'all',
});
const ada = person('Ada');
const grace = person('Grace');
const page = (id: string) => ({ data: [{ id }], next: `after-${id}` });

/** A client as a person leaves it: accounts, a thread of two pages, an attachment preview, another account's list. */
function filled(session: Session) {
  const client = new QueryClient();
  client.setQueryData(['session'], session);
  client.setQueryData(['accounts', 'list'], [{ id: 'acc1' }]);
  client.setQueryData(['conversations', 'acc1', 'list'], {
    pages: [page('c1'), page('c2'), page('c3')],
    pageParams: [null, 'a', 'b'],
  });
  client.setQueryData(['messages', 'acc1', 'list', 'c1'], {
    pages: [page('m-new'), page('m-old')],
    pageParams: [null, 'x'],
  });
  client.setQueryData(['attachments', 'acc1', 'preview', 'm1', 'f1'], { bytes: 'not kept' });
  client.setQueryData(['conversations', 'not-mine', 'list'], { pages: [page('secret')], pageParams: [null] });
  return client;
}

async function restoredFor(session: Session | null) {
  const client = new QueryClient();
  await restoreAndPersist(client, session, cacheOwnerOf);
  return client;
}

/** Saves happen throttled, a second after a change: waits until the browser holds a cache. */
async function saved(client: QueryClient, session: Session) {
  await restoreAndPersist(client, session, cacheOwnerOf);
  client.setQueryData(['accounts', 'list'], [{ id: 'acc1' }]);
  for (let i = 0; i < 50; i++) {
    if ((await keys(createStore('inbox', 'query-cache'))).length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('nothing was saved');
}

beforeEach(async () => {
  await deletePersistedCaches();
  localStorage.clear();
});

describe('the kept query cache', () => {
  it('names its owner by who is signed in, and no one when no one is', () => {
    expect(cacheOwnerOf(ada)).not.toBe(cacheOwnerOf(grace));
    expect(cacheOwnerOf(person('Ada', 'ada@example.com'))).not.toBe(cacheOwnerOf(ada));
    expect(cacheOwnerOf({ ...ada, csrfToken: null, person: null })).toBeNull();
    expect(cacheOwnerOf({ ...ada, auth: 'none', person: null })).toBe('sandbox|none');
  });

  it('gives a reload the last screen: the newest page of a thread, the first pages of lists, no attachments, no other account', async () => {
    await saved(filled(ada), ada);
    const client = await restoredFor(ada);
    expect(client.getQueryData(['messages', 'acc1', 'list', 'c1'])).toEqual({
      pages: [page('m-new')],
      pageParams: [null],
    });
    expect(client.getQueryData<{ pages: unknown[] }>(['conversations', 'acc1', 'list'])?.pages).toHaveLength(2);
    expect(client.getQueryData(['attachments', 'acc1', 'preview', 'm1', 'f1'])).toBeUndefined();
    expect(client.getQueryData(['conversations', 'not-mine', 'list'])).toBeUndefined();
  });

  it('offline, restores the cache of the person this browser holds it for, session included', async () => {
    await saved(filled(ada), ada);
    const client = await restoredFor(null);
    expect(client.getQueryData(['session'])).toMatchObject({ person: { name: 'Ada' } });
  });

  it('never shows one person’s cache to another, and deletes it when another signs in', async () => {
    await saved(filled(ada), ada);
    const client = await restoredFor(grace);
    expect(client.getQueryData(['messages', 'acc1', 'list', 'c1'])).toBeUndefined();
    expect(client.getQueryData(['session'])).toEqual(grace);
    expect(localStorage.getItem(OWNER_KEY)).toBe(cacheOwnerOf(grace));
    expect((await restoredFor(ada)).getQueryData(['messages', 'acc1', 'list', 'c1'])).toBeUndefined();
  });

  it('drops what is in memory when the session turns to another person in the same tab', async () => {
    const client = filled(ada);
    await saved(client, ada);
    client.setQueryData(['session'], grace);
    expect(client.getQueryData(['messages', 'acc1', 'list', 'c1'])).toBeUndefined();
    expect(localStorage.getItem(OWNER_KEY)).toBe(cacheOwnerOf(grace));
  });

  it('is gone after sign-out, and is not written again by a tab still open', async () => {
    const client = filled(ada);
    await saved(client, ada);
    localStorage.removeItem(OWNER_KEY); // what sign-out does to the person's local state
    await deletePersistedCaches();
    client.setQueryData(['accounts', 'list'], [{ id: 'acc1' }, { id: 'acc2' }]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    localStorage.setItem(OWNER_KEY, cacheOwnerOf(ada)!);
    expect((await restoredFor(null)).getQueryData(['accounts', 'list'])).toBeUndefined();
  });
});
