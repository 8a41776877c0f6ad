/**
 * Messages that go out alone and at once: a status change of a task (extension requested or decided,
 * completion submitted, returned or accepted, cancellation…) and a compiled annual report.
 */
import { isOpen, STATUS_LABELS } from '../task-status';
import { Lines } from '../html';
import { Button, COLORS, FONT, Row, documentHtml, documentText } from './layout';
import { daysBetween, formatDate, indentLines, oneLine, truncate } from './format';
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

  const openLabel = compiled ? s.openReport : model.task ? s.openTask : s.openCycle;
  const cell = { verticalAlign: 'top', ...FONT, fontSize: '14px' } as const;
  const rows = (
    <>
      <Row>
        {model.task && <div style={{ fontSize: '16px', fontWeight: 'bold', margin: '0 0 8px 0' }}>{oneLine(model.task.title)}</div>}
        <p style={{ margin: '0 0 8px 0' }}>{sentence}</p>
        <table role="presentation" cellPadding={0} cellSpacing={0} border={0}>
          <tbody>
            {facts.map(([label, value, color]) => (
              <tr key={label}>
                <td style={{ padding: '2px 12px 2px 0', color: COLORS.muted, whiteSpace: 'nowrap', ...cell }}>{label}</td>
                <td style={{ padding: '2px 0', ...cell, ...(color ? { color, fontWeight: 'bold' } : {}) }}>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Row>
      {note && (
        <Row>
          <div style={{ color: COLORS.muted, fontSize: '12px' }}>{noteLabel}</div>
          <div>
            <Lines text={note} />
          </div>
        </Row>
      )}
      <Row>
        {model.links.ack && <Button href={model.links.ack} label={s.ackButton} primary />}
        <Button href={model.links.open} label={openLabel} primary={!model.links.ack} />
      </Row>
    </>
  );

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
