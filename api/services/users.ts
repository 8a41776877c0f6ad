import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { agencies, users } from '../../db/schema';
import { LANGUAGES, ROLES } from '../../domain/vocabulary';
import { unprocessable } from '../errors';
import { hashToken, newToken } from '../tokens';

export const createUserBody = z
  .object({
    name: z.string().trim().min(1, 'không được để trống').max(200),
    email: z.email({ message: 'phải là địa chỉ email' }),
    role: z.enum(ROLES, { message: `phải là một trong: ${ROLES.join(', ')}` }),
    agencyCode: z.string().trim().min(1).optional(),
    language: z.enum(LANGUAGES).default('vi'),
  })
  .superRefine((u, ctx) => {
    if (u.role === 'agency' && !u.agencyCode) ctx.addIssue({ code: 'custom', path: ['agencyCode'], message: 'bắt buộc với vai trò agency' });
  });
export type CreateUserInput = z.input<typeof createUserBody>;

export const userSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  agencyCode: z.string().nullable(),
  language: z.enum(LANGUAGES),
});

/** Create a user and return its token: the only time the token is visible. */
export async function createUser(db: Db, input: CreateUserInput): Promise<{ id: string; token: string }> {
  const u = createUserBody.parse(input);
  if (u.agencyCode) {
    const [agency] = await db.select({ code: agencies.code }).from(agencies).where(eq(agencies.code, u.agencyCode));
    if (!agency) throw unprocessable('Đơn vị không tồn tại.', [{ field: 'agencyCode', message: `không có đơn vị mã ${u.agencyCode}` }]);
  }
  const token = newToken();
  const [row] = await db
    .insert(users)
    .values({ name: u.name, email: u.email, role: u.role, agencyCode: u.agencyCode ?? null, language: u.language, tokenHash: hashToken(token) })
    .returning({ id: users.id });
  return { id: row!.id, token };
}

/** The admin behind BOOTSTRAP_ADMIN_TOKEN, created at first start; starting again changes nothing. */
export async function ensureBootstrapAdmin(db: Db, token: string): Promise<boolean> {
  const inserted = await db
    .insert(users)
    .values({ name: 'Quản trị hệ thống', email: 'quantri@giaoviec.local', role: 'admin', tokenHash: hashToken(token) })
    .onConflictDoNothing({ target: users.tokenHash })
    .returning({ id: users.id });
  return inserted.length > 0;
}
