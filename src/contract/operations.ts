/** The 11 operations of StackOne's unified Messaging API, plus the linked-accounts list. */

export type OperationKind = 'list' | 'get' | 'create' | 'download' | 'accounts';

export interface Operation {
  id: string;
  method: 'GET' | 'POST';
  /** Path with `{id}` / `{subResourceId}` placeholders, as StackOne writes it. */
  path: string;
  kind: OperationKind;
  summary: string;
  tag: 'Conversations' | 'Messages' | 'Attachments' | 'Users' | 'Accounts';
}

const base = '/unified/messaging';

export const operations: readonly Operation[] = [
  {
    id: 'messaging_list_conversations',
    method: 'GET',
    path: `${base}/conversations`,
    kind: 'list',
    summary: 'List Conversations',
    tag: 'Conversations',
  },
  {
    id: 'messaging_create_conversation',
    method: 'POST',
    path: `${base}/conversations`,
    kind: 'create',
    summary: 'Create Conversation',
    tag: 'Conversations',
  },
  {
    id: 'messaging_get_conversation',
    method: 'GET',
    path: `${base}/conversations/{id}`,
    kind: 'get',
    summary: 'Get Conversation',
    tag: 'Conversations',
  },
  {
    id: 'messaging_list_conversation_messages',
    method: 'GET',
    path: `${base}/conversations/{id}/messages`,
    kind: 'list',
    summary: 'List Conversation Messages',
    tag: 'Messages',
  },
  {
    id: 'messaging_get_message',
    method: 'GET',
    path: `${base}/messages/{id}`,
    kind: 'get',
    summary: 'Get Message',
    tag: 'Messages',
  },
  {
    id: 'messaging_send_message',
    method: 'POST',
    path: `${base}/messages`,
    kind: 'create',
    summary: 'Send Message',
    tag: 'Messages',
  },
  {
    id: 'messaging_list_attachments',
    method: 'GET',
    path: `${base}/messages/{id}/attachments`,
    kind: 'list',
    summary: 'List Attachments',
    tag: 'Attachments',
  },
  {
    id: 'messaging_get_attachment',
    method: 'GET',
    path: `${base}/messages/{id}/attachments/{subResourceId}`,
    kind: 'get',
    summary: 'Get Attachment',
    tag: 'Attachments',
  },
  {
    id: 'messaging_download_messaging_attachment',
    method: 'GET',
    path: `${base}/messages/{id}/attachments/{subResourceId}/download`,
    kind: 'download',
    summary: 'Download Attachment',
    tag: 'Attachments',
  },
  {
    id: 'messaging_list_users',
    method: 'GET',
    path: `${base}/users`,
    kind: 'list',
    summary: 'List Users',
    tag: 'Users',
  },
  {
    id: 'messaging_get_user',
    method: 'GET',
    path: `${base}/users/{id}`,
    kind: 'get',
    summary: 'Get User',
    tag: 'Users',
  },
  {
    id: 'stackone_list_linked_accounts',
    method: 'GET',
    path: '/accounts',
    kind: 'accounts',
    summary: 'List Linked Accounts',
    tag: 'Accounts',
  },
];

const patterns = operations.map((operation) => ({
  operation,
  regex: new RegExp(`^${operation.path.replace(/\{(id|subResourceId)\}/g, '([^/]+)')}/?$`),
}));

/** Finds the operation a method and path name, or null. Path parameters come back decoded. */
export function matchOperation(method: string, path: string): { operation: Operation; params: string[] } | null {
  for (const { operation, regex } of patterns) {
    if (operation.method !== method) continue;
    const match = regex.exec(path);
    if (!match) continue;
    try {
      return { operation, params: match.slice(1).map((part) => decodeURIComponent(part)) };
    } catch {
      return null;
    }
  }
  return null;
}
