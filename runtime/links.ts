/**
 * Signed, expiring one-click links in mails (DESIGN.md §7): `${PUBLIC_URL}/l/<token>`, the token an
 * HS256 JWT naming what the link does (acknowledge or open a task) and for which agency. A link to
 * acknowledge works once: its `jti` goes into `used_links` when it is used.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/client';
import { usedLinks } from '../db/schema';
import type { Config } from './config';
import { createSignedTokens, InvalidLinkError } from './signed-token';

export { InvalidLinkError };

export const LINK_PURPOSES = ['ack', 'open'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

export interface LinkClaims {
  purpose: LinkPurpose;
  taskId: string;
  /** The agency the link was mailed to: an acknowledgement is made in its name. */
  agencyCode: string;
}

export interface VerifiedLink extends LinkClaims {
  jti: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export interface LinkSigner {
  sign(claims: LinkClaims, ttlDays?: number): Promise<string>;
  verify(token: string): Promise<VerifiedLink>;
}

export const DEFAULT_LINK_TTL_DAYS = 30;

/** `now` is for tests that need a link signed in the past. */
export function createLinkSigner(secret: string, opts: { now?: () => number } = {}): LinkSigner {
  const tokens = createSignedTokens(secret, 'giaoviec:link', opts.now);
  return {
    async sign({ purpose, taskId, agencyCode }, ttlDays = DEFAULT_LINK_TTL_DAYS) {
      return (await tokens.sign({ purpose, taskId, agencyCode }, ttlDays * 86_400)).token;
    },
    async verify(token) {
      const { purpose, taskId, agencyCode, jti, exp } = await tokens.verify(token);
      if (!LINK_PURPOSES.includes(purpose as LinkPurpose) || typeof taskId !== 'string' || typeof agencyCode !== 'string') throw new InvalidLinkError('invalid');
      return { purpose: purpose as LinkPurpose, taskId, agencyCode, jti, exp };
    },
  };
}

/** `${PUBLIC_URL}/l/<token>`. */
export const linkUrl = (publicUrl: string, token: string): string => `${publicUrl.replace(/\/$/, '')}/l/${token}`;

/** Mark a link used; false when it was used before (a second click, a forwarded mail). */
export async function consumeLinkOnce(db: Db, jti: string, purpose: string): Promise<boolean> {
  const inserted = await db.insert(usedLinks).values({ jti, purpose }).onConflictDoNothing().returning({ jti: usedLinks.jti });
  return inserted.length === 1;
}

/**
 * LINK_SECRET, or for the embedded default a secret generated once into `<DATA_DIR>/link-secret`
 * (mode 0600), so links stay valid across restarts. Several processes on separate machines (API and
 * workers in docker compose) must share LINK_SECRET instead.
 */
export function loadLinkSecret(config: Pick<Config, 'LINK_SECRET' | 'dataDir'>): string {
  if (config.LINK_SECRET) return config.LINK_SECRET;
  const file = path.join(config.dataDir, 'link-secret');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    // Written aside and hard-linked into place: when the API and the worker start together, the
    // first link wins, the other gets EEXIST, and nobody ever reads a half-written file.
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    try {
      linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(tmp);
    }
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable link secret (at least 32 characters): delete it to generate a new one, or set LINK_SECRET.`);
  return secret;
}
