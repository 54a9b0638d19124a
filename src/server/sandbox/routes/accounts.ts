import { LinkedAccountSchema } from '../../../contract/accounts';
import { Problem } from '../problem';
import { type AccountRow, toLinkedAccount } from '../store/accounts';

const STATUSES = new Set(['active', 'inactive', 'error']);

/** Every value of a list parameter, given repeated (`a=1&a=2`), comma-separated or as `a[]=`. */
function values(query: URLSearchParams, ...names: string[]): string[] | null {
  const found = names.flatMap((name) => [...query.getAll(name), ...query.getAll(`${name}[]`)]);
  if (found.length === 0) return null;
  return found
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

function positive(query: URLSearchParams, name: string, max: number): number | null {
  const text = query.get(name);
  if (text === null || text === '') return null;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Problem(400, `${name} must be a whole number from 1 to ${max}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/**
 * `GET /accounts` with StackOne's filters: `account_ids`, `origin_owner_id` / `origin_owner_ids` (the tenants),
 * `provider` / `providers` and `status`, then `page` (from 1) and `page_size`. The answer stays a bare array.
 */
export function listLinkedAccounts(rows: AccountRow[], query: URLSearchParams) {
  const ids = values(query, 'account_ids');
  const owners = values(query, 'origin_owner_id', 'origin_owner_ids');
  const providers = values(query, 'provider', 'providers');
  const statuses = values(query, 'status');
  for (const status of statuses ?? []) {
    if (!STATUSES.has(status))
      throw new Problem(400, `status must be active, inactive or error, got ${JSON.stringify(status)}`);
  }
  const page = positive(query, 'page', 1_000_000) ?? 1;
  const pageSize = positive(query, 'page_size', 1_000);
  const matching = rows.filter(
    (row) =>
      (ids === null || ids.includes(row.id)) &&
      (owners === null || owners.includes(row.origin_owner_id)) &&
      (providers === null || providers.includes(row.provider)) &&
      (statuses === null || statuses.includes(row.status)),
  );
  const paged = pageSize === null ? matching : matching.slice((page - 1) * pageSize, page * pageSize);
  return paged.map((row) => LinkedAccountSchema.parse(toLinkedAccount(row)));
}
