/**
 * Build the message: the tasks, plans and agency names its notifications speak of, the signed links,
 * and the rendered subject, text and HTML (domain/mail renders; this gathers its model).
 */
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { agencies, plans, tasks } from '../../db/schema';
import { renderDigest, renderNotice, type DigestItem, type MailPlan, type MailTask, type RenderedMail } from '../../domain/mail';
import { owedReportYear } from '../../domain/deadline';
import { linkUrl } from '../../runtime/links';
import type { Profile } from './recipients';
import { missingCodes, str, type MailEnv, type NotificationRow, type TaskRow } from './types';

type Links = Pick<MailEnv, 'config' | 'signer'>;

export interface MailContext {
  tasks: Map<string, TaskRow & { leadAgencyName: string }>;
  plans: Map<string, MailPlan & { id: string }>;
  agencyNames: Map<string, string>;
}

export async function loadContext(tx: Tx, rows: NotificationRow[]): Promise<MailContext> {
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

async function linksFor({ config, signer }: Links, n: NotificationRow, task: TaskRow | undefined, agencyCode: string | null): Promise<DigestItem['links']> {
  if (!task) {
    const reportUrl = str(n.data.reportUrl);
    return { open: reportUrl ?? `${config.publicUrl}/plans/${n.planId ?? ''}${n.cycleYear ? `/annual-cycles/${n.cycleYear}` : ''}` };
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

/** A status change or compiled report, told to one recipient. */
export async function noticeMail(env: Links, ctx: MailContext, n: NotificationRow, profile: Profile): Promise<RenderedMail> {
  const task = n.taskId ? ctx.tasks.get(n.taskId) : undefined;
  const d = n.data;
  const event = str(d.event);
  return renderNotice({
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
    links: await linksFor(env, n, task, profile.agencyCode),
  });
}

/** One recipient's fresh notifications of a day, as one digest. */
export async function digestMail(env: Links, ctx: MailContext, rows: NotificationRow[], profile: Profile, day: string): Promise<RenderedMail> {
  const items: DigestItem[] = [];
  for (const n of rows) {
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
      links: await linksFor(env, n, task, profile.agencyCode),
    });
  }
  return renderDigest({ language: profile.language, recipientName: profile.name, day, items });
}
