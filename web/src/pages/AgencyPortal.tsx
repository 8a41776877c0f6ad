import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError, client, fetchAllTasks, ok, useLoad } from '../lib/api';
import { useAgencies } from '../lib/agencies';
import { useI18n } from '../lib/i18n';
import { useMe } from '../lib/session';
import type { Task } from '../lib/types';
import { PageHeader } from '../components/PageHeader';
import { Async, Notice } from '../components/States';
import { TaskTable } from '../components/TaskTable';
import { StatTiles } from './PlanDashboard';

/**
 * "Việc của đơn vị": what the agency has to do, most urgent first — tasks to acknowledge, overdue,
 * due soon, in progress, awaiting acceptance — and the tasks it only coordinates.
 */
export function AgencyPortalPage() {
  const { t } = useI18n();
  const me = useMe();
  const agencies = useAgencies();
  const tasks = useLoad((signal) => fetchAllTasks({ status: 'assigned,in_progress,completion_submitted' }, { signal }), []);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const acknowledge = async (task: Task) => {
    setBusy(task.id);
    setNotice(null);
    try {
      await ok(client.POST('/api/tasks/{id}/acknowledge', { params: { path: { id: task.id } } }));
      setNotice({ tone: 'success', text: t('portal.acknowledged', { title: task.title }) });
      tasks.reload();
    } catch (err) {
      setNotice({ tone: 'error', text: err instanceof ApiError ? err.message : String(err) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader title={t('portal.title')} kicker={agencies.nameOf(me.agencyCode)} lead={<p>{t('portal.lead')}</p>} />
      {notice && (
        <Notice key={notice.text} tone={notice.tone} focus>
          <p>{notice.text}</p>
        </Notice>
      )}
      <Async loaded={tasks}>
        {(all) => {
          const own = all.filter((task) => !task.isGroup && task.leadAgency === me.agencyCode);
          const coordinating = all.filter((task) => !task.isGroup && task.leadAgency !== me.agencyCode);
          const toAcknowledge = own.filter((task) => task.status === 'assigned');
          const overdue = own.filter((task) => task.overdue);
          const dueSoon = own.filter((task) => task.dueSoon && !task.overdue);
          const inProgress = own.filter((task) => task.status === 'in_progress' && !task.overdue && !task.dueSoon);
          const awaiting = own.filter((task) => task.status === 'completion_submitted');
          return (
            <>
              <StatTiles
                label={t('portal.summary')}
                tiles={[
                  { key: 'ack', label: t('portal.toAcknowledge'), value: toAcknowledge.length, tone: 'warning' },
                  { key: 'overdue', label: t('flag.overdue'), value: overdue.length, tone: 'danger' },
                  { key: 'dueSoon', label: t('flag.dueSoon'), value: dueSoon.length, tone: 'warning' },
                  { key: 'inProgress', label: t('status.in_progress'), value: own.filter((task) => task.status === 'in_progress').length, tone: 'info' },
                  { key: 'awaiting', label: t('status.completion_submitted'), value: awaiting.length, tone: 'info' },
                  { key: 'coordinating', label: t('portal.coordinating'), value: coordinating.length, tone: 'neutral' },
                ]}
              />
              <PortalSection id="ack" title={t('portal.toAcknowledge')} help={t('portal.toAcknowledgeHelp')} tasks={toAcknowledge}>
                <TaskTable
                  tasks={toAcknowledge}
                  caption={t('portal.toAcknowledge')}
                  captionHidden
                  columns={['title', 'due', 'daysLeft', 'actions']}
                  actions={(task) => (
                    <button type="button" className="button button--primary button--small" disabled={busy === task.id} onClick={() => void acknowledge(task)} aria-label={t('portal.acknowledgeTask', { title: task.title })}>
                      {busy === task.id ? t('common.working') : t('actions.acknowledgeSubmit')}
                    </button>
                  )}
                />
              </PortalSection>
              <PortalSection id="overdue" title={t('flag.overdue')} tasks={overdue} tone="danger">
                <TaskTable tasks={overdue} caption={t('flag.overdue')} captionHidden columns={['title', 'due', 'daysLeft', 'status', 'progress']} />
              </PortalSection>
              <PortalSection id="soon" title={t('flag.dueSoon')} tasks={dueSoon}>
                <TaskTable tasks={dueSoon} caption={t('flag.dueSoon')} captionHidden columns={['title', 'due', 'daysLeft', 'status', 'progress']} />
              </PortalSection>
              <PortalSection id="progress" title={t('status.in_progress')} tasks={inProgress}>
                <TaskTable tasks={inProgress} caption={t('status.in_progress')} captionHidden columns={['title', 'due', 'daysLeft', 'progress']} />
              </PortalSection>
              <PortalSection id="awaiting" title={t('status.completion_submitted')} tasks={awaiting}>
                <TaskTable tasks={awaiting} caption={t('status.completion_submitted')} captionHidden columns={['title', 'due', 'status']} />
              </PortalSection>
              <PortalSection id="coordinating" title={t('portal.coordinating')} help={t('portal.coordinatingHelp')} tasks={coordinating}>
                <TaskTable tasks={coordinating} caption={t('portal.coordinating')} captionHidden columns={['title', 'lead', 'due', 'status']} />
              </PortalSection>
              <p>
                <Link to="/tasks">{t('portal.allTasks')}</Link> · <Link to="/portal/report">{t('nav.annualReport')}</Link>
              </p>
            </>
          );
        }}
      </Async>
    </>
  );
}

function PortalSection({ id, title, help, tasks, tone, children }: { id: string; title: string; help?: string; tasks: Task[]; tone?: 'danger'; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className={`section card${tone === 'danger' && tasks.length ? ' card--danger' : ''}`} aria-labelledby={`${id}-h`} data-section={id}>
      <h2 id={`${id}-h`} className="section__title">
        {title} <span className="count">{tasks.length}</span>
      </h2>
      {help && <p className="muted small">{help}</p>}
      {tasks.length === 0 ? <p className="empty">{t('portal.nothing')}</p> : children}
    </section>
  );
}
