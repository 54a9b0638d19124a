import type { APIRequestContext } from '@playwright/test';

/** The Authorization header of the e2e server's sandbox (its default local key). */
export const SANDBOX_AUTH = `Basic ${Buffer.from('sandbox_local_key:').toString('base64')}`;

/** Reads seeded data straight from the sandbox, to know what the inbox should show, and writes as another person. */
export function sandboxApi(request: APIRequestContext) {
  const auth = SANDBOX_AUTH;
  async function get<T = any>(path: string, accountId?: string): Promise<T> {
    const response = await request.get(`/sandbox${path}`, {
      headers: { authorization: auth, ...(accountId ? { 'x-account-id': accountId } : {}) },
    });
    if (!response.ok()) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  }
  return {
    get,
    accounts: () =>
      get<{ id: string; provider_name: string; origin_owner_name: string; origin_username: string }[]>('/accounts'),
    conversations: (accountId: string, pageSize = 100) =>
      get(`/unified/messaging/conversations?page_size=${pageSize}`, accountId),
    messages: (accountId: string, conversationId: string, query = '') =>
      get(`/unified/messaging/conversations/${conversationId}/messages?page_size=100${query}`, accountId),
    /** A conversation's messages, newest first, page after page (100 each), until `enough` says so or they end. */
    async walkMessages<T = { id: string; created_at: string }>(
      accountId: string,
      conversationId: string,
      enough: (seen: T[]) => boolean = () => false,
    ): Promise<T[]> {
      const seen: T[] = [];
      let next: string | null = null;
      do {
        const page: { data: T[]; next: string | null } = await this.messages(
          accountId,
          conversationId,
          next ? `&next=${next}` : '',
        );
        seen.push(...page.data);
        next = page.next;
      } while (next && !enough(seen));
      return seen;
    },
    /** The conversation with the most messages among the first page of the account. */
    async biggestConversation(accountId: string) {
      const conversations = (await this.conversations(accountId)).data as { id: string; name: string | null }[];
      const general = conversations.find((c) => c.name === 'general');
      return general ?? conversations[0]!;
    },
    /** The first account and its busiest conversation (#general), where most tests read and write. */
    async generalChannel() {
      const [account] = await this.accounts();
      return { account: account!, conversation: await this.biggestConversation(account!.id) };
    },
    /**
     * Sends a message through the sandbox, from another client than the inbox: as the account's own person, or
     * with `sender` (a user id of the account) as someone else.
     */
    send: (accountId: string, recipient: string, content: string, sender?: string) =>
      request.post('/sandbox/unified/messaging/messages', {
        headers: { authorization: auth, 'x-account-id': accountId },
        data: { recipient, content, ...(sender ? { sender } : {}) },
      }),
  };
}
