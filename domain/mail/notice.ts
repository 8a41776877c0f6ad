/**
 * Messages that go out alone and at once: a status change of a task (extension requested or decided,
 * completion submitted, returned or accepted, cancellation…) and a compiled annual report.
 */
import { isOpen, STATUS_LABELS } from '../task-status';
import { COLORS, buttonHtml, documentHtml, documentText, rowHtml } from './layout';
import { daysBetween, escapeHtml, formatDate, indentLines, multilineHtml, oneLine, truncate } from './format';
import { SUBJECT_PREFIX, deadlineLabel } from './digest';
import { MAIL_STRINGS, REASON_EVENTS } from './strings';
import type { NoticeModel, RenderedMail } from './types';

const SUBJECT_MAX = 200;
const date = (d: string | undefined) => (d ? formatDate(d) : undefined);

export function renderNotice(model: NoticeModel): RenderedMail {
  const s = MAIL_STRINGS[model.language];
  const compiled = model.kind === 'report_compiled';
  const event = s.event({
    event: model.event ?? '',
    actor: oneLine(model.actorName ?? s.brand),
    newDueDate: date(model.newDueDate),
    previousDueDate: date(model.previousDueDate),
    dueDate: date(model.task?.dueDate),
    fromAgency: model.fromAgencyName && oneLine(model.fromAgencyName),
    toAgency: model.toAgencyName && oneLine(model.toAgencyName),
  });
  const headline = compiled ? s.compiledHeadline(model.cycleYear) : model.kind === 'status_change' ? event.headline : s.headline[model.kind];
  const sentence = compiled
    ? s.compiledSentence(model.cycleYear, oneLine(model.plan.documentNumber), model.version)
    : model.kind === 'status_change'
      ? event.sentence
      : s.ask[model.kind];
  const about = model.task ? oneLine(model.task.title) : oneLine(model.plan.documentNumber);
  const subject = truncate(`${SUBJECT_PREFIX} ${model.copy ? `(${s.copyMark}) ` : ''}${headline}: ${about}`, SUBJECT_MAX);
  const greeting = s.greeting(oneLine(model.recipientName));

  const facts: Array<[string, string, string?]> = [];
  facts.push([s.planLabel, `${oneLine(model.plan.documentNumber)} — ${oneLine(model.plan.title)}`]);
  if (model.task) {
    if (model.task.number) facts.push([s.numberLabel, oneLine(model.task.number)]);
    facts.push([s.leadLabel, oneLine(model.task.leadAgencyName)]);
    const days = daysBetween(model.day, model.task.dueDate);
    const open = isOpen(model.task.status);
    facts.push([deadlineLabel(s, model), `${formatDate(model.task.dueDate)}${open ? ` (${s.daysLeft(days)})` : ''}`, open && days < 0 ? COLORS.danger : undefined]);
    facts.push([s.statusLabel, STATUS_LABELS[model.task.status][model.language]]);
  }
  const note = model.note?.trim();
  const noteLabel = model.event && REASON_EVENTS.includes(model.event) ? s.reasonLabel : s.noteLabel;

  // HTML
  const rows: string[] = [];
  const taskTitle = model.task ? `<div style="font-size:16px;font-weight:bold;margin:0 0 8px 0;">${escapeHtml(oneLine(model.task.title))}</div>` : '';
  const table = facts
    .map(
      ([label, value, color]) =>
        `<tr><td style="padding:2px 12px 2px 0;color:${COLORS.muted};white-space:nowrap;vertical-align:top;font-family:Arial,Helvetica,sans-serif;font-size:14px;">${escapeHtml(label)}</td><td style="padding:2px 0;vertical-align:top;font-family:Arial,Helvetica,sans-serif;font-size:14px;${color ? `color:${color};font-weight:bold;` : ''}">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  rows.push(rowHtml(`${taskTitle}<p style="margin:0 0 8px 0;">${escapeHtml(sentence)}</p><table role="presentation" cellpadding="0" cellspacing="0" border="0">${table}</table>`));
  if (note) rows.push(rowHtml(`<div style="color:${COLORS.muted};font-size:12px;">${escapeHtml(noteLabel)}</div><div>${multilineHtml(note)}</div>`));
  const openLabel = compiled ? s.openReport : model.task ? s.openTask : s.openCycle;
  const buttons = [model.links.ack ? buttonHtml(model.links.ack, s.ackButton, true) : '', buttonHtml(model.links.open, openLabel, !model.links.ack)];
  rows.push(rowHtml(buttons.join('')));

  // Text
  const lines: string[] = [];
  if (model.task) lines.push(oneLine(model.task.title), '');
  lines.push(sentence, '');
  for (const [label, value] of facts) lines.push(`${label}: ${value}`);
  if (note) lines.push('', `${noteLabel}:`, indentLines(note, '  '));
  lines.push('');
  if (model.links.ack) lines.push(`${s.ackButton}: ${model.links.ack}`);
  lines.push(`${openLabel}: ${model.links.open}`);

  const intro = model.copy ? `${s.copyMark}.` : '';
  return {
    subject,
    text: documentText(s, greeting, intro, [lines.join('\n')]),
    html: documentHtml(s, subject, greeting, intro, rows),
  };
}
