/**
 * One-click sign-in links: `${PUBLIC_URL}/signin#link=<token>`, the token an HS256 JWT (the same
 * secret as the task links in mails, another audience) naming the user, valid for a day and usable
 * once (its `jti` goes into `used_links`). The token travels in the fragment, which browsers never
 * send to a server, so it reaches no access log; and opening the address changes nothing until the
 * page itself redeems it, so a mail scanner that follows links does not spend it.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { InvalidLinkError } from './links';

const ISSUER = 'giaoviec';
const AUDIENCE = 'giaoviec:signin';
export const SIGN_IN_LINK_TTL_HOURS = 24;

export interface VerifiedSignInLink {
  userId: string;
  jti: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export interface SignInLinkSigner {
  sign(userId: string, ttlHours?: number): Promise<{ token: string; expiresAt: Date }>;
  verify(token: string): Promise<VerifiedSignInLink>;
}

/** `now` is for tests that need a link signed in the past. */
export function createSignInLinkSigner(secret: string, opts: { now?: () => number } = {}): SignInLinkSigner {
  if (secret.length < 32) throw new Error('The link secret must be at least 32 characters.');
  const key = new TextEncoder().encode(secret);
  const now = opts.now ?? Date.now;
  return {
    async sign(userId, ttlHours = SIGN_IN_LINK_TTL_HOURS) {
      const iat = Math.floor(now() / 1000);
      const exp = iat + Math.round(ttlHours * 3600);
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(userId)
        .setJti(randomUUID())
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(key);
      return { token, expiresAt: new Date(exp * 1000) };
    },
    async verify(token) {
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE, requiredClaims: ['jti', 'exp', 'sub'], currentDate: new Date(now()) }));
      } catch (err) {
        if (err instanceof joseErrors.JWTExpired) throw new InvalidLinkError('expired');
        throw new InvalidLinkError('invalid');
      }
      const { sub, jti, exp } = payload;
      if (typeof sub !== 'string' || typeof jti !== 'string' || typeof exp !== 'number') throw new InvalidLinkError('invalid');
      return { userId: sub, jti, exp };
    },
  };
}

/** The address the link opens: the sign-in page, the token in the fragment. */
export const signInLinkUrl = (publicUrl: string, token: string): string => `${publicUrl.replace(/\/$/, '')}/signin#link=${token}`;
