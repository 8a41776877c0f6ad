/**
 * The daily digest: every reminder, escalation and new assignment one recipient has on one local
 * day, in one message, most urgent first. Pure: the activity gathers the model, this renders it.
 */
import { Fragment } from 'react';
import type { NotificationKind } from '../vocabulary';
import { DIGEST_ORDER } from './kinds';
import { Button, COLORS, Row, SectionHeading, documentHtml, documentText } from './layout';
import { daysBetween, formatDate, oneLine, truncate } from './format';
import { MAIL_STRINGS, type MailStrings } from './strings';
import type { DigestItem, DigestModel, RenderedMail } from './types';

export const SUBJECT_PREFIX = '[Giao việc]';
const SUBJECT_MAX = 200;

const ESCALATIONS: readonly NotificationKind[] = ['ack_escalation', 'overdue_escalation', 'report_escalation'];

const rank = (kind: NotificationKind): number => {
  const i = DIGEST_ORDER.indexOf(kind);
  return i === -1 ? DIGEST_ORDER.length : i;
};

/** The item's deadline: the task's due date, or the annual report's. */
const deadlineOf = (item: DigestItem): string | undefined => item.task?.dueDate ?? item.reportDueDate;

/** Most pressing first: earliest deadline, then the plan's own order. */
function byDeadline(a: DigestItem, b: DigestItem): number {
  const da = deadlineOf(a) ?? '9999-12-31';
  const db = deadlineOf(b) ?? '9999-12-31';
  if (da !== db) return da < db ? -1 : 1;
  return (a.task?.number ?? '').localeCompare(b.task?.number ?? '', 'vi', { numeric: true }) || (a.task?.title ?? '').localeCompare(b.task?.title ?? '', 'vi');
}

function deadlineColor(days: number): string {
  if (days < 0) return COLORS.danger;
  return days <= 7 ? COLORS.warning : COLORS.text;
}

function itemTitle(s: MailStrings, item: DigestItem): string {
  if (item.task) return oneLine(item.task.title);
  return `${s.section[item.kind]}${item.cycleYear ? ` ${item.cycleYear}` : ''}: ${oneLine(item.plan.title)}`;
}

function metaLine(s: MailStrings, item: DigestItem): string {
  const parts = [`${s.planLabel} ${oneLine(item.plan.documentNumber)}`];
  if (item.task?.number) parts.push(`${s.numberLabel} ${oneLine(item.task.number)}`);
  if (item.copy) parts.push(s.copyMark);
  return parts.join(' · ');
}

/** A coordinating agency is asked to support the lead, whatever the reminder says to the lead; a recurring task's lead, for its year's report. */
const askOf = (s: MailStrings, item: DigestItem): string => {
  if (item.copy && item.task) return s.copyAsk;
  return (item.task?.reportYear && s.yearReportAsk(item.kind, item.task.reportYear)) || s.ask[item.kind];
};

/** The label of the item's deadline: a task's (a recurring task's year report), or the annual report's. */
export const deadlineLabel = (s: MailStrings, item: Pick<DigestItem, 'task'>): string =>
  item.task ? (item.task.reportYear ? s.yearReportDueLabel(item.task.reportYear) : s.dueLabel) : s.reportDueLabel;

/** Whether to say who leads the task: the recipient is not the lead (escalations, copies, a mention). */
const showsLead = (item: DigestItem): boolean => Boolean(item.task) && (item.copy || item.kind === 'mention' || ESCALATIONS.includes(item.kind));

/** A comment quoted in a digest: one paragraph, at most a few lines' worth. */
const COMMENT_EXCERPT = 500;

function ItemRow({ s, day, item }: { s: MailStrings; day: string; item: DigestItem }) {
  const deadline = deadlineOf(item);
  const days = deadline ? daysBetween(day, deadline) : 0;
  return (
    <Row>
      <div style={{ fontSize: '12px', color: COLORS.muted }}>{metaLine(s, item)}</div>
      <div style={{ fontSize: '15px', fontWeight: 'bold', margin: '2px 0 4px 0' }}>{itemTitle(s, item)}</div>
      {deadline && (
        <div>
          {deadlineLabel(s, item)}: <b>{formatDate(deadline)}</b> <span style={{ color: deadlineColor(days), fontWeight: 'bold' }}>({s.daysLeft(days)})</span>
        </div>
      )}
      {item.task && showsLead(item) && (
        <div>
          {s.leadLabel}: {oneLine(item.task.leadAgencyName)}
        </div>
      )}
      <div>
        {s.askLabel}: {askOf(s, item)}
      </div>
      {item.missingAgencies?.length ? (
        <div>
          {s.missingLabel}: {item.missingAgencies.map(oneLine).join('; ')}
        </div>
      ) : null}
      {item.comment && (
        <>
          <div>{s.commentBy(oneLine(item.comment.author))}:</div>
          <blockquote style={{ margin: '2px 0 4px 0', padding: '2px 0 2px 8px', borderLeft: `3px solid ${COLORS.muted}` }}>{truncate(item.comment.text, COMMENT_EXCERPT)}</blockquote>
        </>
      )}
      <div style={{ paddingTop: '4px' }}>
        {item.links.ack && <Button href={item.links.ack} label={s.ackButton} primary />}
        <Button href={item.links.open} label={item.task ? s.openTask : s.openCycle} primary={!item.links.ack} />
      </div>
    </Row>
  );
}

