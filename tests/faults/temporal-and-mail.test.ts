/**
 * The Temporal dev server killed (-9) and started again on the same database file while mail waits
 * for its next delivery attempt and while commands arrive; then an SMTP outage during which the worker
 * is killed. Every message arrives exactly once, every command is done once or refused with 503.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, taskEvents } from '../../db/schema';
import { deliveryWorkflowId } from '../../workflows/constants';
import { pool } from '../../bench/stats';
import { waitFor } from '../helpers/wait';
import { recordFaults, startFaultStack, type FaultStack } from './harness';
import { appendix, commitAppendix, eventsPerTask, expectAllOnce, seedProvince, waitAllProjected, type Province } from './province';

let stack: FaultStack;
let province: Province;
let tasks: { id: string; leadAgency: string }[];

beforeAll(async () => {
  stack = await startFaultStack('temporal_mail');
  province = await seedProvince(stack);
  const committed = await commitAppendix(stack, province, appendix(province, 60, 7));
  expect(committed.status, JSON.stringify(committed.body)).toBe(202);
  await waitAllProjected(stack, province.planId, 60);
  const listed = await stack.request('GET', `/api/tasks?plan=${province.planId}&limit=100`, { token: province.coordinator });
  tasks = listed.body.items;
});
afterAll(() => stack?.close());

/** Outbox messages about these tasks' cancellations (status changes go out at once, one per recipient). */
async function cancellationMail(since: Date) {
  const rows = await stack.database.db.select({ id: outbox.id, status: outbox.status, messageId: outbox.messageId, attempts: outbox.attempts, createdAt: outbox.createdAt }).from(outbox).where(eq(outbox.kind, 'status_change'));
  return rows.filter((r) => r.createdAt >= since);
}

/** How many times the SMTP server received each message of `rows` (by its Message-ID). */
function receivedCounts(rows: { messageId: string }[]): Map<string, number> {
  const received = new Map<string, number>();
  for (const m of stack.smtp.messages) received.set(m.messageId, (received.get(m.messageId) ?? 0) + 1);
  return new Map(rows.map((r) => [r.messageId, received.get(r.messageId) ?? 0]));
}

/** Each outbox message of `rows` received by the SMTP server exactly once (by its Message-ID). */
const deliveredOnce = (rows: { messageId: string }[]) => expectAllOnce(receivedCounts(rows), 'each message received once');

const cancel = (task: { id: string }, key: string) =>
  stack.request('POST', `/api/tasks/${task.id}/cancel`, { token: province.coordinator, headers: { 'Idempotency-Key': key }, body: { reason: 'Không còn phù hợp với kế hoạch' } });
const progress = (task: { id: string; leadAgency: string }, key: string) =>
  stack.request('POST', `/api/tasks/${task.id}/progress`, { token: province.clerks.get(task.leadAgency), headers: { 'Idempotency-Key': key }, body: { percent: 40, note: 'Đã triển khai' } });

