import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api, itemsOf, useLoad, type Loaded } from '../lib/api';
import { useAgencies, type Directory } from '../lib/agencies';
import { formatDate, formatDateTime, formatNumber, parseDateInput } from '../lib/format';
import { useI18n, type Translate } from '../lib/i18n';
import { useMe } from '../lib/session';
import type { Me, Plan, Reminder, Task, TaskDetail, TaskEvent } from '../lib/types';
import { ActionForm } from '../components/ActionForm';
import { ChoiceField, DateField, SelectField, TextAreaField, TextField } from '../components/Form';
import { PageHeader } from '../components/PageHeader';
import { Async, ErrorBox, Loading, Notice } from '../components/States';
import { Progress, StatusBadge, TaskStatusCell } from '../components/StatusBadge';
import { DaysLeft, TaskTable } from '../components/TaskTable';

const OPEN = ['assigned', 'in_progress', 'completion_submitted'];

export function TaskDetailPage() {
  const { taskId = '' } = useParams();
  const { t } = useI18n();
  const detail = useLoad((signal) => api.get<TaskDetail>(`/api/tasks/${taskId}`, { signal }), [taskId]);
  const planId = detail.data?.planId;
  const plan = useLoad(planId ? (signal) => api.get<Plan>(`/api/plans/${planId}`, { signal }) : null, [planId]);
  const reminders = useLoad((signal) => api.get<Reminder[] | { items: Reminder[] } | { planned?: Reminder[]; sent?: Reminder[] }>(`/api/tasks/${taskId}/reminders`, { signal }).then(normaliseReminders), [taskId]);
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);

  const done = (message: string) => {
    setNotice((prev) => ({ text: message, n: (prev?.n ?? 0) + 1 }));
    detail.reload();
    reminders.reload();
  };

  return (
    <Async loaded={detail}>
      {(task) => (
        <>
          <PageHeader
            kicker={[plan.data?.documentNumber, task.sectionCode && `${t('task.section')} ${task.sectionCode}`, task.number && `${t('task.number')} ${task.number}`].filter(Boolean).join(' · ')}
            title={task.title}
            crumbs={[
              ...(plan.data ? [{ label: plan.data.documentNumber, to: `/plans/${plan.data.id}` }] : []),
              { label: t('nav.tasks'), to: `/tasks?plan=${task.planId}` },
              { label: t('task.detail') },
            ]}
            lead={
              <p className="badges">
                <TaskStatusCell task={task} />
                {task.isGroup && <span className="badge badge--neutral">{t('task.group', { n: task.children.length })}</span>}
              </p>
            }
          />
          {notice && (
            <Notice key={notice.n} tone="success" focus>
              <p>{notice.text}</p>
            </Notice>
          )}
          <div className="layout-detail">
            {/* One reading order for every screen size: what the task is, what can be done, what happened. */}
            <div className="layout-detail__main">
              <Facts task={task} plan={plan.data} />
              <Actions task={task} onDone={done} />
              <Timeline events={task.events} />
            </div>
            <div className="layout-detail__side">
              {task.isGroup && (
                <section className="section card detail--children" aria-labelledby="children-h">
                  <h2 id="children-h" className="section__title">
                    {t('task.children')}
                  </h2>
                  <TaskTable tasks={task.children} caption={t('task.children')} captionHidden columns={['lead', 'status', 'progress']} />
                </section>
              )}
              <ExtensionRequests task={task} />
              <Reminders loaded={reminders} taskId={task.id} />
            </div>
          </div>
        </>
      )}
    </Async>
  );
}

function normaliseReminders(reply: Reminder[] | { items: Reminder[] } | { planned?: Reminder[]; sent?: Reminder[] }): Reminder[] {
  if (Array.isArray(reply) || 'items' in reply) return itemsOf(reply as Reminder[] | { items: Reminder[] });
  const r = reply as { planned?: Reminder[]; sent?: Reminder[] };
  return [...(r.sent ?? []), ...(r.planned ?? [])];
}

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

