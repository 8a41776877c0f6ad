/**
 * Reliable email (DESIGN.md §7): from a notification a workflow records to a message delivered
 * exactly once.
 *
 * recordNotification  resolves audiences to recipients and writes one `notifications` row each (the
 *                     key makes a retry a no-op). Reminders wake the recipient's digest workflow of
 *                     the day; status changes are composed at once and handed to a delivery workflow.
 * composeDigest       turns a recipient's pending notifications of a day into one `outbox` row,
 *                     after dropping the stale ones (task closed, deadline moved).
 * deliverOutboxMessage sends one outbox row over SMTP, idempotently, with its stored Message-ID.
 *
 * Task workflows only await recordNotification, a quick write and a signal: SMTP never blocks them.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { Context, log } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Transporter } from 'nodemailer';
import type { Db, Tx } from '../db/client';
import { agencies, agencyGroupMembers, agencyReports, notifications, outbox, plans, tasks, users } from '../db/schema';
import {
  DEADLINE_KINDS,
  formatDate,
  isBatchedKind,
  renderDigest,
  renderNotice,
  type DigestItem,
  type MailPlan,
  type MailTask,
  type NoticeModel,
  type RenderedMail,
} from '../domain/mail';
import type { Audience } from '../domain/reminder-plan';
import { localDate } from '../domain/calendar';
import { owedReportYear } from '../domain/deadline';
import { NOTIFICATION_KINDS, type Language, type NotificationKind, type OutboxStatus } from '../domain/vocabulary';
import type { Config } from '../runtime/config';
import { createLinkSigner, linkUrl, loadLinkSecret, type LinkSigner } from '../runtime/links';
import { createMailer } from '../runtime/mailer';
import { Coalescer } from './coalesce';
import {
  DIGEST_SIGNAL_REUSE_MS,
  PERMANENT_DELIVERY_ERROR,
  deliveryWorkflowId,
  digestWorkflowId,
  mailDeliveryWorkflow,
  mailDigestWorkflow,
  notificationRecordedSignal,
} from '../workflows/mail';

export type MailConfig = Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'publicUrl' | 'LINK_SECRET' | 'dataDir'>;

export interface MailDeps {
  db: Db;
  client: Client;
  /** Without one (no SMTP_URL), messages stay `pending` in the outbox. */
  mailer?: Transporter;
  config: MailConfig;
  /**
   * How long a digest signal this worker sent covers the notifications after it (DIGEST_SIGNAL_REUSE_MS,
   * at most). It relies on the worker's clock agreeing with the workflows' time: a time-skipping test
   * server breaks that by design, so its tests set 0 (one signal per notification).
   */
  digestSignalReuseMs?: number;
}

const AUDIENCES = ['lead', 'coordinating', 'coordinator', 'leadership'] as const satisfies readonly Audience[];

const recordNotificationInput = z.object({
  /** Unique per firing, e.g. `task-<id>:due_reminder:2027-01-15T01:00:00.000Z`. */
  key: z.string().min(1).max(500),
  kind: z.enum(NOTIFICATION_KINDS),
  taskId: z.guid().optional(),
  planId: z.guid(),
  cycleYear: z.number().int().optional(),
  /** The instant it was due to go out. */
  scheduledFor: z.iso.datetime({ offset: true }),
  to: z.array(z.enum(AUDIENCES)),
  cc: z.array(z.enum(AUDIENCES)),
  /**
   * Kind-specific. Reminders: `{ dueDate }` (the deadline reminded of: stale once it moves). Status
   * changes: `{ event, note, actorName, newDueDate, previousDueDate | currentDueDate, fromAgency,
   * toAgency }`. Annual report kinds: `{ dueDate, missing: agencyCodes }`; report_compiled:
   * `{ version, reportUrl? }`. Mentions: `{ note: the comment, actorName, actorAgency, mentions }`.
   */
  data: z.record(z.string(), z.unknown()),
  /**
   * Agencies addressed by code, besides the audiences: the annual cycle asks the agencies that have
   * not reported, and a comment names agencies, which no audience names.
   */
  agencyCodes: z.array(z.string().min(1)).optional(),
});

export type RecordNotificationInput = import('../workflows/types').RecordNotificationInput;

