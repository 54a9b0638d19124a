/**
 * Header values built from what a provider stored (file names, media types) or sent: kept to what
 * browsers accept, so a hostile or broken value can neither break the answer nor smuggle a header.
 */

/** Characters of a file name kept in Content-Disposition; Chromium refuses headers far longer than this. */
export const MAX_FILE_NAME = 180;
const MAX_EXTENSION = 16;

/** Control characters (CR, LF, NUL, DEL…) out of a header value; tabs become spaces. */
export function cleanHeaderValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/\t/g, ' ').replace(/[\x00-\x1f\x7f]/g, '');
}

/** A file name cut to MAX_FILE_NAME characters, keeping its extension. */
export function shortFileName(fileName: string, max = MAX_FILE_NAME): string {
  const chars = [...cleanHeaderValue(fileName)];
  if (chars.length <= max) return chars.join('');
  const dot = chars.lastIndexOf('.');
  const extension = dot > 0 && chars.length - dot <= MAX_EXTENSION + 1 ? chars.slice(dot) : [];
  return [...chars.slice(0, max - extension.length - 1), '…', ...extension].join('');
}

/** RFC 6266: an ASCII fallback name plus the exact (if long, shortened) name as RFC 5987 `filename*`. */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const name = shortFileName(fileName);
  const fallback = name.replace(/[^\x20-\x7e]|["\\/%;]/g, '_').replace(/^\.+/, '_') || 'download';
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The file name a Content-Disposition value carries (`filename*` first), or null. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]*)/i.exec(disposition);
  if (extended) {
    try {
      const bytes = extended[2]!.trim();
      return /^utf-8$/i.test(extended[1]!.trim())
        ? decodeURIComponent(bytes)
        : bytes.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    } catch {
      // badly encoded: the plain parameter below
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/i.exec(disposition);
  if (!plain) return null;
  return (plain[1]?.replace(/\\(.)/g, '$1') ?? plain[2]!.trim()) || null;
}

/** Always an attachment, never inline, with the upstream's file name kept (shortened if need be). */
export function attachmentDisposition(upstream: string | null): string {
  const name = fileNameOf(upstream);
  return name === null ? 'attachment' : contentDisposition('attachment', name);
}

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;\s*[a-z0-9_-]+=("[^"]*"|[^;"\s]*))*$/i;

/** A stored media type as a Content-Type, or `application/octet-stream` when it is not one. */
export function safeMediaType(type: string): string {
  const trimmed = type.trim();
  return trimmed.length <= 255 && MEDIA_TYPE.test(trimmed) ? trimmed : 'application/octet-stream';
}
