/**
 * Reminders: `--reminder-tasks` tasks of `--agencies` agencies with a due reminder on the same day.
 * The product's own activities run them, in activity context (MockActivityEnvironment) so that no
 * worker adds its scheduling: `recordNotification` per task (what each task workflow calls at 08:00),
 * then per agency `composeDigest` and `deliverOutboxMessage` to a real in-process SMTP server (what the
 * digest and delivery workflows call). The digest workflow's collection window (two quiet minutes, by
 * design) is a deliberate wait, not work, and is left out; everything else is timed. Baseline: nodemailer
 * sending the same 50 messages (as composed) straight to the same server.
 */
import { and, eq } from 'drizzle-orm';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createActivities } from '../../activities';
import type { ComposeDigestInput, RecordNotificationInput } from '../../activities/mail';
import { outbox } from '../../db/schema';
import { startSmtpServer } from '../../tests/helpers/smtp';
import type { BenchContext } from '../context';
import { insertAssignedTasks, insertPlan } from '../generate';
import { pool, summarize, timed } from '../stats';
import { measured, type CaseResult } from '../types';

/** Activities in flight, as the worker's default slots and the read model's pool allow. */
const RECORD_CONCURRENCY = 20;
/** Digests composed and sent at once (digest and delivery workflows run side by side). */
const SEND_CONCURRENCY = 10;
const DUE_DATE = '2027-06-30';

/** An activity in activity context (the SDK's `run` loses the return type through its generics). */
const inActivity = <A, R>(env: MockActivityEnvironment, fn: (a: A) => Promise<R>, a: A): Promise<R> => env.run(fn, a) as Promise<R>;

export async function reminders(ctx: BenchContext): Promise<CaseResult[]> {
  const { reminderTasks: n, agencies, reps } = ctx.opts;
  const leads = ctx.leads.slice(0, agencies);
  const smtp = await startSmtpServer();
  const mailer = smtp.transport();
  const acts = createActivities({ db: ctx.database.db, logger: ctx.logger, client: ctx.server.client, mailer, config: ctx.config });
  // Digest and delivery workflows go to a queue nobody polls: the bench runs their activities itself.
  const envs = Array.from({ length: RECORD_CONCURRENCY }, () => new MockActivityEnvironment({ taskQueue: 'bench-reminders-unpolled' }));
  ctx.log(`reminders: ${n} tasks of ${agencies} agencies`);
  const planId = await insertPlan(ctx.database.db, { code: 'REMINDERS', periodStart: '2026-01-01', periodEnd: '2030-12-31' });
  const taskIds = await insertAssignedTasks(ctx.database.db, { planId, count: n, leads, dueDate: DUE_DATE, startDate: '2026-01-01', label: 'reminders', coordinating: true });

  /** One day's reminders for `ids`: record, then compose and send a digest per agency. */
  const runDay = async (ids: string[], day: string) => {
    const scheduledFor = `${day}T01:00:00.000Z`;
    const record = await timed(() =>
      pool(ids, RECORD_CONCURRENCY, async (taskId, i) => {
        const input: RecordNotificationInput = {
          key: `task-${taskId}:due_reminder:${scheduledFor}`,
          kind: 'due_reminder',
          taskId,
          planId,
          scheduledFor,
          to: ['lead'],
          cc: ['coordinating'],
          data: { dueDate: DUE_DATE },
        };
        await inActivity(envs[i % envs.length]!, acts.recordNotification, input);
      }),
    );
    const before = smtp.messages.length;
    const send = await timed(() =>
      pool(leads, SEND_CONCURRENCY, async (a, i) => {
        const env = envs[i % envs.length]!;
        const digest: ComposeDigestInput = { recipient: `agency:${a.code}`, day, sequence: 1 };
        const composed = await inActivity(env, acts.composeDigest, digest);
        if (!composed.outboxId) throw new Error(`no digest for ${a.code} on ${day}`);
        const delivered = await inActivity(env, acts.deliverOutboxMessage, { outboxId: composed.outboxId });
        if (delivered.status !== 'sent') throw new Error(`digest for ${a.code} was ${delivered.status}: ${delivered.error}`);
      }),
    );
    const digests = await ctx.database.db.$count(outbox, and(eq(outbox.day, day), eq(outbox.kind, 'digest')));
    return { recordMs: record.ms, sendMs: send.ms, digests, received: smtp.messages.length - before };
  };

  // The baseline sends the very messages the product composed that day (subject, text and HTML, to the
  // same addresses) straight with nodemailer: the same bytes on the wire, without the product around them.
  const baseline = async (day: string) => {
    const messages = await ctx.database.db.select({ to: outbox.to, subject: outbox.subject, text: outbox.text, html: outbox.html }).from(outbox).where(and(eq(outbox.day, day), eq(outbox.kind, 'digest')));
    return timed(() =>
      pool(messages, SEND_CONCURRENCY, async (m) => {
        await mailer.sendMail({ from: ctx.config.MAIL_FROM, to: m.to, subject: m.subject, text: m.text, html: m.html });
      }),
    );
  };

  try {
    ctx.log('reminders: warm-up');
    await runDay(taskIds.slice(0, Math.min(taskIds.length, 500)), '2027-01-04');
    await baseline('2027-01-04');
    const rec: number[] = [];
    const send: number[] = [];
    const total: number[] = [];
    const base: number[] = [];
    const counts: { digests: number; received: number }[] = [];
    for (let r = 0; r < reps; r++) {
      const day = `2027-01-${String(5 + r).padStart(2, '0')}`;
      const d = await runDay(taskIds, day);
      rec.push(d.recordMs);
      send.push(d.sendMs);
      total.push(d.recordMs + d.sendMs);
      counts.push({ digests: d.digests, received: d.received });
      const before = smtp.messages.length;
      base.push((await baseline(day)).ms);
      if (smtp.messages.length - before !== agencies) throw new Error('the baseline did not deliver every message');
      ctx.log(`reminders ${r + 1}/${reps}: record ${(d.recordMs / 1000).toFixed(1)} s, digests ${d.sendMs.toFixed(0)} ms (${d.received} received), baseline ${base[r]!.toFixed(0)} ms`);
    }
    const exact = counts.every((c) => c.digests === agencies && c.received === agencies);
    const b = summarize(base);
    const s = summarize(send);
    const t = summarize(total);
    const detail = { tasks: n, agencies, perRepetition: counts, recordMs: summarize(rec), recordConcurrency: RECORD_CONCURRENCY, sendConcurrency: SEND_CONCURRENCY };
    return [
      {
        name: `reminders: ${agencies} digests of ${n} tasks`,
        ours: measured('compose + deliver the digests', 'ms', s),
        baseline: measured(`nodemailer × ${agencies}, same messages`, 'ms', b),
        ratio: s.median / b.median,
        target: `exactly ${agencies} digests; ≤ 3 ×`,
        pass: exact && s.median / b.median <= 3,
        detail,
        notes: [`digests per repetition: ${counts.map((c) => c.received).join(', ')}`],
      },
      {
        name: `reminders end to end (${n} notifications)`,
        ours: measured('record every notification + digests', 'ms', t),
        baseline: measured(`nodemailer × ${agencies}`, 'ms', b),
        ratio: t.median / b.median,
        target: 'where the time goes',
        pass: t.median / b.median <= 3,
        informative: true,
        detail: {},
        notes: ['includes one recordNotification per task (its rows; the digest signals are coalesced, about one per agency and burst), which no baseline message does'],
      },
    ];
  } finally {
    mailer.close();
    await smtp.close();
  }
}
