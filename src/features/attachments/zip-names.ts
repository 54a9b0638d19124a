/** Characters no file system takes in a name, and path separators, which would make a folder of the entry. */
const UNSAFE = /[/\\:*?"<>|]/g;
const isControl = (ch: string) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f;
/** Long enough for any real name, short enough for every file system once " (2)" is added. */
const MAX_NAME = 200;
/** Names Windows keeps for devices. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** A name that is one plain file name in every file system: no separators, no dot-only or empty names. */
export function safeFileName(name: string): string {
  const plain = [...name.normalize('NFC')].map((ch) => (isControl(ch) ? '_' : ch)).join('');
  const cleaned = plain
    .replace(UNSAFE, '_')
    .trim()
    .replace(/[. ]+$/, '');
  if (!cleaned || /^\.+$/.test(cleaned)) return 'file';
  const safe = RESERVED.test(cleaned) ? `_${cleaned}` : cleaned;
  if (safe.length <= MAX_NAME) return safe;
  const { stem, ext } = split(safe);
  return ext.length < 20 ? stem.slice(0, MAX_NAME - ext.length) + ext : safe.slice(0, MAX_NAME);
}

function split(name: string) {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? { stem: name.slice(0, dot), ext: name.slice(dot) } : { stem: name, ext: '' };
}

/**
 * Safe names, each unique in the set (case aside, as on macOS and Windows): the second `report.pdf` becomes
 * `report (2).pdf`, and a number is never given to a name that is already taken.
 */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const safe = safeFileName(name);
    let unique = safe;
    const { stem, ext } = split(safe);
    for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${stem} (${n})${ext}`;
    taken.add(unique.toLowerCase());
    return unique;
  });
}
