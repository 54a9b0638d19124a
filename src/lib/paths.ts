/** The app's URLs, in one place: everything shareable lives in the path or the query. */
const enc = encodeURIComponent;

export const paths = {
  home: () => '/',
  account: (accountId: string) => `/a/${enc(accountId)}`,
  conversation: (accountId: string, conversationId: string) => `/a/${enc(accountId)}/c/${enc(conversationId)}`,
  details: (accountId: string, conversationId: string) => `/a/${enc(accountId)}/c/${enc(conversationId)}?panel=details`,
  replies: (accountId: string, conversationId: string, messageId: string) =>
    `/a/${enc(accountId)}/c/${enc(conversationId)}?thread=${enc(messageId)}`,
  message: (accountId: string, conversationId: string, messageId: string) =>
    `/a/${enc(accountId)}/c/${enc(conversationId)}/m/${enc(messageId)}`,
  users: (accountId: string) => `/a/${enc(accountId)}/users`,
  user: (accountId: string, userId: string) => `/a/${enc(accountId)}/users/${enc(userId)}`,
};
