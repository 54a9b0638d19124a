import { serve, type ServerType } from '@hono/node-server';
import { StackOne } from '@stackone/stackone-client-ts';
import * as errors from '@stackone/stackone-client-ts/sdk/models/errors';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, TEST_KEY } from '../testing';

// The official StackOne SDK, pointed at a running sandbox, must call every operation and parse every answer.
const server = createTestServer({ seed: { messages: 1_500 } });
let http: ServerType;
let sdk: StackOne;
let account: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => {
    http = serve({ fetch: server.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const serverURL = `http://127.0.0.1:${port}/sandbox`;
  sdk = new StackOne({ serverURL, security: { username: TEST_KEY, password: '' }, retryConfig: { strategy: 'none' } });
  account = server.accounts[0]!.id;
});

afterAll(async () => {
  await new Promise((resolve) => http.close(resolve));
  server.close();
});

describe('the official StackOne SDK against the sandbox', () => {
  it('lists linked accounts', async () => {
    const result = await sdk.accounts.listLinkedAccounts({});
    expect(result.classes?.length).toBe(server.accounts.length);
  });

  it('filters linked accounts by tenant, id and status as the SDK sends the filters', async () => {
    const [first, second] = server.accounts;
    const byOwner = await sdk.accounts.listLinkedAccounts({ originOwnerId: first!.origin_owner_id });
    expect(byOwner.classes?.map((a) => a.id)).toEqual([first!.id]);
    const byOwners = await sdk.accounts.listLinkedAccounts({
      originOwnerIds: [first!.origin_owner_id, second!.origin_owner_id],
    });
    expect(byOwners.classes?.map((a) => a.id)).toEqual([first!.id, second!.id]);
    const byIds = await sdk.accounts.listLinkedAccounts({ accountIds: [second!.id], status: ['active'] });
    expect(byIds.classes?.map((a) => a.id)).toEqual([second!.id]);
  });

  it('pages through conversations, users and messages to the end', async () => {
    const conversations: string[] = [];
    for await (const page of await sdk.messaging.listConversations({ xAccountId: account, pageSize: '10' })) {
      conversations.push(...(page.messagingConversationsPaginated?.data ?? []).map((c) => c.id!));
    }
    expect(conversations.length).toBeGreaterThan(10);
    expect(new Set(conversations).size).toBe(conversations.length);

    const users: string[] = [];
    for await (const page of await sdk.messaging.listUsers({ xAccountId: account, pageSize: '20' })) {
      users.push(...(page.messagingUsersPaginated?.data ?? []).map((u) => u.id!));
    }
    expect(users.length).toBeGreaterThan(20);

    let messages = 0;
    for await (const page of await sdk.messaging.listConversationMessages({
      xAccountId: account,
      id: conversations[0]!,
      pageSize: '100',
      filter: { updatedAfter: new Date('2000-01-01T00:00:00Z') },
    })) {
      messages += page.messagingMessagesPaginated?.data?.length ?? 0;
    }
    expect(messages).toBeGreaterThan(0);
  });

  it('gets a conversation, a message, a user, attachments and downloads a file', async () => {
    const row = server.db
      .prepare(
        `SELECT m.id AS message, a.id AS attachment, c.id AS conversation, u.id AS user, b.size AS size
         FROM attachments a JOIN messages m ON m.seq = a.message_seq JOIN conversations c ON c.pk = m.conversation_pk
         JOIN users u ON u.pk = m.author_pk JOIN blobs b ON b.pk = a.blob_pk WHERE a.account_id = ? LIMIT 1`,
      )
      .get(account) as { message: string; attachment: string; conversation: string; user: string; size: number };

    const conversation = await sdk.messaging.getConversation({ xAccountId: account, id: row.conversation });
    expect(conversation.messagingConversationResult?.data?.id).toBe(row.conversation);
    const message = await sdk.messaging.getMessage({ xAccountId: account, id: row.message, raw: true });
    expect(message.messagingMessageResult?.data?.attachments?.length).toBeGreaterThan(0);
    expect(message.messagingMessageResult?.raw?.length).toBe(1);
    const user = await sdk.messaging.getUser({ xAccountId: account, id: row.user, fields: 'id,name' });
    expect(user.messagingUserResult?.data?.id).toBe(row.user);

    let attachments = 0;
    for await (const page of await sdk.messaging.listAttachments({ xAccountId: account, id: row.message })) {
      attachments += page.messagingAttachmentsPaginated?.data?.length ?? 0;
    }
    expect(attachments).toBeGreaterThan(0);
    const attachment = await sdk.messaging.getAttachment({
      xAccountId: account,
      id: row.message,
      subResourceId: row.attachment,
    });
    expect(attachment.messagingAttachmentResult?.data?.fileSize).toBe(row.size);

    const download = await sdk.messaging.downloadMessagingAttachment({
      xAccountId: account,
      id: row.message,
      subResourceId: row.attachment,
    });
    expect(download.statusCode).toBe(200);
    const body =
      download.body instanceof Uint8Array ? download.body : new Uint8Array(await download.rawResponse.arrayBuffer());
    expect(body.byteLength).toBe(row.size);
  });

  it('creates a conversation and sends a message into it', async () => {
    const users = server.store.users.list(account, 50, null, null).filter((u) => u.active && !u.bot);
    const created = await sdk.messaging.createConversation({
      xAccountId: account,
      messagingCreateConversationRequestDto: {
        name: 'sdk-room',
        participants: [users[2]!.id, users[3]!.id],
        private: true,
      },
    });
    expect(created.createResult?.statusCode).toBe(201);
    const id = created.createResult!.data.id!;
    const sent = await sdk.messaging.sendMessage({
      xAccountId: account,
      messagingMessageSendRequestDto: { recipient: id, content: 'Hello from the SDK' },
    });
    expect(sent.createResult?.data.id).toBeTruthy();
    const got = await sdk.messaging.getMessage({ xAccountId: account, id: sent.createResult!.data.id! });
    expect(got.messagingMessageResult?.data?.content?.plain).toBe('Hello from the SDK');
  });

  it('raises the SDK’s typed errors for 401, 404 and 422', async () => {
    const bad = new StackOne({ serverURL: sdk._baseURL!.toString(), security: { username: 'wrong', password: '' } });
    await expect(bad.messaging.getUser({ xAccountId: account, id: 'x' })).rejects.toBeInstanceOf(
      errors.UnauthorizedResponse,
    );
    await expect(sdk.messaging.getUser({ xAccountId: account, id: 'missing' })).rejects.toBeInstanceOf(
      errors.NotFoundResponse,
    );
    await expect(
      sdk.messaging.sendMessage({
        xAccountId: account,
        messagingMessageSendRequestDto: { recipient: 'nobody', content: 'x' },
      }),
    ).rejects.toBeInstanceOf(errors.UnprocessableEntityResponse);
  });
});
