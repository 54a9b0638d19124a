import type { OidcConfig } from './sign-in-config';

/** More tenants than this in one person's claims is not a person: sign-in is refused rather than a cookie overflow. */
export const MAX_TENANTS = 50;
const MAX_TENANT_LENGTH = 200;

function claimValues(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/**
 * The tenants (StackOne `origin_owner_id`s) a signed-in person belongs to: those listed in the tenant claim, and
 * those mapped from the domain of their email address, when the provider says that address is verified.
 */
export function tenantsOf(claims: Record<string, unknown>, rules: Pick<OidcConfig, 'tenantClaim' | 'tenantDomains'>) {
  const tenants = new Set<string>();
  if (rules.tenantClaim !== null) {
    for (const tenant of claimValues(claims[rules.tenantClaim])) tenants.add(tenant.trim());
  }
  const email = claims.email;
  if (typeof email === 'string' && claims.email_verified === true) {
    const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    for (const tenant of rules.tenantDomains.get(domain) ?? []) tenants.add(tenant);
  }
  tenants.delete('');
  return [...tenants].filter((tenant) => tenant.length <= MAX_TENANT_LENGTH);
}