function itemText(s: MailStrings, day: string, item: DigestItem, n: number): string {
  const pad = ' '.repeat(String(n).length + 2);
  const lines = [`${n}. ${metaLine(s, item)}`, `${pad}${itemTitle(s, item)}`];
  const deadline = deadlineOf(item);
  if (deadline) lines.push(`${pad}${deadlineLabel(s, item)}: ${formatDate(deadline)} (${s.daysLeft(daysBetween(day, deadline))})`);
  if (item.task && showsLead(item)) lines.push(`${pad}${s.leadLabel}: ${oneLine(item.task.leadAgencyName)}`);
  lines.push(`${pad}${s.askLabel}: ${askOf(s, item)}`);
  if (item.missingAgencies?.length) lines.push(`${pad}${s.missingLabel}: ${item.missingAgencies.map(oneLine).join('; ')}`);
  if (item.comment) lines.push(`${pad}${s.commentBy(oneLine(item.comment.author))}: "${truncate(item.comment.text, COMMENT_EXCERPT)}"`);
  if (item.links.ack) lines.push(`${pad}${s.ackButton}: ${item.links.ack}`);
  lines.push(`${pad}${item.task ? s.openTask : s.openCycle}: ${item.links.open}`);
  return lines.join('\n');
}

interface Section {
  title: string;
  color: string;
  items: DigestItem[];
}

function sectionsOf(s: MailStrings, items: DigestItem[]): Section[] {
  const own = items.filter((i) => !i.copy);
  const kinds = [...new Set(own.map((i) => i.kind))].sort((a, b) => rank(a) - rank(b));
  const sections: Section[] = kinds.map((kind) => ({
    title: s.section[kind],
    color: kind === 'overdue_notice' || kind === 'overdue_escalation' ? COLORS.danger : COLORS.text,
    items: own.filter((i) => i.kind === kind).sort(byDeadline),
  }));
  const copies = items.filter((i) => i.copy).sort((a, b) => rank(a.kind) - rank(b.kind) || byDeadline(a, b));
  if (copies.length) sections.push({ title: s.copySection, color: COLORS.copy, items: copies });
  return sections;
}

/** `[Giao việc] Nhắc hạn: 3 nhiệm vụ của Sở Thông tin và Truyền thông`. */
export function digestSubject(model: DigestModel): string {
  const s = MAIL_STRINGS[model.language];
  const pool = model.items.some((i) => !i.copy) ? model.items.filter((i) => !i.copy) : model.items;
  const top = [...pool].sort((a, b) => rank(a.kind) - rank(b.kind))[0];
  const headline = top ? s.headline[top.kind] : s.headline.due_reminder;
  const taskIds = new Set(model.items.flatMap((i) => (i.task ? [i.task.id] : [])));
  const what =
    taskIds.size > 0 || !top
      ? s.tasksOf(taskIds.size, oneLine(model.recipientName))
      : s.reportOf(top.cycleYear, oneLine(top.plan.documentNumber));
  return truncate(`${SUBJECT_PREFIX} ${headline}: ${what}`, SUBJECT_MAX);
}

export function renderDigest(model: DigestModel): RenderedMail {
  const s = MAIL_STRINGS[model.language];
  const subject = digestSubject(model);
  const greeting = s.greeting(oneLine(model.recipientName));
  const intro = s.digestIntro(formatDate(model.day), model.items.length);
  const sections = sectionsOf(s, model.items);

  const blocks: string[] = [];
  let n = 0;
  for (const section of sections) {
    const lines = [`== ${section.title} (${section.items.length}) ==`];
    for (const item of section.items) lines.push('', itemText(s, model.day, item, ++n));
    blocks.push(lines.join('\n'));
  }
  const rows = sections.map((section) => (
    <Fragment key={section.title}>
      <SectionHeading title={`${section.title} (${section.items.length})`} color={section.color} />
      {section.items.map((item, i) => (
        <ItemRow key={i} s={s} day={model.day} item={item} />
      ))}
    </Fragment>
  ));
  return { subject, text: documentText(s, greeting, intro, blocks), html: documentHtml(s, subject, greeting, intro, rows) };
}
