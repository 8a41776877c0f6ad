import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, client, ok } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { CommitReply, ImportJob } from '../../lib/types';
import { Notice } from '../States';

const POLL_MS = 1000;

export function CommitStep({ planId, reply, onRestart }: { planId: string; reply: CommitReply; onRestart: () => void }) {
  const { t } = useI18n();
  const [job, setJob] = useState<ImportJob | undefined>(reply.alreadyImported ? undefined : reply.job);
  const [error, setError] = useState<ApiError | null>(null);
  const finished = !job || job.status === 'started' || job.status === 'failed';

  useEffect(() => {
    if (finished || !job) return;
    let live = true;
    const timer = setInterval(() => {
      ok(client.GET('/api/plans/{id}/imports/{jobId}', { params: { path: { id: planId, jobId: job.id } } })).then(
        (next) => live && setJob(next),
        (err: unknown) => live && err instanceof ApiError && setError(err),
      );
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [planId, job, finished]);

  const done = job ? job.startedCount + job.appliedCount + job.refusedCount : 0;
  const total = job ? job.taskCount + job.changeCount : 0;
  const percent = total ? Math.round((done / total) * 100) : 100;
  return (
    <section className="section card" aria-labelledby="commit-h">
      <h2 id="commit-h" className="section__title">
        {t('import.step3')}
      </h2>
      {reply.alreadyImported && (
        <Notice tone="info" title={t('import.alreadyTitle')}>
          <p>{t('import.alreadyText')}</p>
        </Notice>
      )}
      {job && (
        <>
          <p id="commit-progress-label">
            {t('import.progress', { started: job.startedCount, total: job.taskCount })}
            {job.changeCount > 0 && ` · ${t('import.changesProgress', { applied: job.appliedCount, total: job.changeCount })}`}
          </p>
          <div className="progress progress--large" role="progressbar" aria-labelledby="commit-progress-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            <span className="progress__track" aria-hidden="true">
              <span className="progress__bar" style={{ width: `${percent}%` }} />
            </span>
            <span className="progress__text">{percent} %</span>
          </div>
        </>
      )}
      <div aria-live="polite">
        {job?.status === 'started' && (
          <Notice tone="success" title={t('import.doneTitle')}>
            <p>{job.changeCount > 0 ? t('import.doneChangesText', { n: job.taskCount, applied: job.appliedCount, refused: job.refusedCount }) : t('import.doneText', { n: job.taskCount })}</p>
          </Notice>
        )}
        {job?.status === 'failed' && (
          <Notice tone="error" title={t('import.failedTitle')}>
            <p>{t('import.failedText')}</p>
          </Notice>
        )}
      </div>
      {error && (
        <Notice tone="error" title={t('error.title')}>
          <p>{error.message}</p>
        </Notice>
      )}
      <div className="form__actions">
        <Link className="button button--primary" to={`/plans/${planId}`}>
          {t('import.toDashboard')}
        </Link>
        <Link className="button button--secondary" to={`/tasks?plan=${planId}`}>
          {t('dashboard.allTasks')}
        </Link>
        <button type="button" className="button button--secondary" onClick={onRestart}>
          {t('import.another')}
        </button>
      </div>
    </section>
  );
}
