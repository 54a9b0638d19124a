import { MAX_PEOPLE_QUERY, PEOPLE_BATCH } from '../../contract/people';
import type { PeopleDirectory } from '../sync/people-directory';
import { errorAnswer, jsonAnswer } from './answers';

const MAX_ID_LENGTH = 512;

function count(raw: string | undefined, name: string, fallback: number, max: number): number | string {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) > max) return `${name} must be a whole number from 0 to ${max}`;
  return Number(raw);
}

/**
 * `GET /api/inbox/people` for one account: `?id=…` (repeated, up to 100) looks people up, `?email=…` finds whoever
 * has that address, and `?q=…` (with `limit`, `offset`, repeated `exclude`) searches the directory.
 */
export async function peopleAnswer(directory: PeopleDirectory, accountId: string, url: URL): Promise<Response> {
  const params = url.searchParams;
  const ids = params.getAll('id');
  const email = params.get('email');
  const query = params.get('q');
  const modes = [ids.length > 0, email !== null, query !== null].filter(Boolean).length;
  if (modes !== 1)
    return errorAnswer(400, 'Ask for people by id (?id=…), by email (?email=…) or by search (?q=…), one of them');

  if (ids.length > 0) {
    if (ids.length > PEOPLE_BATCH) return errorAnswer(400, `At most ${PEOPLE_BATCH} ids at a time`);
    if (ids.some((id) => id === '' || id.length > MAX_ID_LENGTH))
      return errorAnswer(400, `Each id must be 1 to ${MAX_ID_LENGTH} characters`);
    return jsonAnswer(200, await directory.lookup(accountId, [...new Set(ids)]));
  }
  if (email !== null) {
    if (email === '' || email.length > 320) return errorAnswer(400, 'email must be 1 to 320 characters');
    return jsonAnswer(200, { data: await directory.byEmail(accountId, email), missing: [] });
  }
  if (query!.length > MAX_PEOPLE_QUERY) return errorAnswer(400, `q must be at most ${MAX_PEOPLE_QUERY} characters`);
  const limit = count(params.get('limit') ?? undefined, 'limit', 25, PEOPLE_BATCH);
  const offset = count(params.get('offset') ?? undefined, 'offset', 0, 100_000);
  if (typeof limit === 'string') return errorAnswer(400, limit);
  if (typeof offset === 'string') return errorAnswer(400, offset);
  const exclude = params.getAll('exclude');
  if (exclude.length > PEOPLE_BATCH) return errorAnswer(400, `At most ${PEOPLE_BATCH} people can be left out`);
  return jsonAnswer(200, await directory.search(accountId, query!, { limit, offset, exclude: new Set(exclude) }));
}
