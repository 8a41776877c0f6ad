import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { agencies, sessions, users } from '../../db/schema';
import { LANGUAGES, ROLES } from '../../domain/vocabulary';
import { conflict, notFound, unprocessable } from '../errors';
import { hashToken, newSessionToken, newToken } from '../tokens';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from './audit';

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

export const USER_STATUSES = ['active', 'disabled', 'revoked'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** What an administrator sees of an account: never its token nor the token's hash. */
export const userAdminSchema = userSchema.extend({
  status: z.enum(USER_STATUSES).describe('`disabled` wins over `revoked`: a disabled account is refused whatever its credentials'),
  disabledAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** Signs in through the province's identity provider. */
  provinceAccount: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserAdminView = z.infer<typeof userAdminSchema>;

type UserRow = typeof users.$inferSelect;

export const statusOf = (u: Pick<UserRow, 'disabledAt' | 'revokedAt'>): UserStatus => (u.disabledAt ? 'disabled' : u.revokedAt ? 'revoked' : 'active');

export function adminView(u: UserRow): UserAdminView {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    agencyCode: u.agencyCode,
    language: u.language,
    status: statusOf(u),
    disabledAt: u.disabledAt?.toISOString() ?? null,
    revokedAt: u.revokedAt?.toISOString() ?? null,
    provinceAccount: u.oidcSubject !== null,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** The profile fields an audit row keeps of a user (never a credential). */
export const profileOf = (u: Pick<UserRow, 'name' | 'email' | 'role' | 'agencyCode' | 'language'>) => ({
  name: u.name,
  email: u.email,
  role: u.role,
  agencyCode: u.agencyCode,
  language: u.language,
});

export async function assertAgencyExists(db: Db | Tx, code: string, field = 'agencyCode'): Promise<void> {
  const [agency] = await db.select({ code: agencies.code }).from(agencies).where(eq(agencies.code, code));
  if (!agency) throw unprocessable('Đơn vị không tồn tại.', [{ field, message: `không có đơn vị mã ${code}` }]);
}

/** Create a user and return its token: the only time the token is visible. */
export async function createUser(db: Db, input: CreateUserInput, actor: AuditActor = SYSTEM_ACTOR): Promise<{ id: string; token: string }> {
  const u = createUserBody.parse(input);
  if (u.agencyCode) await assertAgencyExists(db, u.agencyCode);
  const token = newToken();
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ name: u.name, email: u.email, role: u.role, agencyCode: u.agencyCode ?? null, language: u.language, tokenHash: hashToken(token) })
      .returning();
    await recordAudit(tx, actor, { action: 'user.create', targetType: 'user', targetId: row!.id, targetLabel: row!.name, after: profileOf(row!) });
    return row!.id;
  });
  return { id, token };
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

async function lockedUser(tx: Tx, id: string): Promise<UserRow> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  if (!row) throw notFound('người dùng');
  return row;
}

/** An administrator cannot lock themself out by mistake: another administrator must do it. */
function notOneself(actor: AuditActor, id: string, what: string): void {
  if (actor.id === id) throw conflict(`Không thể ${what} chính tài khoản bạn đang dùng; hãy nhờ một quản trị viên khác.`, [{ field: 'id', message: 'là tài khoản của chính bạn' }]);
}

/**
 * Disable or enable an account. Disabled, its token and sessions are refused at once (authentication
 * reads the flag on every request) and its sessions are ended; enabled again, its personal token works
 * as before. Doing what is already done changes nothing and records nothing.
 */
export async function setDisabled(db: Db, actor: AuditActor, id: string, disabled: boolean): Promise<UserAdminView> {
  if (disabled) notOneself(actor, id, 'khóa');
  return db.transaction(async (tx) => {
    const before = await lockedUser(tx, id);
    if (Boolean(before.disabledAt) === disabled) return adminView(before);
    const [after] = await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date() : null })
      .where(eq(users.id, id))
      .returning();
    if (disabled) await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, actor, {
      action: disabled ? 'user.disable' : 'user.enable',
      targetType: 'user',
      targetId: id,
      targetLabel: before.name,
      before: { status: statusOf(before) },
      after: { status: statusOf(after!) },
    });
    return adminView(after!);
  });
}

