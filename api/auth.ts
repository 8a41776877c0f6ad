import type { Request } from 'express';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { oncePerDatabase } from '../db/prepared';
import { sessions, users } from '../db/schema';
import { unauthorized } from './errors';
import type { AppDeps, AuthUser } from './context';
import { hashToken, SESSION_PREFIX } from './tokens';

const BEARER = /^Bearer\s+(\S+)$/i;

const publicColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  agencyCode: users.agencyCode,
  language: users.language,
};

const userByToken = oncePerDatabase((db) =>
  db
    .select(publicColumns)
    .from(users)
    .where(and(eq(users.tokenHash, sql.placeholder('tokenHash')), isNull(users.disabledAt), isNull(users.revokedAt)))
    .limit(1)
    .prepare('user_by_token'),
);

/** A session counts only while it lasts and while its user is neither disabled nor revoked. */
const userBySession = oncePerDatabase((db) =>
  db
    .select(publicColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql`now()`), isNull(users.disabledAt), isNull(users.revokedAt)))
    .limit(1)
    .prepare('user_by_session'),
);

/** The bearer token of the request, if it sent one. */
export function bearerToken(req: Request): string | undefined {
  return BEARER.exec(req.get('authorization') ?? '')?.[1];
}

/**
 * The user behind `Authorization: Bearer <token>` — a personal token or a session's — or 401. Looked
 * up on every request, so a disabled or revoked account is refused at once.
 */
export async function authenticate(req: Request, deps: AppDeps): Promise<AuthUser> {
  const token = bearerToken(req);
  if (!token) throw unauthorized();
  const lookup = token.startsWith(SESSION_PREFIX) ? userBySession : userByToken;
  const [row] = await lookup(deps.database.db).execute({ tokenHash: hashToken(token) });
  if (!row) throw unauthorized();
  return row;
}