export interface ComposeDigestInput {
  recipient: string;
  day: string;
  /** The digest's number among this recipient's digests of the day: part of its idempotency key. */
  sequence: number;
}

export interface ComposeResult {
  outboxId: string | null;
  status: OutboxStatus | null;
  /** Notifications in the message. */
  count: number;
  /** Stale notifications dropped. */
  skipped: number;
}

export interface DeliveryResult {
  outboxId: string;
  status: OutboxStatus;
  attempts: number;
  error?: string;
}

/** Shown in the outbox and on the notification when a recipient has nowhere to send to. */
export const NO_ADDRESS = 'đơn vị chưa có địa chỉ email';


const agencyRecipient = (code: string) => `agency:${code}`;
const userRecipient = (id: string) => `user:${id}`;

interface ResolvedRecipient {
  recipient: string;
  agencyCode: string | null;
  userId: string | null;
  role: Audience | null;
  copy: boolean;
}

interface Profile {
  name: string;
  language: Language;
  agencyCode: string | null;
  to: string[];
  cc: string[];
}

type NotificationRow = typeof notifications.$inferSelect;
type TaskRow = typeof tasks.$inferSelect;

const invalidInput = (message: string) => ApplicationFailure.create({ type: 'InvalidInput', message, nonRetryable: true });

const uniqueEmails = (emails: string[]): string[] => {
  const seen = new Set<string>();
  return emails
    .map((e) => e.trim())
    .filter((e) => {
      const k = e.toLowerCase();
      if (!e || seen.has(k)) return false;
      seen.add(k);
      return true;
    });
};

/** Agencies that have not reported (annual cycle), as the cycle workflow puts them in `data.missing`. */
const missingCodes = (n: { data: Record<string, unknown> }): string[] =>
  Array.isArray(n.data.missing) ? n.data.missing.filter((c): c is string => typeof c === 'string') : [];

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

