import { useState } from 'react';
import { useParams } from 'react-router';
import { client, ok, useLoad } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { AttachmentList } from '../components/Evidence';
import { PageHeader } from '../components/PageHeader';
import { Async, Notice } from '../components/States';
import { TaskStatusCell } from '../components/StatusBadge';
import { TaskTable } from '../components/TaskTable';
import { ExtensionRequests, Facts } from '../components/task/TaskFacts';
import { Actions } from '../components/task/TaskActions';
import { Discussion } from '../components/task/TaskDiscussion';
import { Reminders } from '../components/task/TaskReminders';
import { Timeline } from '../components/task/TaskTimeline';
import { usePlan } from './Plans';

export function TaskDetailPage() {
  const { taskId = '' } = useParams();
  const { t } = useI18n();
  const path = { params: { path: { id: taskId } } };
  const detail = useLoad((signal) => ok(client.GET('/api/tasks/{id}', { ...path, signal })), [taskId]);
  const plan = usePlan(detail.data?.planId);
  const reminders = useLoad((signal) => ok(client.GET('/api/tasks/{id}/reminders', { ...path, signal })).then((r) => r.items), [taskId]);
  const files = useLoad((signal) => ok(client.GET('/api/tasks/{id}/attachments', { ...path, signal })), [taskId]);
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);

  const done = (message: string) => {
    setNotice((prev) => ({ text: message, n: (prev?.n ?? 0) + 1 }));
    detail.reload();
    reminders.reload();
    files.reload();
  };
  const maxMB = files.data?.maxMB;

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
              <Actions task={task} onDone={done} maxMB={maxMB} />
              <Discussion task={task} plan={plan.data} onDone={done} maxMB={maxMB} />
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
              <AttachmentList loaded={files} />
              <Reminders loaded={reminders} taskId={task.id} />
            </div>
          </div>
        </>
      )}
    </Async>
  );
}
