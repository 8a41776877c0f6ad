import type { Request } from 'express';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { oncePerDatabase } from '../db/prepared';
import { users } from '../db/schema';
import { unauthorized } from './errors';
import type { AppDeps, AuthUser } from './context';
import { hashToken } from './tokens';

const BEARER = /^Bearer\s+(\S+)$/i;

const userByToken = oncePerDatabase((db) =>
  db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      agencyCode: users.agencyCode,
      language: users.language,
    })
    .from(users)
    .where(and(eq(users.tokenHash, sql.placeholder('tokenHash')), isNull(users.disabledAt)))
    .limit(1)
    .prepare('user_by_token'),
);

/** The user behind `Authorization: Bearer <token>`, or 401. Looked up on every request, so a disabled account is refused at once. */
export async function authenticate(req: Request, deps: AppDeps): Promise<AuthUser> {
  const match = BEARER.exec(req.get('authorization') ?? '');
  if (!match?.[1]) throw unauthorized();
  const [row] = await userByToken(deps.database.db).execute({ tokenHash: hashToken(match[1]) });
  if (!row) throw unauthorized();
  return row;
}
