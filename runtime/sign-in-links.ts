/**
 * One-click sign-in links: `${PUBLIC_URL}/signin#link=<token>`, the token an HS256 JWT (the same
 * secret as the task links in mails, another audience) naming the user, valid for a day and usable
 * once (its `jti` goes into `used_links`). The token travels in the fragment, which browsers never
 * send to a server, so it reaches no access log; and opening the address changes nothing until the
 * page itself redeems it, so a mail scanner that follows links does not spend it.
 */
import { createSignedTokens, InvalidLinkError } from './signed-token';

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
  const tokens = createSignedTokens(secret, 'giaoviec:signin', opts.now);
  return {
    async sign(userId, ttlHours = SIGN_IN_LINK_TTL_HOURS) {
      const { token, exp } = await tokens.sign({}, ttlHours * 3600, userId);
      return { token, expiresAt: new Date(exp * 1000) };
    },
    async verify(token) {
      const { sub, jti, exp } = await tokens.verify(token, ['sub']);
      if (typeof sub !== 'string') throw new InvalidLinkError('invalid');
      return { userId: sub, jti, exp };
    },
  };
}

/** The address the link opens: the sign-in page, the token in the fragment. */
export const signInLinkUrl = (publicUrl: string, token: string): string => `${publicUrl.replace(/\/$/, '')}/signin#link=${token}`;
