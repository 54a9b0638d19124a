/** Lower case without accents, so "zoë" matches "Zoe" and "ÉQUIPE" matches "equipe". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a search box, folded; an empty list means "no query". */
export function queryTokens(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

/**
 * How well `text` matches every token, lower is better, or -1 when a token is missing: 0 where a
 * token starts the text, 1 where it starts a word ("lov" in "Ada Lovelace"), 2 anywhere else.
 */
export function matchScore(text: string, tokens: readonly string[]): number {
  return matchFolded(foldText(text), tokens);
}

function wordStart(folded: string, token: string): boolean {
  for (let at = folded.indexOf(token); at !== -1; at = folded.indexOf(token, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1]!)) return true;
  }
  return false;
}

/** `matchScore` for text already folded with `foldText` (the server folds its directory once). */
export function matchFolded(folded: string, tokens: readonly string[]): number {
  let score = 0;
  for (const token of tokens) {
    const at = folded.indexOf(token);
    if (at === -1) return -1;
    if (at === 0) continue;
    score += wordStart(folded, token) ? 1 : 2;
  }
  return score;
}
