import type { APIRequestContext } from '@playwright/test';

/** Reads seeded data straight from the sandbox, to know what the inbox should show. */
export function sandboxApi(request: APIRequestContext) {
  const auth = `Basic ${Buffer.from('sandbox_local_key:').toString('base64')}`;
  async function get<T = any>(path: string, accountId?: string): Promise<T> {
    const response = await request.get(`/sandbox${path}`, {
      headers: { authorization: auth, ...(accountId ? { 'x-account-id': accountId } : {}) },
    });
    if (!response.ok()) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  }
  return {
    get,
    accounts: () => get<{ id: string; provider_name: string; origin_owner_name: string }[]>('/accounts'),
    conversations: (accountId: string, pageSize = 100) =>
      get(`/unified/messaging/conversations?page_size=${pageSize}`, accountId),
    messages: (accountId: string, conversationId: string, query = '') =>
      get(`/unified/messaging/conversations/${conversationId}/messages?page_size=100${query}`, accountId),
    /** The conversation with the most messages among the first page of the account. */
    async biggestConversation(accountId: string) {
      const conversations = (await this.conversations(accountId)).data as { id: string; name: string | null }[];
      const general = conversations.find((c) => c.name === 'general');
      return general ?? conversations[0]!;
    },
  };
}
