import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { daysBetween, formatDate, todayVn } from '../lib/format';
import { useI18n } from '../lib/i18n';
import type { Task } from '../lib/types';
import { DataTable, type Column } from './DataTable';
import { Progress, TaskStatusCell } from './StatusBadge';

export type TaskColumn = 'number' | 'title' | 'lead' | 'due' | 'status' | 'progress' | 'daysLeft' | 'actions';

/** "còn 5 ngày" / "quá hạn 3 ngày" / "hôm nay", to the deadline that applies (a recurring task's: its year's report date). */
export function DaysLeft({ task }: { task: Pick<Task, 'currentDueDate' | 'status'> }) {
  const { t } = useI18n();
  if (task.status === 'completed' || task.status === 'cancelled' || !task.currentDueDate) return <span className="muted">—</span>;
  const days = daysBetween(todayVn(), task.currentDueDate);
  if (days === 0) return <span className="text-warn">{t('due.today')}</span>;
  if (days < 0) return <span className="text-danger">{t('due.overdueBy', { days: -days })}</span>;
  return <span>{t('due.left', { days })}</span>;
}

export function TaskTable({
  tasks,
  caption,
  columns = ['number', 'title', 'lead', 'due', 'status', 'progress'],
  empty,
  actions,
  captionHidden,
}: {
  tasks: Task[];
  caption: string;
  columns?: TaskColumn[];
  empty?: string;
  actions?: (task: Task) => ReactNode;
  captionHidden?: boolean;
}) {
  const { t } = useI18n();
  const all: Record<TaskColumn, Column<Task>> = {
    number: { key: 'number', label: t('task.number'), cell: (r) => [r.sectionCode, r.number].filter(Boolean).join('.') || '—', className: 'col-number' },
    title: {
      key: 'title',
      label: t('task.title'),
      primary: true,
      cell: (r) => (
        <Link to={`/tasks/${r.id}`} className="task-link">
          {r.title}
        </Link>
      ),
    },
    lead: { key: 'lead', label: t('task.lead'), cell: (r) => r.leadAgencyName ?? r.leadAgency, className: 'col-agency' },
    due: {
      key: 'due',
      label: t('task.dueDate'),
      cell: (r) =>
        r.reportYear !== null && r.currentDueDate ? (
          // A recurring task: this year's report date, the deadline it is judged by.
          <>
            {formatDate(r.currentDueDate)}
            <div className="muted small col-date__note">({t('task.yearReport', { year: r.reportYear })})</div>
          </>
        ) : (
          <>
            {formatDate(r.dueDate)}
            {r.dueDate !== r.originalDueDate && <div className="muted small">({t('task.extended')})</div>}
          </>
        ),
      className: 'col-date',
    },
    daysLeft: { key: 'daysLeft', label: t('task.daysLeft'), cell: (r) => <DaysLeft task={r} /> },
    status: { key: 'status', label: t('task.status'), cell: (r) => <TaskStatusCell task={r} />, className: 'col-status' },
    progress: { key: 'progress', label: t('task.progress'), cell: (r) => <Progress value={r.progress} label={t('task.progressOf', { title: r.title })} /> },
    actions: { key: 'actions', label: t('common.actions'), cell: (r) => actions?.(r) ?? null },
  };
  return (
    <DataTable
      caption={caption}
      captionHidden={captionHidden}
      columns={columns.map((c) => all[c])}
      rows={tasks}
      rowKey={(r) => r.id}
      empty={empty ?? t('tasks.none')}
      rowClassName={(r) => (r.overdue ? 'row--overdue' : undefined)}
    />
  );
}
