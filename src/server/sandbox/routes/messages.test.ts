import { afterAll, describe, expect, it } from 'vitest';
import { CreateResultSchema, paginated, result } from '../../../contract/envelopes';
import { MessageSchema } from '../../../contract/models';
import { createTestServer } from '../../testing';

const server = createTestServer();
afterAll(() => server.close());
const Page = paginated(MessageSchema);
const account = server.accounts[0]!;

function biggestConversation() {
  return server.db
    .prepare(
      'SELECT c.id, count(*) AS n FROM messages m JOIN conversations c ON c.pk = m.conversation_pk WHERE c.account_id = ? GROUP BY c.pk ORDER BY n DESC LIMIT 1',
    )
    .get(account.id) as { id: string; n: number };
}

const send = (body: unknown, headers: Record<string, string> = {}) =>
  server.json('/unified/messaging/messages', { method: 'POST', body: JSON.stringify(body), headers });

describe('list conversation messages', () => {
  it('returns the newest first, with authors and content', async () => {
    const { id } = biggestConversation();
    const res = await server.json(`/unified/messaging/conversations/${id}/messages`);
    const page = Page.parse(res.body);
    expect(page.data).toHaveLength(25);
    const times = page.data!.map((m) => Date.parse(m.created_at!));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(page.data![0]!.author?.name).toBeTruthy();
    expect(page.data![0]!.content?.plain).toBeTruthy();
  });

  it('walks every message exactly once while new ones are sent', async () => {
    const { id, n } = biggestConversation();
    const seen: string[] = [];
    let next: string | null | undefined = null;
    let sent = 0;
    do {
      const res = await server.json(
        `/unified/messaging/conversations/${id}/messages?page_size=100${next ? `&next=${next}` : ''}`,
      );
      const page = Page.parse(res.body);
      seen.push(...page.data!.map((m) => m.id!));
      next = page.next;
      if (sent < 5) {
        await send({ recipient: id, content: `arrived mid-walk ${sent}` });
        sent += 1;
      }
    } while (next);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(n);
  });

  it('filters by updated_after for polling', async () => {
    const { id } = biggestConversation();
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    await pause();
    const since = new Date().toISOString();
    await pause();
    await send({ recipient: id, content: 'poll me' });
    const res = await server.json(`/unified/messaging/conversations/${id}/messages?filter[updated_after]=${since}`);
    expect(res.body.data.map((m: { content: { plain: string } }) => m.content.plain)).toEqual(['poll me']);
    expect(res.body.next).toBeNull();
  });
});

describe('send message', () => {
  it('posts into a conversation, answers 201, and get_message returns it with author and html', async () => {
    const { id } = biggestConversation();
    const res = await send({ recipient: id, content: 'Ship it <now> & see https://example.com/x' });
    expect(res.status).toBe(201);
    const created = CreateResultSchema.parse(res.body);
    const got = await server.json(`/unified/messaging/messages/${created.data.id}`);
    const message = result(MessageSchema).parse(got.body).data!;
    expect(message.content?.plain).toBe('Ship it <now> & see https://example.com/x');
    expect(message.content?.html).toBe(
      '<p>Ship it &lt;now&gt; &amp; see <a href="https://example.com/x">https://example.com/x</a></p>',
    );
    expect(message.author?.id).toBe(account.owner_user_id);
    const conversation = await server.json(`/unified/messaging/conversations/${id}`);
    expect(conversation.body.data.last_message_at).toBe(message.created_at);
    const top = await server.json('/unified/messaging/conversations?page_size=1');
    expect(top.body.data[0].id).toBe(id);
  });

  it('stores the Markdown as HTML and marks a member mentioned by name, keeping the plain text as typed', async () => {
    const { id } = biggestConversation();
    const conversation = server.store.conversations.get(account.id, id)!;
    const member = server.store.users.get(account.id, (JSON.parse(conversation.participants) as string[])[0]!)!;
    const typed = `**Ship** it, @${member.name}: \`npm start\` <b>now</b>`;
    const res = await send({ recipient: id, content: typed });
    const got = await server.json(`/unified/messaging/messages/${res.body.data.id}`);
    const message = result(MessageSchema).parse(got.body).data!;
    expect(message.content?.plain).toBe(typed);
    expect(message.content?.html).toBe(
      `<p><strong>Ship</strong> it, <span class="mention">@${member.name}</span>: <code>npm start</code> &lt;b&gt;now&lt;/b&gt;</p>`,
    );
  });

  it('sends to a user id or email through one direct conversation', async () => {
    const users = server.store.users
      .list(account.id, 100, null, null)
      .filter((u) => u.active && u.id !== account.owner_user_id);
    const target = users[7]!;
    const a = await send({ recipient: target.id, content: 'hi by id' });
    const b = await send({ recipient: target.email!.toUpperCase(), content: 'hi by email' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    const direct = server.store.conversations.findDirect(account.id, [account.owner_user_id!, target.id])!;
    const messages = await server.json(`/unified/messaging/conversations/${direct.id}/messages?page_size=2`);
    expect(messages.body.data.map((m: { id: string }) => m.id)).toEqual([b.body.data.id, a.body.data.id]);
  });

  it('rejects empty content and unknown recipients with 422, bad JSON with 400, big bodies with 413', async () => {
    const { id } = biggestConversation();
    expect((await send({ recipient: id, content: '   ' })).status).toBe(422);
    const unknown = await send({ recipient: 'nobody@nowhere.test', content: 'x' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.message).toContain('nobody@nowhere.test');
    expect((await send({ recipient: id, content: 42 })).status).toBe(400);
    const malformed = await server.json('/unified/messaging/messages', { method: 'POST', body: '{' });
    expect(malformed.status).toBe(400);
    const big = await send({ recipient: id, content: 'x'.repeat(1_100_000) });
    expect(big.status).toBe(413);
    expect(big.body.statusCode).toBe(413);
  });

  it('replays an Idempotency-Key: the same answer and one message', async () => {
    const { id } = biggestConversation();
    const headers = { 'idempotency-key': 'send-abc' };
    const first = await send({ recipient: id, content: 'exactly once' }, headers);
    const again = await send({ recipient: id, content: 'exactly once' }, headers);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const count = server.db
      .prepare("SELECT count(*) AS n FROM messages WHERE content_plain = 'exactly once'")
      .get() as { n: number };
    expect(count.n).toBe(1);
  });
});

describe('get message', () => {
  it('answers 404 for an unknown id', async () => {
    const res = await server.json('/unified/messaging/messages/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.body.statusCode).toBe(404);
  });

  it('honours fields', async () => {
    const { id } = biggestConversation();
    const list = await server.json(`/unified/messaging/conversations/${id}/messages?page_size=1&fields=id,content`);
    expect(Object.keys(list.body.data[0]).sort()).toEqual(['content', 'id']);
  });
});
