/**
 * Which attachments may be previewed inline, and how. A preview needs both an allowlisted declared
 * type and first bytes that prove the same family: `file_type` alone is never trusted.
 */
export type FileKind = 'image' | 'audio' | 'video' | 'pdf' | 'text' | 'file';

const ALLOWLIST: Record<string, FileKind> = {
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
  'audio/mpeg': 'audio',
  'audio/wav': 'audio',
  'audio/x-wav': 'audio',
  'audio/ogg': 'audio',
  'video/mp4': 'video',
  'video/webm': 'video',
  'application/pdf': 'pdf',
  'text/plain': 'text',
  'text/csv': 'text',
  'application/json': 'text',
};

/** How many leading bytes `previewOf` needs to decide. */
export const SNIFF_BYTES = 512;

function essence(mime: string | null | undefined): string {
  return (mime ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The preview kind a declared MIME type allows; everything not allowlisted (SVG, HTML, …) is a plain 'file'. */
export function kindFromType(mime: string | null | undefined): FileKind {
  return ALLOWLIST[essence(mime)] ?? 'file';
}

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  bytes.length >= at + text.length && [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));
const startsWith = (bytes: Uint8Array, prefix: number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** The MIME type the first bytes prove, for the binary formats we preview; null when they prove none. */
export function sniff(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'image/gif';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'image/webp';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return 'audio/wav';
  if (ascii(bytes, 0, '%PDF-')) return 'application/pdf';
  if (ascii(bytes, 0, 'ID3')) return 'audio/mpeg';
  // An MPEG audio frame: 11 sync bits, then a layer that is not "reserved".
  if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0 && (bytes[1]! & 0x06) !== 0)
    return 'audio/mpeg';
  if (ascii(bytes, 0, 'OggS')) return 'audio/ogg';
  if (ascii(bytes, 4, 'ftyp')) return 'video/mp4';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
  return null;
}

const MARKUP = /^<\s*(svg|html|script|!doctype|\?xml)/i;

/** Whether the bytes read as plain text: valid UTF-8, no NUL, and not markup a browser would render. */
export function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  let text: string;
  try {
    // `stream` tolerates a character cut in half at the end of the sample.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true });
  } catch {
    return false;
  }
  return !MARKUP.test(text.replace(/^[\uFEFF\s]+/, ''));
}

/** The preview kind and the proven MIME type (what a Blob of these bytes should be typed as), or 'file' and null. */
export function previewOf(
  declaredType: string | null | undefined,
  firstBytes: Uint8Array,
): { kind: FileKind; type: string | null } {
  const kind = kindFromType(declaredType);
  if (kind === 'file') return { kind, type: null };
  if (kind === 'text') return isPlainText(firstBytes) ? { kind, type: 'text/plain' } : { kind: 'file', type: null };
  const proven = sniff(firstBytes);
  return proven && kindFromType(proven) === kind ? { kind, type: proven } : { kind: 'file', type: null };
}

/** The most of a name's last word kept beside the extension when the name is truncated. */
const TAIL_WORD_MAX = 10;

/**
 * A file name split so its end stays visible when truncated: the extension and the last word before it
 * ("q3-revenue-chart.png" → "q3-revenue-" + "chart.png"), or a few characters when that word is long.
 */
export function splitFileName(name: string): { head: string; tail: string } {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 12 ? name.slice(dot) : '';
  const stem = name.slice(0, name.length - ext.length);
  const wordStart = Math.max(...[...'-_ .'].map((separator) => stem.lastIndexOf(separator))) + 1;
  const word = stem.length - wordStart;
  const keep = wordStart > 0 && word > 0 && word <= TAIL_WORD_MAX ? word : Math.min(stem.length, 4);
  const cut = stem.length - keep;
  // A single character left in front is not worth an ellipsis.
  return cut <= 1 ? { head: '', tail: name } : { head: name.slice(0, cut), tail: name.slice(cut) };
}
