/** Up to two initials of a name: "Ada Lovelace" → "AL", "github" → "G". */
export function initials(name: string | null | undefined): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = [...words[0]!][0] ?? '';
  const last = words.length > 1 ? ([...words[words.length - 1]!][0] ?? '') : '';
  return (first + last).toUpperCase();
}

const HUES = [12, 35, 150, 175, 200, 220, 255, 285, 320, 345];

/** A stable hue for an id, so a person's avatar keeps its colour everywhere. */
export function avatarHue(id: string | null | undefined): number {
  let hash = 0;
  for (const ch of id ?? '') hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return HUES[Math.abs(hash) % HUES.length]!;
}
