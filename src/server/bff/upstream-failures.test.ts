import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerConfig } from '../config';
import { createTestServer } from '../testing';
import { closedPort, type Recorded, scriptedUpstream } from './testing-bff';

// The BFF in StackOne mode against a raw node:http upstream that answers as each test scripts it.
type Script = (request: Recorded, response: ServerResponse) => void;
let script: Script = () => {};
let upstream: Awaited<ReturnType<typeof scriptedUpstream>>;
let server: ReturnType<typeof createTestServer>;
const key = 'sk_live_failures_test';
const download = '/unified/messaging/messages/m1/attachments/a1/download';

function inbox(config: Partial<ServerConfig>) {
  return createTestServer({
    seed: { messages: 0 },
    config: { stackoneApiKey: key, upstreamTimeoutMs: 200, downloadTimeoutMs: 300, ...config },
  });
}

beforeAll(async () => {
  upstream = await scriptedUpstream((request, response) => script(request, response));
  server = inbox({ stackoneBaseUrl: upstream.origin });
});
afterAll(async () => {
  server.close();
  await upstream.close();
});

describe('timeouts', () => {
  it('answers 504 when a read gets no answer in time, and drops the upstream request', async () => {
    script = () => {}; // accepts, never answers
    const started = Date.now();
    const res = await server.apiJson('/unified/messaging/conversations');
    expect(res.status).toBe(504);
    expect(res.body).toEqual({
      statusCode: 504,
      message: 'StackOne did not answer in time',
      timestamp: expect.any(String),
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    await upstream.requests.at(-1)!.closed;
  });

  it('gives downloads their own, longer timeout', async () => {
    script = (_request, response) => setTimeout(() => response.end('late but fine'), 250);
    expect((await server.api(download)).status).toBe(200);
    expect((await server.api('/unified/messaging/users')).status).toBe(504);
  });

  it('aborts a download stream that stalls after its headers', async () => {
    script = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/zip', 'content-length': '1000000' });
      response.write(Buffer.alloc(1000));
    };
    const res = await server.api(download);
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();
    await upstream.requests.at(-1)!.closed;
  });

  it('aborts the upstream request when the browser goes away', async () => {
    script = () => {};
    const browser = new AbortController();
    // A download timeout far longer than the test, so only the browser going away can end the upstream request.
    const patient = inbox({ stackoneBaseUrl: upstream.origin, downloadTimeoutMs: 60_000 });
    const seen = upstream.requests.length;
    const pending = patient.api(download, { signal: browser.signal });
    await expect.poll(() => upstream.requests.length).toBe(seen + 1);
    const closedAt = upstream.requests.at(-1)!.closed.then(() => Date.now());
    const abortedAt = Date.now();
    browser.abort();
    expect((await pending).status).toBe(499);
    expect((await closedAt) - abortedAt).toBeLessThan(5_000);
    patient.close();
  });
});

describe('upstream failures', () => {
  it('answers 502 when StackOne cannot be reached', async () => {
    const offline = inbox({ stackoneBaseUrl: `http://127.0.0.1:${await closedPort()}` });
    const res = await offline.apiJson('/unified/messaging/conversations');
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ statusCode: 502, message: 'Could not reach StackOne' });
    offline.close();
  });

  it('wraps a non-JSON error body into StackOne’s shape with the upstream status', async () => {
    script = (_request, response) => {
      response.writeHead(503, { 'content-type': 'text/html' });
      response.end('<html><body>Service Unavailable</body></html>');
    };
    const res = await server.apiJson('/unified/messaging/users');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toEqual({ statusCode: 503, message: expect.any(String), timestamp: expect.any(String) });
  });

  it('passes 408 and 429 through with Retry-After', async () => {
    for (const status of [408, 429]) {
      script = (_request, response) => {
        response.writeHead(status, { 'content-type': 'application/json', 'retry-after': '7' });
        response.end(JSON.stringify({ statusCode: status, message: 'slow down', timestamp: new Date().toISOString() }));
      };
      const res = await server.apiJson('/unified/messaging/users');
      expect(res.status).toBe(status);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(res.body).toMatchObject({ statusCode: status, message: 'slow down' });
    }
  });

  it('turns an upstream 401 (the server key is wrong) into a 502, not a session error', async () => {
    script = (_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Basic' });
      response.end(JSON.stringify({ statusCode: 401, message: 'Unauthorized', timestamp: new Date().toISOString() }));
    };
    const res = await server.api('/unified/messaging/users');
    expect(res.status).toBe(502);
    expect(res.headers.get('www-authenticate')).toBeNull();
  });
});

describe('what reaches the upstream and what comes back', () => {
  it('sends only safe headers, the server key, the path and the query string unchanged', async () => {
    script = (_request, response) => {
      response.writeHead(201, {
        'content-type': 'application/json',
        'set-cookie': 'tracker=1',
        server: 'upstream/1.0',
      });
      response.end('{"statusCode":201}');
    };
    const res = await server.api('/unified/messaging/messages?x=1&proxy[a]=b%20c', {
      method: 'POST',
      body: '{"recipient":"r","content":"c"}',
      headers: {
        authorization: 'Bearer browser',
        'idempotency-key': 'k1',
        'x-forwarded-for': '10.0.0.1',
        accept: 'application/json',
      },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('server')).toBeNull();
    const seen = upstream.requests.at(-1)!;
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/unified/messaging/messages?x=1&proxy[a]=b%20c');
    expect(seen.body).toBe('{"recipient":"r","content":"c"}');
    expect(seen.headers.authorization).toBe(`Basic ${Buffer.from(`${key}:`).toString('base64')}`);
    expect(seen.headers['x-account-id']).toBe(server.accounts[0]?.id);
    expect(seen.headers['idempotency-key']).toBe('k1');
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.headers.accept).toBe('application/json');
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers['x-csrf-token']).toBeUndefined();
    expect(seen.headers['x-forwarded-for']).toBeUndefined();
  });

  it('forces downloads to be attachments with a sandboxing CSP and private caching', async () => {
    script = (_request, response) => {
      response.writeHead(200, {
        'content-type': 'text/html',
        'content-disposition': 'inline; filename="page.html"',
        'cache-control': 'public, max-age=3600',
        etag: '"v1"',
      });
      response.end('<script>alert(1)</script>');
    };
    const res = await server.api(download);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="page.html"; filename*=UTF-8''page.html`);
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('private');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('etag')).toBe('"v1"');
    expect(upstream.requests.at(-1)!.headers['accept-encoding']).toBe('identity');
    expect(await res.text()).toBe('<script>alert(1)</script>');
  });
});
