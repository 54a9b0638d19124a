import { describe, expect, it } from 'vitest';
import { someAttachment } from '../bff/testing-bff';
import { captureLog as capture, createTestServer, TEST_KEY } from '../testing';

describe('the request log', () => {
  it('writes one structured line a request, sends, refusals, and never a body, cookie, token or key', async () => {
    const log = capture();
    const server = createTestServer({ seed: { messages: 600 }, logger: log.logger });
    const session = await server.newSession();
    const file = someAttachment(server);
    const secretText = 'a message body nobody may log';
    const sent = await server.api('/unified/messaging/messages', {
      method: 'POST',
      body: JSON.stringify({ recipient: file.conversation, content: secretText }),
      session,
    });
    expect(sent.status).toBe(201);
    const requestId = sent.headers.get('x-request-id');
    await server.api(`/unified/messaging/conversations/${file.conversation}/messages?filter[search]=private`, {
      session,
    });
    await server.api('/unified/messaging/conversations', { session, account: 'not-an-account' });
    await server.app.request('/healthz', { headers: { host: 'rebind.attacker.example' } });
    await server.sandbox('/unified/messaging/users?page_size=1');
    await new Promise((resolve) => setImmediate(resolve));

    const lines = log.lines();
    const send = lines.find((line) => line.event === 'send');
    expect(send).toMatchObject({
      level: 30,
      reqId: requestId,
      method: 'POST',
      path: '/api/unified/messaging/messages',
      status: 201,
      account: server.accounts[0]!.id,
      ms: expect.any(Number),
    });
    expect(lines.find((line) => line.status === 421)).toMatchObject({ event: 'refused', level: 40 });
    expect(lines.some((line) => line.path.endsWith('/messages') && line.method === 'GET')).toBe(true);
    const text = log.raw.join('\n');
    for (const secret of [
      secretText,
      'private',
      session.cookie.split('=')[1]!,
      session.csrfToken,
      TEST_KEY,
      Buffer.from(`${TEST_KEY}:`).toString('base64'),
    ]) {
      expect(text.includes(secret), secret).toBe(false);
    }
    server.close();
  });
});
