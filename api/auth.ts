import type { Request } from 'express';
import { and, eq, isNull } from 'drizzle-orm';
import { users } from '../db/schema';
import { unauthorized } from './errors';
import type { AppDeps, AuthUser } from './context';
import { hashToken } from './tokens';

const BEARER = /^Bearer\s+(\S+)$/i;

/** The user behind `Authorization: Bearer <token>`, or 401. */
export async function authenticate(req: Request, deps: AppDeps): Promise<AuthUser> {
  const match = BEARER.exec(req.get('authorization') ?? '');
  if (!match?.[1]) throw unauthorized();
  const [row] = await deps.database.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      agencyCode: users.agencyCode,
      language: users.language,
    })
    .from(users)
    .where(and(eq(users.tokenHash, hashToken(match[1])), isNull(users.disabledAt)))
    .limit(1);
  if (!row) throw unauthorized();
  return row;
}