function Facts({ task, plan }: { task: TaskDetail; plan?: Plan }) {
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
          <strong>{formatDate(task.dueDate)}</strong> {OPEN.includes(task.status) && task.kind !== 'recurring' && <DaysLeft task={task} />}
          {task.dueDate !== task.originalDueDate && <div className="muted small">{t('task.originalDue', { date: formatDate(task.originalDueDate) })}</div>}
        </Fact>
        {task.kind === 'recurring' &&
          OPEN.includes(task.status) &&
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

function ExtensionRequests({ task }: { task: TaskDetail }) {
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

function eventText(e: TaskEvent, t: Translate, agencies: Directory): string | null {
  const d = (e.data ?? {}) as Record<string, unknown>;
  const date = (k: string) => (typeof d[k] === 'string' ? formatDate(d[k] as string) : '');
  switch (e.type) {
    case 'created':
      return d.dueDate ? t('event.detail.due', { date: date('dueDate') }) : null;
    case 'progress_reported':
      return typeof d.reportYear === 'number'
        ? t('event.detail.progressYear', { from: Number(d.fromPercent ?? 0), to: Number(d.percent ?? 0), year: d.reportYear })
        : t('event.detail.progress', { from: Number(d.fromPercent ?? 0), to: Number(d.percent ?? 0) });
    case 'extension_requested':
      return t('event.detail.extensionRequested', { date: date('newDueDate'), current: date('currentDueDate') });
    case 'extension_approved':
      return t('event.detail.extensionApproved', { date: date('newDueDate') });
    case 'extension_rejected':
      return t('event.detail.extensionRejected', { date: date('newDueDate') });
    case 'edited':
      return d.dueDate ? t('event.detail.dueChanged', { from: date('previousDueDate'), to: date('dueDate') }) : null;
    case 'reassigned':
    case 'transferred':
      return t('event.detail.moved', { from: agencies.nameOf(d.fromAgency as string), to: agencies.nameOf(d.toAgency as string) });
    case 'child_changed':
      return null;
    default:
      return null;
  }
}

function Timeline({ events }: { events: TaskEvent[] }) {
  const { t, tx } = useI18n();
  const agencies = useAgencies();
  const ordered = [...events].sort((a, b) => b.seq - a.seq);
  return (
    <section className="section card detail--timeline" aria-labelledby="timeline-h">
      <h2 id="timeline-h" className="section__title">
        {t('timeline.title')}
      </h2>
      {ordered.length === 0 ? (
        <p className="empty">{t('timeline.none')}</p>
      ) : (
        <ol className="timeline">
          {ordered.map((e) => {
            const label = tx(`event.${e.type}`, e.type);
            const detail = eventText(e, t, agencies);
            const who = [e.actor.name, e.actor.agencyCode ? agencies.nameOf(e.actor.agencyCode) : e.actor.role === 'system' ? null : e.actor.role && tx(`role.${e.actor.role}`, e.actor.role)]
              .filter(Boolean)
              .join(' — ');
            return (
              <li key={e.seq} className={`timeline__item timeline__item--${e.type}`}>
                <div className="timeline__head">
                  <span className="timeline__what">{label}</span>
                  <time dateTime={e.at} className="timeline__when">
                    {formatDateTime(e.at)}
                  </time>
                </div>
                {who && <p className="timeline__who">{who}</p>}
                {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
                  <p className="timeline__status">
                    <StatusBadge status={e.fromStatus} /> <span aria-hidden="true">→</span>
                    <span className="visually-hidden">{t('timeline.to')}</span> <StatusBadge status={e.toStatus} />
                  </p>
                )}
                {detail && <p className="timeline__detail">{detail}</p>}
                {e.note && <blockquote className="timeline__note">{e.note}</blockquote>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** `agency:STTTT` → the agency's name; `leadership` → the province's leaders. */
function recipientName(to: string, t: Translate, agencies: Directory): string {
  if (to === 'leadership') return t('reminders.leadership');
  if (to.startsWith('agency:')) return agencies.nameOf(to.slice('agency:'.length));
  if (to.startsWith('user:')) return t('reminders.user');
  return to;
}

function Reminders({ loaded, taskId }: { loaded: Loaded<Reminder[]>; taskId: string }) {
  const { t, tx } = useI18n();
  const agencies = useAgencies();
  const me = useMe();
  return (
    <section className="section card detail--reminders" aria-labelledby="reminders-h">
      <h2 id="reminders-h" className="section__title">
        {t('reminders.title')}
      </h2>
      <p className="muted small">{t('reminders.lead')}</p>
      {loaded.error ? (
        <ErrorBox error={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading />
      ) : loaded.data.length === 0 ? (
        <p className="empty">{t('reminders.none')}</p>
      ) : (
        <ol className="reminders">
          {[...loaded.data]
            .sort((a, b) => a.at.localeCompare(b.at))
            .map((r, i) => (
              <li key={`${r.kind}-${r.at}-${i}`} className="reminders__item">
                <div className="reminders__head">
                  <time dateTime={r.at} className="reminders__when">
                    {formatDateTime(r.at)}
                  </time>
                  <span className={`badge badge--mail-${r.status}`}>{tx(`mail.${r.status}`, r.status)}</span>
                </div>
                <p className="reminders__kind">{tx(`notify.${r.kind}`, r.kind)}</p>
                <p className="reminders__to small">
                  {[
                    r.to.length > 0 && `${t('reminders.to')}: ${r.to.map((x) => recipientName(x, t, agencies)).join('; ')}`,
                    r.cc && r.cc.length > 0 && `cc: ${r.cc.map((x) => recipientName(x, t, agencies)).join('; ')}`,
                  ]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                </p>
                {r.reason && <p className="small muted">{r.reason}</p>}
              </li>
            ))}
        </ol>
      )}
      {me.role === 'coordinator' && (
        <p className="small">
          <Link to={`/outbox?task=${taskId}`}>{t('reminders.outbox')}</Link>
        </p>
      )}
    </section>
  );
}

/** Which commands this user may give on this task now, as the lifecycle (DESIGN.md §5) allows them. */
function Actions({ task, onDone }: { task: TaskDetail; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const open = OPEN.includes(task.status);
  const forms = actionForms(task, me, t, onDone);
  return (
    <section className="section card actions detail--actions" aria-labelledby="actions-h">
      <h2 id="actions-h" className="section__title">
        {t('actions.title')}
      </h2>
      {!open && <p className="muted">{t('actions.closed')}</p>}
      {open && forms.length === 0 && <p className="muted">{me.role === 'viewer' ? t('actions.readOnly') : t('actions.none')}</p>}
      {forms}
    </section>
  );
}

/**
 * The forms for this user and state. Their keys carry the task's `updatedAt`: after a command each form
 * starts again from the task as it now is (the progress field shows the new percentage).
 */
function actionForms(task: TaskDetail, me: Me, t: Translate, onDone: (message: string) => void): ReactNode[] {
  const post = (action: string, body: unknown = {}) => api.post(`/api/tasks/${task.id}/${action}`, body);
  const pending = task.extensionRequests.find((r) => r.status === 'pending');
  const forms: ReactNode[] = [];
  if (!OPEN.includes(task.status)) return forms;

  if (me.role === 'agency' && me.agencyCode === task.leadAgency && !task.isGroup) {
    if (task.status === 'assigned') {
      forms.push(
        <ActionForm
          key={`ack-${task.updatedAt}`}
          id="acknowledge"
          title={t('actions.acknowledge')}
          description={<p>{t('actions.acknowledgeHelp')}</p>}
          initial={{}}
          submitLabel={t('actions.acknowledgeSubmit')}
          send={() => post('acknowledge')}
          onDone={() => onDone(t('done.acknowledged'))}
        />,
      );
    }
    if (task.status === 'assigned' || task.status === 'in_progress') {
      forms.push(
        <ActionForm
          key={`progress-${task.updatedAt}`}
          id="progress"
          title={t('actions.progress')}
          initial={{ percent: String(task.progress), note: '' }}
          fields={(f) => (
            <>
              <TextField form={f} name="percent" label={t('actions.percent')} hint={t('actions.percentHint')} input={{ inputMode: 'numeric', className: 'input input--short' }} required />
              <TextAreaField form={f} name="note" label={t('actions.progressNote')} />
            </>
          )}
          submitLabel={t('actions.progressSubmit')}
          send={(v) => post('progress', { percent: v.percent.trim() === '' ? null : Number(v.percent), note: v.note || undefined })}
          onDone={() => onDone(t('done.progress'))}
        />,
      );
    }
    if (task.status === 'in_progress') {
      forms.push(
        <ActionForm
          key={`completion-${task.updatedAt}`}
          id="completion"
          title={t('actions.completion')}
          description={<p>{t('actions.completionHelp')}</p>}
          initial={{ note: '' }}
          fields={(f) => <TextAreaField form={f} name="note" label={t('actions.completionNote')} />}
          submitLabel={t('actions.completionSubmit')}
          send={(v) => post('completion', { note: v.note || undefined })}
          onDone={() => onDone(t('done.completion'))}
        />,
      );
    }
    if ((task.status === 'assigned' || task.status === 'in_progress') && !pending) {
      forms.push(
        <ActionForm
          key={`extension-${task.updatedAt}`}
          id="extension"
          title={t('actions.extension')}
          collapsible
          initial={{ newDueDate: '', reason: '' }}
          fields={(f) => (
            <>
              <DateField form={f} name="newDueDate" label={t('ext.newDueDate')} required />
              <TextAreaField form={f} name="reason" label={t('ext.reason')} required />
            </>
          )}
          submitLabel={t('actions.extensionSubmit')}
          send={(v) => post('extension-requests', { newDueDate: parseDateInput(v.newDueDate), reason: v.reason })}
          onDone={() => onDone(t('done.extension'))}
        />,
      );
    }
    if (pending) forms.push(<Notice key={`pending-${task.updatedAt}`} tone="info" title={t('ext.pendingTitle')}>{t('ext.pendingText', { date: formatDate(pending.newDueDate) })}</Notice>);
  }

  if (me.role === 'agency' && me.agencyCode && task.coordinatingAgencies.includes(me.agencyCode)) {
    forms.push(
      <ActionForm
        key={`contribution-${task.updatedAt}`}
        id="contribution"
        title={t('actions.contribution')}
        description={<p>{t('actions.contributionHelp')}</p>}
        initial={{ note: '' }}
        fields={(f) => <TextAreaField form={f} name="note" label={t('actions.contributionNote')} required />}
        submitLabel={t('actions.contributionSubmit')}
        send={(v) => post('contributions', { note: v.note })}
        onDone={() => onDone(t('done.contribution'))}
      />,
    );
  }

  if (me.role === 'coordinator') {
    if (task.status === 'completion_submitted' && !task.isGroup) {
      forms.push(
        <ActionForm
          key={`accept-${task.updatedAt}`}
          id="accept"
          title={t('actions.accept')}
          initial={{ note: '' }}
          fields={(f) => <TextAreaField form={f} name="note" label={t('actions.acceptNote')} />}
          submitLabel={t('actions.acceptSubmit')}
          send={(v) => post('acceptance', { note: v.note || undefined })}
          onDone={() => onDone(t('done.accepted'))}
        />,
        <ActionForm
          key={`return-${task.updatedAt}`}
          id="return"
          title={t('actions.return')}
          initial={{ reason: '' }}
          fields={(f) => <TextAreaField form={f} name="reason" label={t('actions.returnReason')} required />}
          submitLabel={t('actions.returnSubmit')}
          variant="secondary"
          send={(v) => post('return', { reason: v.reason })}
          onDone={() => onDone(t('done.returned'))}
        />,
      );
    }
    if (pending) {
      forms.push(
        <ActionForm
          key={`decide-${task.updatedAt}`}
          id="decide"
          title={t('actions.decide')}
          description={
            <p>
              {t('actions.decideHelp', { by: pending.requestedBy?.name ?? '', date: formatDate(pending.newDueDate), current: formatDate(task.dueDate) })}
              <br />
              <q>{pending.reason}</q>
            </p>
          }
          initial={{ approve: '', note: '' }}
          fields={(f) => (
            <>
              <ChoiceField
                form={f}
                name="approve"
                label={t('actions.decision')}
                inline
                options={[
                  { value: 'true', label: t('actions.approve') },
                  { value: 'false', label: t('actions.reject') },
                ]}
                required
              />
              <TextAreaField form={f} name="note" label={t('actions.decisionNote')} />
            </>
          )}
          submitLabel={t('actions.decideSubmit')}
          send={(v) => api.post(`/api/tasks/${task.id}/extension-requests/${pending.id}/decision`, { approve: v.approve === '' ? null : v.approve === 'true', note: v.note || undefined })}
          onDone={() => onDone(t('done.decided'))}
        />,
      );
    }
    forms.push(<CoordinatorEdits key={`edits-${task.updatedAt}`} task={task} onDone={onDone} />);
  }
  return forms;
}

function CoordinatorEdits({ task, onDone }: { task: TaskDetail; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const agencies = useAgencies();
  return (
    <>
      <ActionForm
        id="edit-due"
        title={t('actions.editDue')}
        collapsible
        initial={{ dueDate: formatDate(task.dueDate), note: '' }}
        fields={(f) => (
          <>
            <DateField form={f} name="dueDate" label={t('task.dueDate')} required />
            <TextAreaField form={f} name="note" label={t('actions.editNote')} />
          </>
        )}
        submitLabel={t('actions.editSubmit')}
        send={(v) => api.patch(`/api/tasks/${task.id}`, { dueDate: parseDateInput(v.dueDate), note: v.note || undefined })}
        onDone={() => onDone(t('done.edited'))}
      />
      {!task.isGroup && (
        <ActionForm
          id="reassign"
          title={t('actions.reassign')}
          collapsible
          initial={{ leadAgency: '', note: '' }}
          fields={(f) => (
            <>
              <SelectField
                form={f}
                name="leadAgency"
                label={t('actions.newLead')}
                placeholder={t('common.choose')}
                options={agencies.list.filter((a) => a.kind !== 'group' && a.active !== false && a.code !== task.leadAgency).map((a) => ({ value: a.code, label: a.name }))}
                required
              />
              <TextAreaField form={f} name="note" label={t('actions.reassignNote')} />
            </>
          )}
          submitLabel={t('actions.reassignSubmit')}
          variant="secondary"
          send={(v) => api.post(`/api/tasks/${task.id}/reassign`, { leadAgency: v.leadAgency, note: v.note || undefined })}
          onDone={() => onDone(t('done.reassigned'))}
        />
      )}
      <ActionForm
        id="cancel"
        title={t('actions.cancel')}
        collapsible
        description={<p>{task.isGroup ? t('actions.cancelGroupHelp') : t('actions.cancelHelp')}</p>}
        initial={{ reason: '' }}
        fields={(f) => <TextAreaField form={f} name="reason" label={t('actions.cancelReason')} required />}
        submitLabel={t('actions.cancelSubmit')}
        variant="danger"
        send={(v) => api.post(`/api/tasks/${task.id}/cancel`, { reason: v.reason })}
        onDone={() => onDone(t('done.cancelled'))}
      />
    </>
  );
}
