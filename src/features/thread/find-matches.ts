import { foldText } from '../../contract/text-match';
import type { Message } from '../../contract/models';
import { messageText } from '../../lib/message-text';

/** Text folded for finding (lower case, no accents, every space one space), with where each folded character came from. */
export interface FoldedText {
  folded: string;
  /** For each folded character, the start of its character in the original text, and the end. */
  from: number[];
  to: number[];
}

const ASCII = /^[\x20-\x7e]*$/;

/** Folds text character by character, so that a match in the folded text maps back to the original. */
export function foldWithMap(text: string): FoldedText {
  if (ASCII.test(text)) {
    const from = Array.from({ length: text.length }, (_, i) => i);
    return { folded: text.toLowerCase(), from, to: from.map((i) => i + 1) };
  }
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  for (const char of text) {
    const piece = /\s/.test(char) ? ' ' : foldText(char);
    for (let i = 0; i < piece.length; i++) {
      from.push(at);
      to.push(at + char.length);
    }
    folded += piece;
    at += char.length;
  }
  return { folded, from, to };
}

/** A search box's text as it is found: folded, its spaces one space each; empty means no search. */
export function findNeedle(query: string): string {
  return foldText(query).replace(/\s+/g, ' ').trim();
}

/** Where the needle occurs in the text (not overlapping), as [start, end) of the original text. */
export function occurrencesIn(text: FoldedText, needle: string): [number, number][] {
  const found: [number, number][] = [];
  if (!needle) return found;
  for (let at = text.folded.indexOf(needle); at !== -1; at = text.folded.indexOf(needle, at + needle.length)) {
    found.push([text.from[at]!, text.to[at + needle.length - 1]!]);
  }
  return found;
}

const foldedTexts = new WeakMap<Message, string>();

/** How many times a message's text holds the needle. */
export function countIn(message: Message, needle: string): number {
  if (!needle) return 0;
  let folded = foldedTexts.get(message);
  if (folded === undefined) {
    folded = foldWithMap(messageText(message)).folded;
    foldedTexts.set(message, folded);
  }
  let count = 0;
  for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** One occurrence of the needle: in which message, and which of its occurrences (0 is the first in its text). */
export interface FindMatch {
  messageId: string;
  occurrence: number;
}

export const matchKey = (match: FindMatch) => `${match.messageId}:${match.occurrence}`;

/**
 * Every occurrence in the loaded messages (given oldest first, as the thread reads), newest first: from the bottom of
 * the thread upward, and within a message from its last line up.
 */
export function findMatches(messages: readonly { id: string; message: Message }[], needle: string): FindMatch[] {
  const matches: FindMatch[] = [];
  if (!needle) return matches;
  for (let i = messages.length - 1; i >= 0; i--) {
    const { id, message } = messages[i]!;
    for (let occurrence = countIn(message, needle) - 1; occurrence >= 0; occurrence--) {
      matches.push({ messageId: id, occurrence });
    }
  }
  return matches;
}
