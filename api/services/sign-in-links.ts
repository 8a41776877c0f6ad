/**
 * One-click sign-in links (runtime/sign-in-links.ts): an administrator makes one to hand over, or a
 * person asks for one on the sign-in page and it is mailed through the outbox; opening it and pressing
 * nothing else, the sign-in page redeems it once for a session.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { outbox, usedLinks, users } from '../../db/schema';
import { VIETNAM_UTC_OFFSET_HOURS } from '../../domain/calendar';
import { renderSignInMail } from '../../domain/mail';
import type { Language } from '../../domain/vocabulary';
import { InvalidLinkError, loadLinkSecret } from '../../runtime/links';
import { createSignInLinkSigner, signInLinkUrl, SIGN_IN_LINK_TTL_HOURS } from '../../runtime/sign-in-links';
import { deliveryWorkflowId, TASK_QUEUE } from '../../workflows/constants';
import { mailDeliveryWorkflow } from '../../workflows/mail';
import type { AppDeps } from '../context';
import { conflict, HttpError, notFound } from '../errors';
import { recordAudit, type AuditActor } from './audit';
import { activeUsersByEmail, openSession, signInRefusal } from './users';

/** The outbox kind of these mails: kept out of the coordinators' view of the outbox, since the body is a credential. */
export const SIGN_IN_MAIL_KIND = 'sign_in_link';
/** One mail per account per this many minutes, however often the form is sent. */
export const SIGN_IN_MAIL_EVERY_MINUTES = 10;

const signerOf = (deps: AppDeps) => createSignInLinkSigner(loadLinkSecret(deps.config));

/** "09:15 ngày 29/11/2026" / "09:15 on 29/11/2026", in the province's time. */
function localTime(at: Date, language: Language): string {
  const local = new Date(at.getTime() + VIETNAM_UTC_OFFSET_HOURS * 3_600_000).toISOString();
  const date = `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
  return `${local.slice(11, 16)} ${language === 'vi' ? 'ngày' : 'on'} ${date}`;
}

/** A link for an administrator to hand over; refused for an account that may not sign in. */
export async function issueSignInLink(deps: AppDeps, actor: AuditActor, userId: string): Promise<{ url: string; expiresAt: string }> {
  const { db } = deps.database;
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound('người dùng');
  const refusal = signInRefusal(user);
  if (refusal) throw conflict(refusal.replace('Xin liên hệ quản trị hệ thống.', '').trim() + ' Không cấp liên kết đăng nhập cho tài khoản này.', [{ field: 'id', message: user.disabledAt ? 'tài khoản đã bị khóa' : 'quyền truy cập đã bị thu hồi' }]);
  const { token, expiresAt } = await signerOf(deps).sign(user.id);
  await recordAudit(db, actor, { action: 'user.sign_in_link', targetType: 'user', targetId: user.id, targetLabel: user.name, after: { expiresAt: expiresAt.toISOString() } });
  return { url: signInLinkUrl(deps.config.publicUrl, token), expiresAt: expiresAt.toISOString() };
}

/**
 * Mail a sign-in link to every active account with this address. Says nothing about whether there
 * is one (the caller answers the same either way); at most one mail per account per ten minutes.
 */
export async function mailSignInLinks(deps: AppDeps, email: string): Promise<number> {
  const { db } = deps.database;
  const accounts = await activeUsersByEmail(db, email);
  const bucket = Math.floor(Date.now() / (SIGN_IN_MAIL_EVERY_MINUTES * 60_000));
  let queued = 0;
  for (const user of accounts) {
    const idempotencyKey = `${SIGN_IN_MAIL_KIND}:${user.id}:${bucket}`;
    const [existing] = await db.select({ id: outbox.id, status: outbox.status }).from(outbox).where(eq(outbox.idempotencyKey, idempotencyKey));
    let message = existing;
    if (!message) {
      const { token, expiresAt } = await signerOf(deps).sign(user.id);
      const mail = renderSignInMail({ language: user.language, name: user.name, url: signInLinkUrl(deps.config.publicUrl, token), expiresAt: localTime(expiresAt, user.language) });
      [message] = await db
        .insert(outbox)
        .values({
          idempotencyKey,
          kind: SIGN_IN_MAIL_KIND,
          language: user.language,
          recipient: `user:${user.id}`,
          to: [user.email],
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          scheduledFor: new Date(),
          messageId: `<${randomUUID()}@giaoviec>`,
        })
        .onConflictDoNothing({ target: outbox.idempotencyKey })
        .returning({ id: outbox.id, status: outbox.status });
      // Two requests at once: the other one wrote it.
      if (!message) [message] = await db.select({ id: outbox.id, status: outbox.status }).from(outbox).where(eq(outbox.idempotencyKey, idempotencyKey));
    }
    if (message?.status !== 'pending') continue;
    // The delivery workflow retries through an SMTP outage; starting it again (a retry of this request) is a no-op.
    try {
      await deps.temporal.workflow.start(mailDeliveryWorkflow, { workflowId: deliveryWorkflowId(message.id), taskQueue: TASK_QUEUE, args: [{ outboxId: message.id }] });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
    queued++;
  }
  return queued;
}

/**
 * Redeem a sign-in link for a session, once: the link is marked used and the session opened in one
 * transaction, so a failure spends nothing and two presses at once open one session.
 */
export async function redeemSignInLink(deps: AppDeps, link: string): Promise<{ token: string; expiresAt: string }> {
  let verified;
  try {
    verified = await signerOf(deps).verify(link);
  } catch (err) {
    if (!(err instanceof InvalidLinkError)) throw err;
    if (err.reason === 'expired') throw new HttpError(410, 'link_expired', `Liên kết đăng nhập đã hết hạn (mỗi liên kết có hiệu lực ${SIGN_IN_LINK_TTL_HOURS} giờ). Xin đề nghị liên kết mới.`, [{ field: 'link', message: 'đã hết hạn' }]);
    throw new HttpError(400, 'link_invalid', 'Liên kết đăng nhập không hợp lệ hoặc đã bị sửa đổi.', [{ field: 'link', message: 'không hợp lệ' }]);
  }
  return deps.database.db.transaction(async (tx) => {
    const used = await tx.insert(usedLinks).values({ jti: verified.jti, purpose: 'signin' }).onConflictDoNothing().returning({ jti: usedLinks.jti });
    if (used.length === 0) throw new HttpError(409, 'link_used', 'Liên kết đăng nhập này đã được dùng; mỗi liên kết chỉ dùng được một lần. Xin đề nghị liên kết mới.', [{ field: 'link', message: 'đã được dùng' }]);
    const [user] = await tx.select().from(users).where(eq(users.id, verified.userId)).for('update');
    if (!user) throw new HttpError(400, 'link_invalid', 'Liên kết đăng nhập không còn ứng với tài khoản nào.', [{ field: 'link', message: 'không hợp lệ' }]);
    const refusal = signInRefusal(user);
    if (refusal) throw new HttpError(403, 'forbidden', refusal, [{ field: 'link', message: user.disabledAt ? 'tài khoản đã bị khóa' : 'quyền truy cập đã bị thu hồi' }]);
    return openSession(tx, user.id, 'link', deps.config.SESSION_TTL_HOURS);
  });
}
