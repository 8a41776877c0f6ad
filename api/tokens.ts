import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A bearer token: 32 random bytes, prefixed so a leaked one is recognisable in logs and scanners. */
export function newToken(): string {
  return `gv_${randomBytes(32).toString('base64url')}`;
}

/** A session's token (a sign-in link, the identity provider): its prefix says which table holds its hash. */
export function newSessionToken(): string {
  return `${SESSION_PREFIX}${randomBytes(32).toString('base64url')}`;
}
export const SESSION_PREFIX = 'gvs_';

/** Tokens are stored only as their SHA-256; a random 256-bit token needs no slow hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
