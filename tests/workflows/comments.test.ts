/**
 * A comment that names agencies, from the task workflow's Update to the named agency's inbox: the real
 * worker and activities on the time-skipping server, the day's digest workflow, and an in-process SMTP
 * server. Each named agency finds the comment once, in its digest of the day; the author's agency does not.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { notifications, taskEvents, tasks } from '../../db/schema';
import { localDate } from '../../domain/calendar';
import { allMentions } from '../../domain/comments';
import { DEFAULT_REMINDER_POLICY } from '../../domain/plan-settings';
import { initialTaskState, type Actor } from '../../domain/task-machine';
import { searchableText } from '../../domain/text';
import type { DeliveryResult } from '../../activities/mail';
import { TASK_QUEUE, taskWorkflowId } from '../../workflows/constants';
import type { DigestResult } from '../../workflows/types';
import { deliveryWorkflowId, digestWorkflowId } from '../../workflows/constants';
import { acknowledgeTaskUpdate, commentTaskUpdate, getTaskQuery } from '../../workflows/messages';
import { taskWorkflow } from '../../workflows/task';
import { startMailStack, type MailStack } from '../helpers/mail-stack';
import type { TestDatabase } from '../helpers/db';
import type { TestSmtpServer } from '../helpers/smtp';

const VPUBND = 'vanthu@vpubnd.example.gov.vn';
const STC = 'vanthu@stc.example.gov.vn';
const STTTT = 'vanthu@stttt.example.gov.vn';

let env: TestWorkflowEnvironment;
let database: TestDatabase;
let smtp: TestSmtpServer;
let planId: string;

let stack: MailStack;
beforeAll(async () => {
  stack = await startMailStack('comments_wf');
  ({ env, database, smtp, planId } = stack);
});
afterAll(() => stack?.stop());

const lead: Actor = { userId: randomUUID(), name: 'Nguyễn Thị Văn thư', role: 'agency', agencyCode: 'STTTT' };
const coordinator: Actor = { userId: randomUUID(), name: 'Trần Văn Điều phối', role: 'coordinator', agencyCode: 'VPUBND' };

async function startTask(title: string) {
  const id = randomUUID();
  const now = new Date(await env.currentTimeMs());
  const row = { title, leadAgencyCode: 'STTTT', coordinatingAgencyCodes: ['STC'], kind: 'new' as const, startDate: '2026-01-01', dueDate: '2030-12-31' };
  await database.db.insert(tasks).values({ id, planId, ...row, titleSearch: searchableText(title), originalDueDate: row.dueDate, createdAt: now });
  const state = initialTaskState({ taskId: id, planId, parentId: null, childIds: [], ...row, assignedAt: now.toISOString() });
  const handle = await env.client.workflow.start(taskWorkflow, {
    taskQueue: TASK_QUEUE,
    workflowId: taskWorkflowId(id),
    args: [{ state, policy: DEFAULT_REMINDER_POLICY, createdBy: coordinator }],
  });
  return { id, handle };
}

// One wait at a time: each result() lets the test server skip time, and two at once can leave it locked.
const digestOf = (recipient: string, day: string) => env.client.workflow.getHandle<() => Promise<DigestResult>>(digestWorkflowId(recipient, day)).result();
const delivered = (outboxId: string) => env.client.workflow.getHandle<() => Promise<DeliveryResult>>(deliveryWorkflowId(outboxId)).result();

async function digestMail(recipient: string, day: string, address: string) {
  const { outboxIds } = await digestOf(recipient, day);
  expect(outboxIds).toHaveLength(1);
  expect((await delivered(outboxIds[0]!)).status).toBe('sent');
  const mails = smtp.messagesTo(address);
  expect(mails).toHaveLength(1);
  return mails[0]!;
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('a comment that names agencies', () => {
  it('reaches each named agency once, as one line of its daily digest, with the author and the text; the author’s agency gets no such line', async () => {
    const title = 'Xây dựng nền tảng tích hợp, chia sẻ dữ liệu tỉnh';
    const { id, handle } = await startTask(title);
    await handle.executeUpdate(acknowledgeTaskUpdate, { args: [{ actor: lead }] });
    const text = 'Đề nghị @STC sớm có ý kiến về kinh phí; kính báo @VPUBND tiến độ chậm do chờ vốn.';
    // As the API sends it: the agencies picked and those written `@CODE`. Sở Tài chính is both: one line still.
    const mentions = allMentions(text, ['STC', 'STTTT']);
    const answer = await handle.executeUpdate(commentTaskUpdate, { args: [{ actor: lead, text, mentions, coordinatorAgencyCode: 'VPUBND' }] });
    expect(answer.task).toMatchObject({ id, status: 'in_progress' });
    expect((await handle.query(getTaskQuery)).state).toMatchObject({ status: 'in_progress', seq: 3 });

    const [event] = await database.db.select().from(taskEvents).where(and(eq(taskEvents.taskId, id), eq(taskEvents.type, 'commented')));
    expect(event).toMatchObject({ seq: 3, note: text, actorName: lead.name, actorAgencyCode: 'STTTT', data: { mentions: ['STC', 'STTTT', 'VPUBND'] } });
    const day = localDate(event!.at.getTime());
    const recorded = await database.db.select().from(notifications).where(and(eq(notifications.taskId, id), eq(notifications.kind, 'mention')));
    expect(recorded.map((n) => n.recipient).sort()).toEqual(['agency:STC', 'agency:VPUBND']);

    // The plan's coordinating office: nothing else was due to it today, so its digest is this one line.
    const office = await digestMail('agency:VPUBND', day, VPUBND);
    expect(office.subject).toBe('[Giao việc] Trao đổi về nhiệm vụ: 1 nhiệm vụ của Văn phòng UBND tỉnh');
    expect(office.text).toContain('== Đơn vị được nhắc đến trong trao đổi (1) ==');
    expect(office.text).toMatch(/^1\. /m);
    expect(office.text).not.toMatch(/^2\. /m);
    expect(office.text).toContain(title);
    expect(office.text).toContain('Ý kiến của Nguyễn Thị Văn thư, Sở Thông tin và Truyền thông:');
    expect(occurrences(office.text, text)).toBe(1);
    expect(office.text).toContain('Đơn vị chủ trì: Sở Thông tin và Truyền thông');
    expect(office.text).toMatch(/Mở nhiệm vụ: http:\/\/giaoviec\.test\/l\/\S+/);
    expect(occurrences(office.html, 'kính báo @VPUBND tiến độ chậm do chờ vốn.')).toBe(1);

    // The coordinating agency's digest of the day also copies it the assignment: the comment is there once.
    const partner = await digestMail('agency:STC', day, STC);
    expect(partner.text).toContain('== Đơn vị được nhắc đến trong trao đổi (1) ==');
    expect(occurrences(partner.text, text)).toBe(1);

    // The lead wrote it: its digest (the assignment) has no line about the comment.
    const author = await digestMail('agency:STTTT', day, STTTT);
    expect(author.text).not.toContain('trao đổi');
    expect(author.text).not.toContain(text);
    expect(smtp.messages).toHaveLength(3);
  });
});
