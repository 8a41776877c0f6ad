import type { Response } from 'express';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { agencies, usedLinks } from '../../db/schema';
import { renderMessagePage, type PageAction } from '../../domain/message-page';
import { consumeLinkOnce, createLinkSigner, InvalidLinkError, loadLinkSecret, type VerifiedLink } from '../../runtime/links';
import { taskWorkflowId } from '../../workflows/constants';
import { acknowledgeTaskUpdate } from '../../workflows/messages';
import type { AppDeps } from '../context';
import { route } from '../route';
import { loadTaskView } from '../services/tasks';

// No length rules here: whatever is not a genuine link gets the same page (Node caps the URL's size).
const tokenParam = z.object({ token: z.string() });

/** A small page in the product's language: the person clicked a link in a mail, not an API. */
export function page(res: Response, status: number, title: string, paragraphs: string[], action?: PageAction) {
  res.status(status).type('html').set('Cache-Control', 'no-store').send(renderMessagePage(title, paragraphs, action));
}

async function verified(deps: AppDeps, res: Response, token: string): Promise<VerifiedLink | undefined> {
  try {
    return await createLinkSigner(loadLinkSecret(deps.config)).verify(token);
  } catch (err) {
    if (!(err instanceof InvalidLinkError)) throw err;
    page(res, err.reason === 'expired' ? 410 : 400, err.reason === 'expired' ? 'Liên kết đã hết hạn' : 'Liên kết không hợp lệ', [err.message], {
      label: 'Đăng nhập Giao việc',
      href: '/signin',
    });
    return undefined;
  }
}

async function alreadyUsed(deps: AppDeps, jti: string): Promise<boolean> {
  return (await deps.database.db.select({ jti: usedLinks.jti }).from(usedLinks).where(eq(usedLinks.jti, jti))).length > 0;
}

function usedPage(res: Response, taskId: string) {
  page(res, 409, 'Liên kết đã được dùng', ['Mỗi liên kết trong thư chỉ dùng được một lần. Xin đăng nhập để xem nhiệm vụ.'], {
    label: 'Đăng nhập và mở nhiệm vụ',
    href: `/signin?next=${encodeURIComponent(`/tasks/${taskId}`)}`,
  });
}

/**
 * One-click links from mails (DESIGN.md §7): signed, expiring, single-use. Opening a link never changes
 * anything by itself — mail scanners follow links — so an acknowledgement asks for one press of a button.
 */
export const linkRoutes = [
  route({
    method: 'get',
    path: '/l/:token',
    tag: 'links',
    summary: 'A link from a mail: a page to confirm the acknowledgement, or the task itself',
    auth: 'public',
    params: tokenParam,
    responses: { 200: { description: 'A confirmation page' }, 302: { description: 'To the task in the UI' }, 400: { description: 'Not a valid link' }, 409: { description: 'Already used' }, 410: { description: 'Expired' } },
    async handler({ deps, res, params }) {
      const link = await verified(deps, res, params.token);
      if (!link) return;
      if (await alreadyUsed(deps, link.jti)) return usedPage(res, link.taskId);
      const task = await loadTaskView(deps, link.taskId);
      if (!task) return page(res, 404, 'Không tìm thấy nhiệm vụ', ['Nhiệm vụ này không còn trong hệ thống.']);
      if (link.purpose === 'open') {
        await consumeLinkOnce(deps.database.db, link.jti, 'open');
        res.redirect(302, `/tasks/${task.id}`);
        return;
      }
      page(
        res,
        200,
        'Xác nhận tiếp nhận nhiệm vụ',
        [task.title, `Hạn hoàn thành: ${task.dueDate.split('-').reverse().join('/')}`],
        { label: 'Tiếp nhận nhiệm vụ', post: true },
      );
    },
  }),
  route({
    method: 'post',
    path: '/l/:token',
    tag: 'links',
    summary: 'Acknowledge a task from a mail, in the name of the agency the mail was sent to',
    auth: 'public',
    params: tokenParam,
    responses: { 200: { description: 'Acknowledged (or already was)' }, 400: { description: 'Not a valid link' }, 409: { description: 'Already used' }, 410: { description: 'Expired' } },
    async handler({ deps, res, params }) {
      const link = await verified(deps, res, params.token);
      if (!link) return;
      if (link.purpose !== 'ack') return page(res, 400, 'Liên kết không hợp lệ', ['Liên kết này chỉ dùng để mở nhiệm vụ.']);
      if (await alreadyUsed(deps, link.jti)) return usedPage(res, link.taskId);
      const [agency] = await deps.database.db.select({ name: agencies.name }).from(agencies).where(eq(agencies.code, link.agencyCode));
      const actor = { userId: null, name: `${agency?.name ?? link.agencyCode} (qua liên kết trong thư)`, role: 'agency' as const, agencyCode: link.agencyCode, via: 'link' as const };
      let done = 'Đơn vị đã tiếp nhận nhiệm vụ. Nhắc việc về tiếp nhận sẽ dừng.';
      try {
        // The link's id is the update id: two presses at once make one acknowledgement.
        await deps.temporal.workflow.getHandle(taskWorkflowId(link.taskId)).executeUpdate(acknowledgeTaskUpdate, { args: [{ actor }], updateId: `link-${link.jti}` });
      } catch (err) {
        if (!(err instanceof WorkflowUpdateFailedError || err instanceof WorkflowNotFoundError)) throw err;
        done = 'Nhiệm vụ đã được tiếp nhận trước đó, hoặc không còn mở.';
      }
      // Used only once it has done its work: a press that failed (Temporal unreachable) can be repeated.
      await consumeLinkOnce(deps.database.db, link.jti, 'ack');
      page(res, 200, 'Đã tiếp nhận', [done], { label: 'Đăng nhập và mở nhiệm vụ', href: `/signin?next=${encodeURIComponent(`/tasks/${link.taskId}`)}` });
    },
  }),
];
