import { type ReactNode } from 'react';
import { Link } from 'react-router';
import { useAgencies } from '../../lib/agencies';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useI18n, type Translate } from '../../lib/i18n';
import type { Plan, Task, TaskDetail } from '../../lib/types';
import { Progress, StatusBadge } from '../StatusBadge';
import { DaysLeft } from '../TaskTable';
import { OPEN_STATUSES } from './open-statuses';

/** What a task is: its facts (status, agencies, dates, funding) and its extension requests. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function fundingText(task: Task, t: Translate): string {
  const f = task.funding;
  if (!f) return '—';
  const parts = [f.text ?? f.sources.map((s) => t(`funding.${s}`)).join(', ')];
  const a = f.amounts;
  if (a?.recurrent !== undefined) parts.push(`${t('funding.recurrent')}: ${formatNumber(a.recurrent)} ${t('funding.unit')}`);
  if (a?.investment !== undefined) parts.push(`${t('funding.investment')}: ${formatNumber(a.investment)} ${t('funding.unit')}`);
  if (a?.total !== undefined) parts.push(`${t('funding.total')}: ${formatNumber(a.total)} ${t('funding.unit')}`);
  return parts.filter(Boolean).join(' · ') || '—';
}

export function Facts({ task, plan }: { task: TaskDetail; plan?: Plan }) {
  const { t } = useI18n();
  const agencies = useAgencies();
  return (
    <section className="section card detail--facts" aria-labelledby="facts-h">
      <h2 id="facts-h" className="section__title">
        {t('task.facts')}
      </h2>
      <dl className="facts">
        <Fact label={t('task.status')}>
          <StatusBadge status={task.status} />
        </Fact>
        <Fact label={t('task.progress')}>
          <Progress value={task.progress} />
        </Fact>
        <Fact label={t('task.lead')}>{task.leadAgencyName ?? agencies.nameOf(task.leadAgency)}</Fact>
        <Fact label={t('task.coordinating')}>{task.coordinatingAgencies.length ? task.coordinatingAgencies.map((c) => agencies.nameOf(c)).join('; ') : '—'}</Fact>
        <Fact label={t('task.dueDate')}>
          <strong>{formatDate(task.dueDate)}</strong> {OPEN_STATUSES.includes(task.status) && task.kind !== 'recurring' && <DaysLeft task={task} />}
          {task.dueDate !== task.originalDueDate && <div className="muted small">{t('task.originalDue', { date: formatDate(task.originalDueDate) })}</div>}
        </Fact>
        {task.kind === 'recurring' &&
          OPEN_STATUSES.includes(task.status) &&
          (task.reportYear !== null && task.currentDueDate ? (
            // Judged year by year: the report it owes next is its deadline.
            <Fact label={t('task.yearReportDue', { year: task.reportYear })}>
              <strong>{formatDate(task.currentDueDate)}</strong> <DaysLeft task={task} />
            </Fact>
          ) : (
            <Fact label={t('task.yearReports')}>{t('task.yearReportsDone')}</Fact>
          ))}
        <Fact label={t('task.startDate')}>{formatDate(task.startDate)}</Fact>
        <Fact label={t('task.kind')}>{t(`kind.${task.kind}`)}</Fact>
        {task.timeframeText && <Fact label={t('task.timeframe')}>{task.timeframeText}</Fact>}
        <Fact label={t('task.funding')}>{fundingText(task, t)}</Fact>
        {task.section && <Fact label={t('task.section')}>{[task.sectionCode, task.section].filter(Boolean).join('. ')}</Fact>}
        {plan && (
          <Fact label={t('task.plan')}>
            <Link to={`/plans/${plan.id}`}>
              {plan.documentNumber} — {plan.title}
            </Link>
          </Fact>
        )}
        {task.leadAgencyText && task.leadAgencyText !== task.leadAgency && <Fact label={t('task.leadText')}>{task.leadAgencyText}</Fact>}
        <Fact label={t('task.acknowledgedAt')}>{formatDateTime(task.acknowledgedAt)}</Fact>
        {task.submittedAt && <Fact label={t('task.submittedAt')}>{formatDateTime(task.submittedAt)}</Fact>}
        {task.completedAt && <Fact label={t('task.completedAt')}>{formatDateTime(task.completedAt)}</Fact>}
        {task.cancelledAt && <Fact label={t('task.cancelledAt')}>{formatDateTime(task.cancelledAt)}</Fact>}
      </dl>
      {task.description && (
        <>
          <h3 className="subhead">{t('task.description')}</h3>
          <p className="prose">{task.description}</p>
        </>
      )}
      {task.note && (
        <>
          <h3 className="subhead">{t('task.note')}</h3>
          <p className="prose">{task.note}</p>
        </>
      )}
    </section>
  );
}

export function ExtensionRequests({ task }: { task: TaskDetail }) {
  const { t } = useI18n();
  if (task.extensionRequests.length === 0) return null;
  return (
    <section className="section card detail--ext" aria-labelledby="ext-h">
      <h2 id="ext-h" className="section__title">
        {t('ext.title')}
      </h2>
      <ol className="reminders">
        {[...task.extensionRequests].reverse().map((r) => (
          <li key={r.id} className="reminders__item">
            <div className="reminders__head">
              <span className="reminders__when">{t('ext.newDueDateShort', { date: formatDate(r.newDueDate) })}</span>
              <span className={`badge badge--ext-${r.status}`}>{t(`ext.status.${r.status}`)}</span>
            </div>
            <p className="reminders__kind">{r.reason}</p>
            <p className="small muted reminders__to">
              {r.requestedBy?.name ?? '—'} · {formatDateTime(r.requestedAt)}
            </p>
            {r.decidedAt && (
              <p className="small reminders__to">
                {t('ext.decided', { by: r.decidedBy?.name ?? '—', date: formatDateTime(r.decidedAt) })}
                {r.note ? `: ${r.note}` : ''}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
