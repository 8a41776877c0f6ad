/**
 * Reading the claims of the province's identity provider (OpenID Connect): which claim values give
 * which role in Giao việc, and where a claim sits (Keycloak nests roles as `realm_access.roles`).
 */
import { ROLES, type Role } from './vocabulary';

/** `OIDC_ROLE_MAP`, parsed: claim value → role, in the order written (the first that matches wins). */
export type RoleMap = readonly (readonly [value: string, role: Role])[];

/** `giaoviec-quantri=admin, giaoviec-donvi=agency`; throws a message naming the bad entry. */
export function parseRoleMap(text: string): RoleMap {
  const entries: [string, Role][] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const at = entry.lastIndexOf('=');
    const value = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim();
    if (at <= 0 || !value) throw new Error(`"${entry}" is not value=role`);
    if (!ROLES.includes(role as Role)) throw new Error(`"${entry}": the role must be one of ${ROLES.join(', ')}`);
    entries.push([value, role as Role]);
  }
  return entries;
}

/** The claim at a dotted path, as a list of strings (a string, or an array's strings; anything else: none). */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims;
  // A claim whose name itself has dots (a URL-like name) is tried whole first.
  if (path in claims) value = claims[path];
  else for (const part of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  return [];
}

/** The role the claim values give, by the map's order; undefined when none of them is mapped. */
export function mapRole(values: readonly string[], map: RoleMap): Role | undefined {
  return map.find(([value]) => values.includes(value))?.[1];
}
