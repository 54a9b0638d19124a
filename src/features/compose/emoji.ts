/** One emoji from GitHub's gemoji set: the character, its shortcodes (`tada`, `+1`), search words and group. */
export interface Emoji {
  emoji: string;
  names: string[];
  tags: string[];
  description: string;
  category: string;
}

export interface EmojiSet {
  all: readonly Emoji[];
  byName: ReadonlyMap<string, Emoji>;
}

let loading: Promise<EmojiSet> | null = null;

/** The emoji set, loaded once and only when someone writes a shortcode or opens the picker. */
export function loadEmoji(): Promise<EmojiSet> {
  loading ??= import('gemoji').then(
    ({ gemoji }) => ({
      all: gemoji,
      byName: new Map(gemoji.flatMap((e) => e.names.map((name) => [name, e] as const))),
    }),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

const SHORTCODE = /:([a-z0-9_+-]+):/gi;
// Code is sent as written: `:tada:` inside backticks stays text.
const CODE = /(```[\s\S]*?(?:```|$)|`[^`\n]*`)/;

export const hasShortcode = (text: string) => /:[a-z0-9_+-]+:/i.test(text);

/** Every known `:shortcode:` outside code, as its character. */
export function replaceShortcodes(text: string, set: EmojiSet): string {
  return text
    .split(CODE)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(SHORTCODE, (code, name: string) => set.byName.get(name.toLowerCase())?.emoji ?? code),
    )
    .join('');
}

/** The text to send: shortcodes turned into characters (the emoji set is loaded only when there is one). */
export async function withEmoji(text: string): Promise<string> {
  if (!hasShortcode(text)) return text;
  try {
    return replaceShortcodes(text, await loadEmoji());
  } catch {
    return text;
  }
}

/** Emoji whose shortcode, description or tags match, shortcodes that start with the query first. */
export function searchEmoji(set: EmojiSet, query: string, limit: number): Emoji[] {
  const q = query.trim().toLowerCase();
  if (!q) return set.all.slice(0, limit);
  const starts: Emoji[] = [];
  const contains: Emoji[] = [];
  for (const e of set.all) {
    if (e.names.some((name) => name.startsWith(q))) starts.push(e);
    else if (
      e.names.some((name) => name.includes(q)) ||
      e.description.includes(q) ||
      e.tags.some((tag) => tag.startsWith(q))
    )
      contains.push(e);
    if (starts.length >= limit) break;
  }
  return [...starts, ...contains].slice(0, limit);
}
