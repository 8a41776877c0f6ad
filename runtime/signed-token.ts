/**
 * The HS256 JWT both kinds of one-click link are made of (task links in mails, sign-in links): one
 * secret, an audience per kind so that a token of one kind is never accepted as the other.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';

const ISSUER = 'giaoviec';

/** A link that is not ours, was altered, or is past its date. Its `reason` says which, its message says it to people. */
export class InvalidLinkError extends Error {
  override name = 'InvalidLinkError';
  constructor(readonly reason: 'invalid' | 'expired') {
    super(reason === 'expired' ? 'Liên kết đã hết hạn; xin mở nhiệm vụ trong hệ thống Giao việc.' : 'Liên kết không hợp lệ hoặc đã bị sửa đổi.');
  }
}

export interface SignedTokens {
  /** A token valid for `ttlSeconds`, with a fresh `jti` (links that work once record it). */
  sign(claims: Record<string, string>, ttlSeconds: number, subject?: string): Promise<{ token: string; exp: number }>;
  /** The payload of a token of this audience, with its `jti` and `exp`; InvalidLinkError otherwise. */
  verify(token: string, requiredClaims?: string[]): Promise<JWTPayload & { jti: string; exp: number }>;
}

/** `now` is for tests that need a token signed in the past. */
export function createSignedTokens(secret: string, audience: string, now: () => number = Date.now): SignedTokens {
  if (secret.length < 32) throw new Error('The link secret must be at least 32 characters.');
  const key = new TextEncoder().encode(secret);
  return {
    async sign(claims, ttlSeconds, subject) {
      const iat = Math.floor(now() / 1000);
      const exp = iat + Math.round(ttlSeconds);
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuer(ISSUER).setAudience(audience).setJti(randomUUID()).setIssuedAt(iat).setExpirationTime(exp);
      if (subject) jwt.setSubject(subject);
      return { token: await jwt.sign(key), exp };
    },
    async verify(token, requiredClaims = []) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: ISSUER, audience, requiredClaims: ['jti', 'exp', ...requiredClaims], currentDate: new Date(now()) }));
      } catch (err) {
        if (err instanceof joseErrors.JWTExpired) throw new InvalidLinkError('expired');
        throw new InvalidLinkError('invalid');
      }
      const { jti, exp } = payload;
      if (typeof jti !== 'string' || typeof exp !== 'number') throw new InvalidLinkError('invalid');
      return { ...payload, jti, exp };
    },
  };
}