export function createMailActivities(deps: MailDeps) {
  const { db, client, config } = deps;
  const mailer = deps.mailer ?? createMailer(config);
  const signer: LinkSigner = createLinkSigner(loadLinkSecret(config));
  // At 08:00 thousands of reminders wake the same few digest workflows: one signal per burst, not per task.
  const digestSignals = new Coalescer(Math.min(deps.digestSignalReuseMs ?? DIGEST_SIGNAL_REUSE_MS, DIGEST_SIGNAL_REUSE_MS));

  /** For each group among `codes` ("UBND các huyện, thành phố"), its members: one query for all audiences. */
  async function groupMembers(codes: string[]): Promise<Map<string, string[]>> {
    const members = codes.length
      ? await db
          .select({ group: agencyGroupMembers.groupCode, member: agencyGroupMembers.memberCode })
          .from(agencyGroupMembers)
          .where(inArray(agencyGroupMembers.groupCode, [...new Set(codes)]))
          .orderBy(asc(agencyGroupMembers.memberCode))
      : [];
    const byGroup = new Map<string, string[]>();
    for (const m of members) byGroup.set(m.group, [...(byGroup.get(m.group) ?? []), m.member]);
    return byGroup;
  }

  async function resolveRecipients(input: z.infer<typeof recordNotificationInput>): Promise<ResolvedRecipient[]> {
    // The task with its plan's coordinator, or the plan alone: one query either way.
    const [found] = input.taskId
      ? await db
          .select({ lead: tasks.leadAgencyCode, coordinating: tasks.coordinatingAgencyCodes, coordinator: plans.coordinatorAgencyCode, settings: plans.settings })
          .from(tasks)
          .innerJoin(plans, eq(plans.id, tasks.planId))
          .where(eq(tasks.id, input.taskId))
      : [];
    if (input.taskId && !found) log.warn('notification about a task with no row', { taskId: input.taskId, key: input.key });
    const task = found && { lead: found.lead, coordinating: found.coordinating };
    const plan = found ?? (await db.select({ coordinator: plans.coordinatorAgencyCode, settings: plans.settings }).from(plans).where(eq(plans.id, input.planId)))[0];
    const coordinator = plan?.coordinator;
    // The plan may name which leadership accounts hear of its escalations; otherwise every viewer does.
    const chosenLeaders = plan?.settings.escalation?.leadershipUserIds ?? [];

    const codesOf = (audience: Audience): string[] => {
      if (audience === 'lead' && task) return [task.lead];
      if (audience === 'coordinating' && task) return task.coordinating;
      if (audience === 'coordinator' && coordinator) return [coordinator];
      return [];
    };
    const audiences = [...input.to, ...input.cc];
    const members = await groupMembers([...audiences.flatMap(codesOf), ...(input.agencyCodes ?? [])]);
    // Plain codes first, then the groups' members in code order.
    const expand = (codes: string[]) => [...new Set([...codes.filter((c) => !members.has(c)), ...codes.flatMap((c) => members.get(c) ?? []).sort()])];
    const viewers = audiences.includes('leadership')
      ? await db
          .select({ id: users.id, agencyCode: users.agencyCode })
          .from(users)
          .where(and(eq(users.role, 'viewer'), isNull(users.disabledAt), ...(chosenLeaders.length ? [inArray(users.id, chosenLeaders)] : [])))
          .orderBy(asc(users.createdAt))
      : [];

    const out = new Map<string, ResolvedRecipient>();
    const add = (r: ResolvedRecipient) => {
      // The addressee's own copy wins over a copy "để phối hợp" to the same recipient.
      const had = out.get(r.recipient);
      if (!had || (had.copy && !r.copy)) out.set(r.recipient, r);
    };
    const resolve = (audience: Audience, copy: boolean) => {
      if (audience === 'leadership') {
        for (const v of viewers) add({ recipient: userRecipient(v.id), agencyCode: v.agencyCode, userId: v.id, role: audience, copy });
        return;
      }
      for (const code of expand(codesOf(audience))) add({ recipient: agencyRecipient(code), agencyCode: code, userId: null, role: audience, copy });
    };
    for (const audience of input.to) resolve(audience, false);
    for (const code of expand(input.agencyCodes ?? [])) add({ recipient: agencyRecipient(code), agencyCode: code, userId: null, role: null, copy: false });
    for (const audience of input.cc) resolve(audience, true);
    return [...out.values()];
  }

  /** Name, language and addresses as they are now: an address added since the firing is used. */
  async function profileOf(tx: Db | Tx, recipient: string): Promise<Profile> {
    if (recipient.startsWith('user:')) {
      const [u] = await tx.select().from(users).where(eq(users.id, recipient.slice(5)));
      if (!u) return { name: recipient, language: 'vi', agencyCode: null, to: [], cc: [] };
      return { name: u.name, language: u.language, agencyCode: u.agencyCode, to: u.disabledAt ? [] : uniqueEmails([u.email]), cc: [] };
    }
    const code = recipient.slice('agency:'.length);
    const [a] = await tx.select().from(agencies).where(eq(agencies.code, code));
    const clerks = await tx
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.agencyCode, code), eq(users.role, 'agency'), isNull(users.disabledAt)))
      .orderBy(asc(users.createdAt));
    // The agency's official mailbox (văn thư) is addressed; its clerks in the system are copied.
    const official = uniqueEmails(a?.emails ?? []);
    const personal = uniqueEmails(clerks.map((c) => c.email)).filter((e) => !official.some((o) => o.toLowerCase() === e.toLowerCase()));
    return {
      name: a?.name ?? code,
      language: a?.language ?? 'vi',
      agencyCode: code,
      to: official.length ? official : personal,
      cc: official.length ? personal : [],
    };
  }

  interface MailContext {
    tasks: Map<string, TaskRow & { leadAgencyName: string }>;
    plans: Map<string, MailPlan & { id: string }>;
    agencyNames: Map<string, string>;
  }

  async function loadContext(tx: Tx, rows: NotificationRow[]): Promise<MailContext> {
    const taskIds = [...new Set(rows.flatMap((r) => (r.taskId ? [r.taskId] : [])))];
    const taskRows = taskIds.length
      ? await tx.select({ task: tasks, leadAgencyName: agencies.name }).from(tasks).leftJoin(agencies, eq(agencies.code, tasks.leadAgencyCode)).where(inArray(tasks.id, taskIds))
      : [];
    const planIds = [...new Set([...rows.flatMap((r) => (r.planId ? [r.planId] : [])), ...taskRows.map((t) => t.task.planId)])];
    const planRows = planIds.length ? await tx.select({ id: plans.id, documentNumber: plans.documentNumber, title: plans.title }).from(plans).where(inArray(plans.id, planIds)) : [];
    const codes = new Set<string>();
    for (const r of rows) {
      for (const key of ['fromAgency', 'toAgency', 'actorAgency'] as const) {
        const code = str(r.data[key]);
        if (code) codes.add(code);
      }
      for (const code of missingCodes(r)) codes.add(code);
    }
    const names = codes.size ? await tx.select({ code: agencies.code, name: agencies.name }).from(agencies).where(inArray(agencies.code, [...codes])) : [];
    return {
      tasks: new Map(taskRows.map((t) => [t.task.id, { ...t.task, leadAgencyName: t.leadAgencyName ?? t.task.leadAgencyCode }])),
      plans: new Map(planRows.map((p) => [p.id, p])),
      agencyNames: new Map(names.map((n) => [n.code, n.name])),
    };
  }

  /** Why a batched notification no longer applies, or null when it still does. */
  async function staleReason(tx: Tx, n: NotificationRow, task: TaskRow | undefined): Promise<string | null> {
    if (n.taskId) {
      if (!task) return 'nhiệm vụ không còn trong hệ thống';
      // Someone's words to the agency: still worth reading after the task closed the same day.
      if (n.kind === 'mention') return null;
      if (task.status === 'completed') return 'nhiệm vụ đã hoàn thành';
      if (task.status === 'cancelled') return 'nhiệm vụ đã bị hủy';
      if ((n.kind === 'ack_reminder' || n.kind === 'ack_escalation') && task.status !== 'assigned') return 'nhiệm vụ đã được tiếp nhận';
      if ((n.kind === 'due_reminder' || n.kind === 'overdue_notice') && task.status === 'completion_submitted') return 'đơn vị đã báo cáo hoàn thành, chờ nghiệm thu';
      const remindedDue = str(n.data.dueDate);
      // The deadline that applies now (domain/deadline): a recurring task's moves on once its year is reported.
      const deadline = task.currentDueDate ?? task.dueDate;
      if (DEADLINE_KINDS.includes(n.kind) && remindedDue && remindedDue !== deadline) {
        if (task.kind === 'recurring' && (task.currentDueDate === null || remindedDue < task.currentDueDate)) return `đơn vị đã báo cáo năm ${remindedDue.slice(0, 4)}`;
        return `hạn hoàn thành đã đổi từ ${formatDate(remindedDue)} sang ${formatDate(deadline)}`;
      }
      if (n.recipientRole === 'lead' && !n.copy && !task.isGroup && n.recipientAgencyCode && n.recipientAgencyCode !== task.leadAgencyCode) {
        return 'đơn vị chủ trì đã thay đổi';
      }
      return null;
    }
    if ((n.kind === 'report_request' || n.kind === 'report_reminder') && n.planId && n.cycleYear && n.recipientAgencyCode) {
      const [submitted] = await tx
        .select({ n: count() })
        .from(agencyReports)
        .where(
          and(
            eq(agencyReports.planId, n.planId),
            eq(agencyReports.year, n.cycleYear),
            eq(agencyReports.agencyCode, n.recipientAgencyCode),
            isNull(agencyReports.supersededAt),
          ),
        );
      if ((submitted?.n ?? 0) > 0) return 'đơn vị đã nộp báo cáo năm';
    }
    return null;
  }

  const cycleUrl = (planId: string, year: number | null) => `${config.publicUrl}/plans/${planId}${year ? `/annual-cycles/${year}` : ''}`;

  async function linksFor(n: NotificationRow, task: TaskRow | undefined, agencyCode: string | null): Promise<DigestItem['links']> {
    if (!task) {
      const reportUrl = str(n.data.reportUrl);
      return { open: reportUrl ?? cycleUrl(n.planId ?? '', n.cycleYear) };
    }
    const open = linkUrl(config.publicUrl, await signer.sign({ purpose: 'open', taskId: task.id, agencyCode: agencyCode ?? '' }));
    // One click acknowledges, only for the lead agency and only while nobody has.
    const mayAck = !n.copy && n.recipient.startsWith('agency:') && agencyCode === task.leadAgencyCode && task.status === 'assigned';
    const ack = mayAck ? linkUrl(config.publicUrl, await signer.sign({ purpose: 'ack', taskId: task.id, agencyCode: task.leadAgencyCode })) : undefined;
    return ack ? { open, ack } : { open };
  }

  const mailTask = (t: TaskRow & { leadAgencyName: string }): MailTask => ({
    id: t.id,
    number: t.number,
    title: t.title,
    dueDate: t.currentDueDate ?? t.dueDate,
    reportYear: owedReportYear(t),
    status: t.status,
    leadAgencyName: t.leadAgencyName,
  });

  /** A mention's comment: its author with their agency, and its text. */
  const commentOf = (ctx: MailContext, n: NotificationRow): DigestItem['comment'] => {
    const agency = str(n.data.actorAgency);
    const author = [str(n.data.actorName), agency && (ctx.agencyNames.get(agency) ?? agency)].filter(Boolean).join(', ');
    return { author: author || '—', text: str(n.data.note) ?? '' };
  };

  const planOf = (ctx: MailContext, n: NotificationRow, task: TaskRow | undefined): MailPlan => {
    const plan = ctx.plans.get(task?.planId ?? n.planId ?? '');
    return plan ? { documentNumber: plan.documentNumber, title: plan.title } : { documentNumber: '—', title: '—' };
  };

  /** Write the message and link its notifications; `failed` at once when there is no address. */
  async function insertMessage(
    tx: Tx,
    m: { idempotencyKey: string; kind: NotificationKind | 'digest'; recipient: string; profile: Profile; day: string | null; planId: string | null; rows: NotificationRow[]; mail: RenderedMail },
  ): Promise<{ id: string; status: OutboxStatus }> {
    const addressed = m.profile.to.length > 0;
    const status: OutboxStatus = addressed ? 'pending' : 'failed';
    const scheduledFor = new Date(Math.min(...m.rows.map((r) => r.scheduledFor.getTime())));
    const [row] = await tx
      .insert(outbox)
      .values({
        idempotencyKey: m.idempotencyKey,
        kind: m.kind,
        language: m.profile.language,
        recipient: m.recipient,
        recipientAgencyCode: m.profile.agencyCode,
        to: m.profile.to,
        cc: m.profile.cc,
        subject: m.mail.subject,
        text: m.mail.text,
        html: m.mail.html,
        planId: m.planId,
        day: m.day,
        scheduledFor,
        status,
        lastError: addressed ? null : NO_ADDRESS,
        messageId: `<${randomUUID()}@giaoviec>`,
      })
      .returning({ id: outbox.id, status: outbox.status });
    await tx
      .update(notifications)
      .set({ outboxId: row!.id, status: addressed ? 'queued' : 'failed', reason: addressed ? null : NO_ADDRESS })
      .where(inArray(notifications.id, m.rows.map((r) => r.id)));
    return row!;
  }

  /** A status change or compiled report, as a message of its own. Idempotent by the notification's key. */
  async function composeNotice(notificationId: number): Promise<{ id: string; status: OutboxStatus } | null> {
    return db.transaction(async (tx) => {
      const [n] = await tx.select().from(notifications).where(eq(notifications.id, notificationId)).for('update');
      if (!n) return null;
      if (n.outboxId) {
        const [existing] = await tx.select({ id: outbox.id, status: outbox.status }).from(outbox).where(eq(outbox.id, n.outboxId));
        return existing ?? null;
      }
      const ctx = await loadContext(tx, [n]);
      const task = n.taskId ? ctx.tasks.get(n.taskId) : undefined;
      const profile = await profileOf(tx, n.recipient);
      const d = n.data;
      const event = str(d.event);
      const model: NoticeModel = {
        language: profile.language,
        recipientName: profile.name,
        day: n.day,
        kind: n.kind,
        copy: n.copy,
        plan: planOf(ctx, n, task),
        task: task ? mailTask(task) : undefined,
        cycleYear: n.cycleYear ?? undefined,
        event,
        actorName: str(d.actorName),
        note: str(d.note) ?? null,
        newDueDate: str(d.newDueDate) ?? (event === 'edited' ? str(d.dueDate) : undefined),
        previousDueDate: str(d.previousDueDate) ?? str(d.currentDueDate),
        fromAgencyName: str(d.fromAgency) && (ctx.agencyNames.get(str(d.fromAgency)!) ?? str(d.fromAgency)),
        toAgencyName: str(d.toAgency) && (ctx.agencyNames.get(str(d.toAgency)!) ?? str(d.toAgency)),
        version: typeof d.version === 'number' ? d.version : undefined,
        links: await linksFor(n, task, profile.agencyCode),
      };
      return insertMessage(tx, {
        idempotencyKey: `notice:${n.key}`,
        kind: n.kind,
        recipient: n.recipient,
        profile,
        day: n.day,
        planId: task?.planId ?? n.planId,
        rows: [n],
        mail: renderNotice(model),
      });
    });
  }

  async function startDelivery(outboxId: string, taskQueue: string): Promise<void> {
    try {
      await client.workflow.start(mailDeliveryWorkflow, { workflowId: deliveryWorkflowId(outboxId), taskQueue, args: [{ outboxId }] });
    } catch (err) {
      // A retry of the activity that started it already.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }

  async function setNotificationStatus(outboxId: string, status: 'sent' | 'failed', reason: string | null) {
    await db.update(notifications).set({ status, reason }).where(eq(notifications.outboxId, outboxId));
  }

  return {
    /** Record a firing for every recipient of its audiences, then wake the digest or send the notice. */
    async recordNotification(raw: RecordNotificationInput): Promise<{ recipients: string[] }> {
      const parsed = recordNotificationInput.safeParse(raw);
      if (!parsed.success) throw invalidInput(`Thông báo không hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
      const input = parsed.data;
      const recipients = await resolveRecipients(input);
      if (recipients.length === 0) {
        log.warn('a notification with nobody to tell', { key: input.key, kind: input.kind });
        return { recipients: [] };
      }
      const day = localDate(Date.parse(input.scheduledFor));
      const ccCodes = recipients.flatMap((r) => (r.copy && r.agencyCode ? [r.agencyCode] : []));
      const keys = recipients.map((r) => `${input.key}#${r.recipient}`);
      await db
        .insert(notifications)
        .values(
          recipients.map((r, i) => ({
            key: keys[i]!,
            kind: input.kind,
            taskId: input.taskId ?? null,
            planId: input.planId,
            cycleYear: input.cycleYear ?? null,
            recipient: r.recipient,
            recipientAgencyCode: r.agencyCode,
            recipientUserId: r.userId,
            recipientRole: r.role,
            copy: r.copy,
            ccAgencyCodes: r.copy ? [] : ccCodes,
            scheduledFor: new Date(input.scheduledFor),
            day,
            data: input.data,
          })),
        )
        .onConflictDoNothing({ target: notifications.key });
      // Rows still waiting, whether inserted now or by an earlier attempt that failed before its signal.
      const waiting = await db
        .select({ id: notifications.id, recipient: notifications.recipient, outboxId: notifications.outboxId })
        .from(notifications)
        .where(and(inArray(notifications.key, keys), inArray(notifications.status, ['pending', 'queued'])));
      const { taskQueue } = Context.current().info;

      if (isBatchedKind(input.kind)) {
        const toWake = [...new Set(waiting.filter((w) => w.outboxId === null).map((w) => w.recipient))];
        await Promise.all(
          toWake.map((recipient) => {
            const workflowId = digestWorkflowId(recipient, day);
            return digestSignals.run(`${taskQueue}/${workflowId}`, async () => {
              await client.workflow.signalWithStart(mailDigestWorkflow, { workflowId, taskQueue, args: [{ recipient, day }], signal: notificationRecordedSignal, signalArgs: [] });
            });
          }),
        );
      } else {
        for (const w of waiting) {
          const message = await composeNotice(w.id);
          if (message?.status === 'pending') await startDelivery(message.id, taskQueue);
        }
      }
      return { recipients: recipients.map((r) => r.recipient) };
    },

    /** How many digests the recipient already has for the day: a new digest run numbers its messages after them. */
    async countDigests({ recipient, day }: { recipient: string; day: string }): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(outbox)
        .where(and(eq(outbox.recipient, recipient), eq(outbox.day, day), eq(outbox.kind, 'digest')));
      return row?.n ?? 0;
    },

    /**
     * One message with every pending notification of the recipient for the day. Idempotent: a retry
     * after a commit finds the message by its key and returns it.
     */
    async composeDigest({ recipient, day, sequence }: ComposeDigestInput): Promise<ComposeResult> {
      const idempotencyKey = `digest:${recipient}:${day}:${sequence}`;
      const result = await db.transaction(async (tx): Promise<ComposeResult> => {
        const [existing] = await tx.select({ id: outbox.id, status: outbox.status }).from(outbox).where(eq(outbox.idempotencyKey, idempotencyKey));
        if (existing) {
          const [linked] = await tx.select({ n: count() }).from(notifications).where(eq(notifications.outboxId, existing.id));
          return { outboxId: existing.id, status: existing.status, count: linked?.n ?? 0, skipped: 0 };
        }
        const pending = await tx
          .select()
          .from(notifications)
          .where(and(eq(notifications.recipient, recipient), eq(notifications.day, day), eq(notifications.status, 'pending'), isNull(notifications.outboxId)))
          .orderBy(asc(notifications.id))
          .for('update');
        if (pending.length === 0) return { outboxId: null, status: null, count: 0, skipped: 0 };

        const ctx = await loadContext(tx, pending);
        const fresh: NotificationRow[] = [];
        let skipped = 0;
        for (const n of pending) {
          const reason = await staleReason(tx, n, n.taskId ? ctx.tasks.get(n.taskId) : undefined);
          if (reason === null) {
            fresh.push(n);
            continue;
          }
          skipped++;
          await tx.update(notifications).set({ status: 'skipped', reason }).where(eq(notifications.id, n.id));
        }
        if (fresh.length === 0) return { outboxId: null, status: null, count: 0, skipped };

        const profile = await profileOf(tx, recipient);
        const items: DigestItem[] = [];
        for (const n of fresh) {
          const task = n.taskId ? ctx.tasks.get(n.taskId) : undefined;
          const missing = missingCodes(n);
          items.push({
            kind: n.kind,
            copy: n.copy,
            plan: planOf(ctx, n, task),
            task: task ? mailTask(task) : undefined,
            cycleYear: n.cycleYear ?? undefined,
            reportDueDate: task ? undefined : str(n.data.dueDate),
            missingAgencies: missing.length ? missing.map((c) => ctx.agencyNames.get(c) ?? c) : undefined,
            comment: n.kind === 'mention' ? commentOf(ctx, n) : undefined,
            links: await linksFor(n, task, profile.agencyCode),
          });
        }
        const planIds = new Set(fresh.map((n) => (n.taskId ? ctx.tasks.get(n.taskId)?.planId : n.planId) ?? null));
        const message = await insertMessage(tx, {
          idempotencyKey,
          kind: 'digest',
          recipient,
          profile,
          day,
          planId: planIds.size === 1 ? [...planIds][0]! : null,
          rows: fresh,
          mail: renderDigest({ language: profile.language, recipientName: profile.name, day, items }),
        });
        return { outboxId: message.id, status: message.status, count: fresh.length, skipped };
      });
      // After the commit, and again on a retry (the start is idempotent): a workflow of its own, not a
      // child, since it must outlive the digest through an SMTP outage.
      if (result.outboxId && result.status === 'pending') await startDelivery(result.outboxId, Context.current().info.taskQueue);
      return result;
    },

    /**
     * Send one outbox message. Idempotent: a sent (or permanently failed) message is not sent again.
     * Transient failures (connection refused, 4xx) throw and are retried by the delivery workflow's
     * policy; a 5xx refusal marks the message failed and throws a non-retryable failure.
     */
    async deliverOutboxMessage({ outboxId }: { outboxId: string }): Promise<DeliveryResult> {
      const [row] = await db.select().from(outbox).where(eq(outbox.id, outboxId));
      if (!row) throw ApplicationFailure.create({ type: 'OutboxMessageMissing', message: `Không có thư ${outboxId} trong hộp thư đi.`, nonRetryable: true });
      if (row.status === 'sent' || row.status === 'failed') return { outboxId, status: row.status, attempts: row.attempts, error: row.lastError ?? undefined };
      if (!mailer) return { outboxId, status: row.status, attempts: row.attempts };
      if (row.to.length === 0) {
        await db.update(outbox).set({ status: 'failed', lastError: NO_ADDRESS }).where(eq(outbox.id, outboxId));
        await setNotificationStatus(outboxId, 'failed', NO_ADDRESS);
        return { outboxId, status: 'failed', attempts: row.attempts, error: NO_ADDRESS };
      }
      const [claimed] = await db
        .update(outbox)
        .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1` })
        .where(and(eq(outbox.id, outboxId), inArray(outbox.status, ['pending', 'sending'])))
        .returning({ attempts: outbox.attempts });
      if (!claimed) {
        const [now] = await db.select({ status: outbox.status, attempts: outbox.attempts }).from(outbox).where(eq(outbox.id, outboxId));
        return { outboxId, status: now?.status ?? row.status, attempts: now?.attempts ?? row.attempts };
      }

      let info: { rejected?: unknown[]; response?: string };
      try {
        info = await mailer.sendMail({
          from: config.MAIL_FROM,
          to: row.to,
          cc: row.cc,
          subject: row.subject,
          text: row.text,
          html: row.html,
          // The stored Message-ID: a resend after a crash between the server's 250 and our update is recognisable.
          messageId: row.messageId,
          headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', 'X-Giaoviec-Outbox-Id': row.id },
        });
      } catch (err) {
        const { permanent, reason } = classifySmtpError(err);
        if (permanent) {
          await db.update(outbox).set({ status: 'failed', lastError: reason }).where(eq(outbox.id, outboxId));
          await setNotificationStatus(outboxId, 'failed', reason);
          log.warn('message refused for good', { outboxId, reason });
          throw ApplicationFailure.create({ type: PERMANENT_DELIVERY_ERROR, message: reason, nonRetryable: true, details: [{ attempts: claimed.attempts }] });
        }
        await db.update(outbox).set({ status: 'pending', lastError: reason }).where(eq(outbox.id, outboxId));
        log.info('delivery attempt failed; will retry', { outboxId, attempt: claimed.attempts, reason });
        throw ApplicationFailure.create({ type: 'TransientDeliveryError', message: reason });
      }
      const rejected = (info.rejected ?? []).map(String);
      const note = rejected.length ? `Bị từ chối: ${rejected.join(', ')}` : null;
      await db.update(outbox).set({ status: 'sent', sentAt: new Date(), lastError: note }).where(eq(outbox.id, outboxId));
      await setNotificationStatus(outboxId, 'sent', note);
      return { outboxId, status: 'sent', attempts: claimed.attempts, error: note ?? undefined };
    },
  };
}

export type MailActivities = ReturnType<typeof createMailActivities>;

/**
 * A 5xx reply refuses this message for good (unknown recipient, rejected content); anything else —
 * connection refused or reset, timeouts, 4xx "try later" — is worth another attempt. A refused login
 * (535) is a configuration problem an operator fixes: retrying keeps the mail until they do.
 */
export function classifySmtpError(err: unknown): { permanent: boolean; reason: string } {
  const e = (err ?? {}) as { responseCode?: number; response?: string; code?: string; message?: string };
  const reason = (e.response?.trim() || e.message || String(err)).slice(0, 1000);
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH') return { permanent: false, reason };
  if (typeof e.responseCode === 'number') return { permanent: e.responseCode >= 500 && e.responseCode < 600, reason };
  // Nothing to send to, or a message nodemailer cannot build: another attempt would fail the same way.
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') return { permanent: true, reason };
  return { permanent: false, reason };
}

/**
 * Start delivery of every message still waiting in the outbox: after SMTP_URL is configured on an
 * installation that kept its mail in the outbox, or after an operator fixed an address.
 */
export async function resumePendingDeliveries(db: Db, client: Client, taskQueue: string): Promise<number> {
  const waiting = await db.select({ id: outbox.id }).from(outbox).where(inArray(outbox.status, ['pending', 'sending']));
  for (const { id } of waiting) {
    try {
      await client.workflow.start(mailDeliveryWorkflow, { workflowId: deliveryWorkflowId(id), taskQueue, args: [{ outboxId: id }] });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }
  return waiting.length;
}
