import { createTestServer } from '../server/testing';

/**
 * Points the browser code's `fetch` at a real, seeded inbox server running in this process (no network,
 * no mocks): requests go through the BFF and the sandbox exactly as in the app, with a cookie jar.
 */
export function installInProcessServer(options: Parameters<typeof createTestServer>[0] = {}) {
  const server = createTestServer(options);
  const jar = new Map<string, string>();
  const original = globalThis.fetch;

  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(
      new URL(input instanceof Request ? input.url : String(input), 'http://localhost'),
      init,
    );
    const headers = new Headers(request.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
    const url = new URL(request.url);
    const response = await server.app.request(url.pathname + url.search, {
      method: request.method,
      headers,
      body,
      signal: init?.signal ?? null,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!.trim(), value.join('=').trim());
    }
    return response;
  };

  return {
    ...server,
    /** The browser's cookies; clearing it makes the server forget the session. */
    jar,
    restore() {
      globalThis.fetch = original;
      server.close();
    },
  };
}