/**
 * A new personal token for the user, shown once; the old one is refused from now on. It also lifts a
 * revocation. Sessions opened by a link or the identity provider are left alone: they are other credentials.
 */
export async function rotateToken(db: Db, actor: AuditActor, id: string): Promise<{ token: string; user: UserAdminView }> {
  const token = newToken();
  return db.transaction(async (tx) => {
    const before = await lockedUser(tx, id);
    const [after] = await tx.update(users).set({ tokenHash: hashToken(token), revokedAt: null }).where(eq(users.id, id)).returning();
    // The token itself is never in the log; its state only when the rotation lifted a revocation.
    const lifted = statusOf(before) !== statusOf(after!);
    await recordAudit(tx, actor, {
      action: 'user.token_rotate',
      targetType: 'user',
      targetId: id,
      targetLabel: before.name,
      ...(lifted ? { before: { status: statusOf(before) }, after: { status: statusOf(after!) } } : {}),
    });
    return { token, user: adminView(after!) };
  });
}

/**
 * Revoke every credential: the personal token is erased and every session ended. Until an
 * administrator issues a new token (rotate), nothing signs the user in — no token, no sign-in link,
 * not the identity provider.
 */
export async function revokeAccess(db: Db, actor: AuditActor, id: string): Promise<UserAdminView> {
  notOneself(actor, id, 'thu hồi quyền truy cập của');
  return db.transaction(async (tx) => {
    const before = await lockedUser(tx, id);
    const [after] = await tx.update(users).set({ tokenHash: null, revokedAt: before.revokedAt ?? new Date() }).where(eq(users.id, id)).returning();
    const ended = await tx.delete(sessions).where(eq(sessions.userId, id)).returning({ id: sessions.id });
    await recordAudit(tx, actor, {
      action: 'user.token_revoke',
      targetType: 'user',
      targetId: id,
      targetLabel: before.name,
      before: { status: statusOf(before) },
      after: { status: statusOf(after!), sessionsEnded: ended.length },
    });
    return adminView(after!);
  });
}

/** Why an account may not sign in now, in words for the person, or null when it may. */
export function signInRefusal(u: Pick<UserRow, 'disabledAt' | 'revokedAt'>): string | null {
  if (u.disabledAt) return 'Tài khoản đã bị khóa. Xin liên hệ quản trị hệ thống.';
  if (u.revokedAt) return 'Quyền truy cập của tài khoản đã bị thu hồi. Xin liên hệ quản trị hệ thống để được cấp mã mới.';
  return null;
}

/**
 * A session for a user who proved who they are (a sign-in link, the identity provider): a token of its
 * own that lasts `ttlHours`. The user's expired sessions are swept at the same time.
 */
export async function openSession(db: Db | Tx, userId: string, via: 'link' | 'oidc', ttlHours: number): Promise<{ token: string; expiresAt: string }> {
  const token = newSessionToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  await db.insert(sessions).values({ userId, tokenHash: hashToken(token), via, expiresAt });
  await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, userId));
  return { token, expiresAt: expiresAt.toISOString() };
}

/** Sign out: the session behind this token ends (a personal token is not a session and stays). */
export async function endSession(db: Db, token: string): Promise<boolean> {
  const ended = await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token))).returning({ id: sessions.id });
  return ended.length > 0;
}

/** Active accounts with this address, case aside ("VanThu@…" typed, "vanthu@…" stored): a sign-in link goes to each. */
export async function activeUsersByEmail(db: Db, email: string): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(and(isNull(users.disabledAt), isNull(users.revokedAt), sql`lower(${users.email}) = ${email.trim().toLowerCase()}`));
}
