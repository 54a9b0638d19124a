import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestServer } from '../../testing';

// The fault switch over real HTTP, as the browser tests and load tests drive it.
const server = createTestServer({ seed: { messages: 0 } });
let http: ServerType;
let origin: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => {
    http = serve({ fetch: server.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
  });
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => http.close(resolve));
  server.close();
});

const headers = { authorization: server.auth, 'x-account-id': server.accounts[0]!.id };
const setFaults = (rules: unknown) =>
  fetch(`${origin}/sandbox/_faults`, { method: 'PUT', body: JSON.stringify(rules) });

describe('faults over HTTP', () => {
  it('lets a loopback client set the rules', async () => {
    const res = await setFaults([{ operation: 'list_users', kind: 'drop', count: 1 }]);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { rules: unknown[] }).rules).toHaveLength(1);
  });

  it('drops the connection with no answer at all, quietly, then serves the next request', async () => {
    const errors = vi.spyOn(console, 'error');
    await setFaults([{ operation: 'list_users', kind: 'drop', count: 1 }]);
    const dropped = fetch(`${origin}/sandbox/unified/messaging/users`, { headers });
    await expect(dropped).rejects.toThrow(TypeError);
    const next = await fetch(`${origin}/sandbox/unified/messaging/users`, { headers });
    expect(next.status).toBe(200);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('reaches the browser through the BFF as 502, the answer to an unreachable upstream', async () => {
    await setFaults([{ operation: 'send_message', kind: 'drop', count: 1 }]);
    const session = await fetch(`${origin}/api/inbox/session`);
    const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const res = await fetch(`${origin}/api/unified/messaging/messages`, {
      method: 'POST',
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        'x-account-id': server.accounts[0]!.id,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ recipient: 'anyone@example.com', content: 'dropped' }),
    });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ statusCode: 502, message: 'Could not reach StackOne' });
  });
});
