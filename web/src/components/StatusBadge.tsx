import type { Task, TaskStatus } from '../lib/types';
import { useI18n } from '../lib/i18n';

/** A glyph per state so that status never rests on colour alone; the text says it in words. */
const GLYPH: Record<TaskStatus, string> = {
  assigned: '○',
  in_progress: '◐',
  completion_submitted: '◑',
  completed: '✓',
  cancelled: '✕',
};

export function StatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--${status}`}>
      <span aria-hidden="true" className="badge__glyph">
        {GLYPH[status]}
      </span>
      {t(`status.${status}`)}
    </span>
  );
}

/** "Quá hạn" / "Sắp đến hạn" beside the status, for open tasks. */
export function DeadlineFlag({ task }: { task: Pick<Task, 'overdue' | 'dueSoon'> }) {
  const { t } = useI18n();
  if (task.overdue)
    return (
      <span className="badge badge--overdue">
        <span aria-hidden="true" className="badge__glyph">
          !
        </span>
        {t('flag.overdue')}
      </span>
    );
  if (task.dueSoon)
    return (
      <span className="badge badge--due-soon">
        <span aria-hidden="true" className="badge__glyph">
          ◷
        </span>
        {t('flag.dueSoon')}
      </span>
    );
  return null;
}

export function TaskStatusCell({ task }: { task: Pick<Task, 'status' | 'overdue' | 'dueSoon'> }) {
  return (
    <span className="badges">
      <StatusBadge status={task.status} />
      <DeadlineFlag task={task} />
    </span>
  );
}

/** Progress as a bar with the number written beside it. */
export function Progress({ value, label }: { value: number; label?: string }) {
  const { t } = useI18n();
  const v = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <span className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={v} aria-label={label ?? t('task.progress')}>
      <span className="progress__track" aria-hidden="true">
        <span className="progress__bar" style={{ width: `${v}%` }} />
      </span>
      <span className="progress__text">{v} %</span>
    </span>
  );
}