describe('the Temporal server killed and restarted on the same file', () => {
  it('mail waiting for a retry goes out once after the restart; commands during the outage are done once or refused with 503', async () => {
    const since = new Date();
    const toCancel = tasks.slice(0, 10);
    const toReport = tasks.slice(10, 30);

    // The mail server is down: each cancellation's mail fails its first attempt and waits 30 s on a server-side retry timer.
    await stack.smtp.stop();
    for (const t of toCancel) expect((await cancel(t, `cancel-${t.id}`)).status).toBe(200);
    const waiting = await waitFor(() => cancellationMail(since), (rows) => rows.length >= toCancel.length && rows.every((r) => r.attempts >= 1), 'first delivery attempts failed');
    // ...and the server has each failure (the second attempt is scheduled): a failure still on its way
    // when the server dies leaves that attempt to its 3-minute start-to-close timeout instead.
    const scheduledAttempts = () =>
      Promise.all(waiting.map(async (r) => (await stack.client.workflow.getHandle(deliveryWorkflowId(r.id)).describe()).raw.pendingActivities?.[0]?.attempt ?? 0));
    await waitFor(scheduledAttempts, (attempts) => attempts.every((a) => a >= 2), 'every delivery waiting on its retry timer');

    await stack.temporal.kill();
    const during = new Map<string, number>();
    await pool(toReport.slice(0, 10), 5, async (t) => void during.set(t.id, (await progress(t, `progress-${t.id}`)).status));
    for (const [id, status] of during) expect([200, 503], `progress on ${id} while Temporal is down`).toContain(status);
    const refused = [...during].filter(([, s]) => s === 503).map(([id]) => id);
    // A refused command left nothing behind.
    if (refused.length) {
      const half = await stack.database.db.select().from(taskEvents).where(and(inArray(taskEvents.taskId, refused), eq(taskEvents.type, 'progress_reported')));
      expect(half).toEqual([]);
    }

    await stack.temporal.start();
    await stack.smtp.start();
    const backAt = Date.now();
    // Commands arrive while the worker reconnects; the refused ones are sent again with their key.
    await pool(toReport, 5, async (t) => expect((await progress(t, `progress-${t.id}`)).status).toBe(200));

    const sent = await waitFor(() => cancellationMail(since), (rows) => rows.every((r) => r.status === 'sent'), 'every cancellation mail sent', 180_000);
    // The retry timer set before the crash fired on its schedule (30 s backoff, doubling), not lost.
    expect(Date.now() - backAt).toBeLessThan(150_000);
    const mails = deliveredOnce(sent);

    const reported = expectAllOnce(await eventsPerTask(stack, province.planId, 'progress_reported', toReport), 'one progress event per task');
    const cancelled = expectAllOnce(await eventsPerTask(stack, province.planId, 'cancelled', toCancel), 'one cancellation per task');
    const report = await stack.verify();
    expect(report.mismatches).toEqual([]);
    recordFaults(
      {
        scenario: `Temporal kill -9 + restart (${refused.length} of 10 commands refused with 503 and retried; ${sent.length} mails waiting on retry timers)`,
        faults: 2,
        lost: mails.lost + reported.lost + cancelled.lost,
        duplicated: mails.duplicated + reported.duplicated + cancelled.duplicated,
      },
      report,
    );
  });
});

describe('an SMTP outage with the worker killed during delivery', () => {
  it('every message arrives exactly once when the server is back', async () => {
    const since = new Date();
    const toCancel = tasks.slice(30, 50);
    await stack.smtp.stop();
    for (const t of toCancel) expect((await cancel(t, `cancel-${t.id}`)).status).toBe(200);
    const waiting = await waitFor(() => cancellationMail(since), (rows) => rows.length >= toCancel.length && rows.every((r) => r.attempts >= 1), 'first delivery attempts failed');
    // ...and the server has each failure (the second attempt is scheduled): a failure still on its way
    // when the server dies leaves that attempt to its 3-minute start-to-close timeout instead.
    const scheduledAttempts = () =>
      Promise.all(waiting.map(async (r) => (await stack.client.workflow.getHandle(deliveryWorkflowId(r.id)).describe()).raw.pendingActivities?.[0]?.attempt ?? 0));
    await waitFor(scheduledAttempts, (attempts) => attempts.every((a) => a >= 2), 'every delivery waiting on its retry timer');

    // Back up; kill the worker as soon as the first retried message is through, in the middle of the rest.
    await stack.smtp.start();
    const before = stack.smtp.messages.length;
    await waitFor(async () => stack.smtp.messages.length, (n) => n > before, 'the first retried message', 120_000);
    await stack.worker.kill();
    const atKill = await cancellationMail(since);
    await stack.worker.start();

    const sent = await waitFor(() => cancellationMail(since), (rows) => rows.every((r) => r.status === 'sent'), 'every message sent', 240_000);
    // No SMTP client can know whether a server that took a message's last line answered before the
    // client died: a message the kill caught inside that exchange (still `sending` in the outbox) may be
    // sent again, with the same stored Message-ID, by which mail systems show it once. Any other
    // second copy, or a third, is a duplicate; a message never received is lost.
    const inFlight = new Set(atKill.filter((r) => r.status === 'sending').map((r) => r.messageId));
    const counts = receivedCounts(sent);
    const resent = [...counts].filter(([id, n]) => n === 2 && inFlight.has(id)).length;
    const mails = {
      lost: [...counts.values()].filter((n) => n === 0).length,
      duplicated: [...counts].filter(([id, n]) => n > 2 || (n === 2 && !inFlight.has(id))).length,
    };
    expect(mails, 'each message received once (a message in flight at the kill: at most again, same Message-ID)').toEqual({ lost: 0, duplicated: 0 });
    const report = await stack.verify();
    expect(report.mismatches).toEqual([]);
    recordFaults(
      {
        scenario: `SMTP outage + worker kill -9 during delivery (${atKill.filter((r) => r.status === 'sent').length} of ${sent.length} sent at the kill, ${inFlight.size} in flight; ${resent} of those sent again with the same Message-ID)`,
        faults: 2,
        ...mails,
      },
      report,
    );
  });
});
