import { ApiError, errorMessage } from '../../api/errors';

/** The longest name a conversation may have (the sandbox's limit; Slack's is 80 too). */
export const MAX_NAME_LENGTH = 80;

export interface Draft {
  /** As typed; trimmed when sent. */
  name: string;
  participants: readonly string[];
  private: boolean;
}

export interface DraftErrors {
  name?: string;
  people?: string;
  form?: string;
}

/**
 * What must be fixed before sending. A conversation needs a name (a channel, with or without
 * people) or at least one other person: one makes a direct message, more a group message.
 */
export function validateDraft(draft: Draft): DraftErrors {
  const errors: DraftErrors = {};
  const name = draft.name.trim();
  if (draft.name.length > 0 && name.length === 0) {
    errors.name = 'A name can’t be only spaces. Type a name, or clear it for a direct or group message.';
  } else if (name.length > MAX_NAME_LENGTH) {
    errors.name = `Names can be at most ${MAX_NAME_LENGTH} characters; this one has ${name.length}.`;
  }
  if (draft.name.length === 0 && draft.participants.length === 0) {
    errors.people = 'Add at least one person, or give the conversation a name.';
  }
  return errors;
}

/** Unnamed conversations are direct or group messages, which providers always keep private. */
export const isDirectKind = (draft: Draft): boolean => draft.name.trim().length === 0;

/** The request body: the trimmed name when there is one, the people, and whether it is private. */
export function draftBody(draft: Draft) {
  const name = draft.name.trim();
  return {
    ...(name ? { name } : {}),
    participants: [...draft.participants],
    private: name ? draft.private : true,
  };
}

/** One line on what Create will make, so a person knows before pressing it. */
export function describeDraft(draft: Draft, names: readonly string[]): string {
  const name = draft.name.trim();
  const others = names.length;
  if (name) {
    const kind = draft.private ? 'a private channel' : 'a channel';
    const people = others === 0 ? 'just you' : others === 1 ? `you and ${names[0]}` : `you and ${others} others`;
    return `Creates ${kind} named “${name}” with ${people}.`;
  }
  if (others === 1) return `Opens your direct message with ${names[0]}, starting it if there is none.`;
  if (others > 1) return `Starts a group message between you and ${others} others.`;
  return 'Give it a name for a channel, or add people for a direct or group message.';
}

/**
 * Where an answer of the API goes: a taken name beside Name, a refused person beside the picker,
 * anything else above the buttons. Ids in the message are replaced by names when known.
 */
export function placeServerError(error: unknown, nameOf: (id: string) => string | undefined): DraftErrors {
  const message = readable(errorMessage(error), nameOf);
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
    if (error.status === 409) return { name: message };
    if (error.status === 422 || error.status === 400) {
      if (/participant|inactive user|not users? of|cannot join/i.test(message)) return { people: message };
      if (/\bname\b/i.test(message)) return { name: message };
    }
    return { form: message };
  }
  return { form: `The conversation could not be created: ${sentence(message)} Try again.` };
}

const sentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

function readable(message: string, nameOf: (id: string) => string | undefined): string {
  return message.replace(/[A-Za-z0-9_-]{6,}/g, (word) => nameOf(word) ?? word);
}
