import { RedisUnavailable } from '../sync/redis-unavailable';
import { type Upstream, upstreamGet } from './upstream';

/** How long one tenant's account list is trusted before it is asked for again. */
export const TENANT_ACCOUNTS_TTL_MS = 60_000;
/** A list older than this many TTLs is not used while a fresh one is asked for. */
const STALE_FACTOR = 5;
const PAGE_SIZE = 100;
const MAX_PAGES = 50;

export interface TenantAccount {
  id: string;
  [field: string]: unknown;
}

/** The tenant's accounts could not be listed: nothing is let through, and the person is told why. */
export class TenantAccountsUnavailable extends Error {}

/**
 * The linked accounts of each tenant (StackOne's `origin_owner_id`), asked of StackOne with
 * `GET /accounts?origin_owner_id=…` and kept for a minute; one request at a time per tenant.
 */
export function createTenantAccounts(upstream: Upstream, timeoutMs: number, ttlMs = TENANT_ACCOUNTS_TTL_MS) {
  const cache = new Map<string, { at: number; accounts: TenantAccount[] }>();
  const pending = new Map<string, Promise<TenantAccount[]>>();

  async function fetchTenant(tenant: string): Promise<TenantAccount[]> {
    const accounts: TenantAccount[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const query = new URLSearchParams({ origin_owner_id: tenant, page: String(page), page_size: String(PAGE_SIZE) });
      let response: Response;
      try {
        response = await upstream.fetch(upstreamGet(upstream, `/accounts?${query}`, null, timeoutMs));
      } catch (error) {
        throw new TenantAccountsUnavailable(
          error instanceof RedisUnavailable
            ? `${error.message} (needed to check which accounts you may use)`
            : 'Could not reach StackOne to check which accounts you may use',
        );
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new TenantAccountsUnavailable(
          `StackOne answered ${response.status} when asked which accounts you may use`,
        );
      }
      const body: unknown = await response.json().catch(() => null);
      if (!Array.isArray(body))
        throw new TenantAccountsUnavailable('StackOne answered the accounts list with something else');
      const own = body.filter(
        (account): account is TenantAccount =>
          typeof account?.id === 'string' && (account as { origin_owner_id?: unknown }).origin_owner_id === tenant,
      );
      accounts.push(...own);
      if (body.length < PAGE_SIZE) break;
    }
    return accounts;
  }

  function accountsOf(tenant: string): Promise<TenantAccount[]> {
    const cached = cache.get(tenant);
    const fresh = cached !== undefined && Date.now() - cached.at < ttlMs;
    if (fresh) return Promise.resolve(cached.accounts);
    let request = pending.get(tenant);
    if (request === undefined) {
      request = fetchTenant(tenant)
        .then((accounts) => {
          cache.set(tenant, { at: Date.now(), accounts });
          return accounts;
        })
        .finally(() => pending.delete(tenant));
      pending.set(tenant, request);
    }
    // A list a little past its minute still answers at once; the fresh one replaces it when it comes.
    if (cached !== undefined && Date.now() - cached.at < ttlMs * STALE_FACTOR) {
      request.catch(() => undefined);
      return Promise.resolve(cached.accounts);
    }
    return request;
  }

  return {
    /** Every linked account of these tenants, each once. */
    async list(tenants: readonly string[]): Promise<TenantAccount[]> {
      const lists = await Promise.all(tenants.map(accountsOf));
      const seen = new Set<string>();
      return lists.flat().filter((account) => !seen.has(account.id) && seen.add(account.id));
    },
  };
}

export type TenantAccounts = ReturnType<typeof createTenantAccounts>;
