import { readLocal, removeLocal, writeLocal } from '../../lib/local-store';
import type { Recipient } from './recipients';

/** What compose held when it was closed without sending: kept per account on this device, like a conversation's draft. */
export interface ComposeDraft {
  recipient: Recipient | null;
  text: string;
}

const key = (accountId: string) => `inbox:compose-draft:${accountId}`;
const EMPTY: ComposeDraft = { recipient: null, text: '' };

function isRecipient(value: unknown): value is Recipient {
  const r = value as Recipient | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    (r.kind === 'conversation' || r.kind === 'user') &&
    typeof r.id === 'string' &&
    typeof r.label === 'string' &&
    typeof r.detail === 'string'
  );
}

export function readComposeDraft(accountId: string): ComposeDraft {
  const stored = readLocal<Partial<ComposeDraft> | null>(key(accountId), null);
  if (!stored || typeof stored !== 'object') return EMPTY;
  return {
    recipient: isRecipient(stored.recipient) ? stored.recipient : null,
    text: typeof stored.text === 'string' ? stored.text : '',
  };
}

export function writeComposeDraft(accountId: string, draft: ComposeDraft): void {
  if (draft.text.trim() === '' && draft.recipient === null) removeLocal(key(accountId));
  else writeLocal(key(accountId), draft);
}

/** The draft compose opens with: all of it, or (when opened for someone) its text only if it was for them. */
export function startingDraft(accountId: string, initialRecipient: Recipient | null): ComposeDraft {
  const draft = readComposeDraft(accountId);
  if (initialRecipient === null) return draft;
  return { recipient: initialRecipient, text: draft.recipient?.id === initialRecipient.id ? draft.text : '' };
}
