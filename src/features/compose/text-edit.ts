/** One change to the message box: replace `from..to` with `insert`, then select `select` (offsets after the change). */
export interface TextEdit {
  from: number;
  to: number;
  insert: string;
  select: [number, number];
}

export type Format = 'bold' | 'italic' | 'code' | 'link';

const MARKERS: Record<'bold' | 'italic' | 'code', string> = { bold: '**', italic: '_', code: '`' };
const LOOKS_LIKE_URL = /^(https?:\/\/|mailto:)\S+$/i;

/**
 * The edit a formatting button or shortcut makes: it wraps the selection in markers (or takes them off when the
 * selection is already wrapped), or puts the markers with the caret between them. A selection over several lines
 * becomes a code block; a link puts the selection in `[…](…)` with the part left to fill selected.
 */
export function formatEdit(value: string, start: number, end: number, format: Format): TextEdit {
  const selected = value.slice(start, end);
  if (format === 'link') {
    if (LOOKS_LIKE_URL.test(selected)) {
      return { from: start, to: end, insert: `[text](${selected})`, select: [start + 1, start + 5] };
    }
    const text = selected || 'text';
    const url = start + text.length + 3;
    return {
      from: start,
      to: end,
      insert: `[${text}](https://)`,
      select: selected ? [url, url + 8] : [start + 1, start + 1 + text.length],
    };
  }
  if (format === 'code' && selected.includes('\n')) {
    const before = start > 0 && value[start - 1] !== '\n' ? '\n' : '';
    const insert = `${before}\`\`\`\n${selected}\n\`\`\`\n`;
    const at = start + before.length + 4;
    return { from: start, to: end, insert, select: [at, at + selected.length] };
  }
  const marker = MARKERS[format];
  const n = marker.length;
  if (value.slice(start - n, start) === marker && value.slice(end, end + n) === marker) {
    return { from: start - n, to: end + n, insert: selected, select: [start - n, end - n] };
  }
  return { from: start, to: end, insert: `${marker}${selected}${marker}`, select: [start + n, end + n] };
}

/** What is being typed right before the caret that a picker completes: `@name` or `:shortcode` (two letters on). */
export interface Completion {
  kind: 'mention' | 'emoji';
  query: string;
  /** Where the `@` or `:` is. */
  from: number;
}

const MENTION = /(?:^|[\s([{"'])@([\p{L}\p{N}][\p{L}\p{N}._'-]{0,40})$/u;
const SHORTCODE = /(?:^|[\s([{"']):([a-z0-9_+-]{2,40})$/i;

export function completionAt(value: string, caret: number): Completion | null {
  const before = value.slice(Math.max(0, caret - 60), caret);
  const mention = MENTION.exec(before);
  if (mention) return { kind: 'mention', query: mention[1]!, from: caret - mention[1]!.length - 1 };
  const emoji = SHORTCODE.exec(before);
  if (emoji) return { kind: 'emoji', query: emoji[1]!.toLowerCase(), from: caret - emoji[1]!.length - 1 };
  return null;
}

/** The edit that puts a chosen completion in place of what was typed, followed by a space. */
export function completionEdit(completion: Completion, caret: number, text: string): TextEdit {
  const insert = `${text} `;
  const at = completion.from + insert.length;
  return { from: completion.from, to: caret, insert, select: [at, at] };
}
