import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { client, fetchAllTasks, ok, useLoad, type Loaded } from '../lib/api';
import { addDays, formatDate, formatPercent, todayVn } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { useMe } from '../lib/session';
import type { Plan, PlanStats, Task, TaskStatus } from '../lib/types';
import { CompletionChart } from '../components/CompletionChart';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { Async, ErrorBox, Loading } from '../components/States';
import { TaskTable } from '../components/TaskTable';
import { usePlan } from './Plans';

const STATUS_ORDER: TaskStatus[] = ['assigned', 'in_progress', 'completion_submitted', 'completed', 'cancelled'];

export interface Tile {
  key: string;
  label: string;
  value: number;
  to?: string;
  tone?: 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'muted';
}

export function StatTiles({ tiles, label }: { tiles: Tile[]; label: string }) {
  return (
    <ul className="tiles" aria-label={label}>
      {tiles.map((tile) => {
        const body = (
          <>
            <span className="tile__value">{tile.value}</span>
            <span className="tile__label">{tile.label}</span>
          </>
        );
        return (
          <li key={tile.key} className={`tile tile--${tile.tone ?? 'neutral'}`} data-testid={`tile-${tile.key}`}>
            {tile.to ? (
              <Link to={tile.to} className="tile__link">
                {body}
              </Link>
            ) : (
              body
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Counts by status and deadline flag, from the tasks themselves (group parents excluded: their children count). */
export function statusTiles(tasks: Task[], t: ReturnType<typeof useI18n>['t'], listPath: (query: string) => string): Tile[] {
  const own = tasks.filter((task) => !task.isGroup);
  const count = (s: TaskStatus) => own.filter((task) => task.status === s).length;
  const tone: Record<TaskStatus, Tile['tone']> = { assigned: 'warning', in_progress: 'info', completion_submitted: 'info', completed: 'success', cancelled: 'muted' };
  return [
    { key: 'total', label: t('dashboard.total'), value: own.length, to: listPath(''), tone: 'neutral' },
    ...STATUS_ORDER.map((s) => ({ key: s, label: t(`status.${s}`), value: count(s), to: listPath(`status=${s}`), tone: tone[s] })),
    { key: 'overdue', label: t('flag.overdue'), value: own.filter((task) => task.overdue).length, to: listPath('overdue=true'), tone: 'danger' as const },
    { key: 'dueSoon', label: t('flag.dueSoon'), value: own.filter((task) => task.dueSoon).length, to: listPath('dueSoon=true'), tone: 'warning' as const },
  ];
}

export function PlanDashboardPage() {
  const { planId = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const plan = usePlan(planId);
  const tasks = useLoad((signal) => fetchAllTasks({ plan: planId }, { signal }), [planId]);
  const stats = useLoad((signal) => ok(client.GET('/api/plans/{id}/stats', { params: { path: { id: planId } }, signal })), [planId]);
  const coordinator = me.role === 'coordinator';

  return (
    <Async loaded={plan}>
      {(p) => (
        <>
          <PageHeader
            kicker={p.documentNumber}
            title={p.title}
            crumbs={[{ label: t('plans.title'), to: '/plans' }, { label: p.documentNumber }]}
            lead={
              <p>
                {t('plan.periodLine', { from: formatDate(p.periodStart), to: formatDate(p.periodEnd) })} · {p.issuer}
              </p>
            }
            actions={
              <>
                <Link className="button button--secondary" to={`/tasks?plan=${p.id}`}>
                  {t('dashboard.allTasks')}
                </Link>
                {coordinator && (
                  <>
                    <Link className="button button--secondary" to={`/plans/${p.id}/import`}>
                      {t('import.action')}
                    </Link>
                    <Link className="button button--secondary" to={`/plans/${p.id}/cycles`}>
                      {t('cycle.action')}
                    </Link>
                    <Link className="button button--secondary" to={`/plans/${p.id}/settings`}>
                      {t('settings.action')}
                    </Link>
                    <Link className="button button--primary" to={`/plans/${p.id}/tasks/new`}>
                      {t('newTask.action')}
                    </Link>
                  </>
                )}
              </>
            }
          />
          {tasks.error ? <ErrorBox error={tasks.error} onRetry={tasks.reload} /> : !tasks.data ? <Loading /> : <DashboardBody plan={p} tasks={tasks.data} stats={stats} />}
        </>
      )}
    </Async>
  );
}

function DashboardBody({ plan, tasks, stats }: { plan: Plan; tasks: Task[]; stats: Loaded<PlanStats> }) {
  const { t } = useI18n();
  const today = todayVn();
  const own = useMemo(() => tasks.filter((task) => !task.isGroup), [tasks]);
  const open = own.filter((task) => ['assigned', 'in_progress', 'completion_submitted'].includes(task.status));
  const overdue = open.filter((task) => task.overdue);
  const dueSoon = open.filter((task) => task.dueSoon);
  const horizon = addDays(today, 30);
  const upcoming = open.filter((task) => task.dueDate >= today && task.dueDate <= horizon);
  const awaiting = own.filter((task) => task.status === 'completion_submitted');
  const listPath = (q: string) => `/tasks?plan=${plan.id}${q ? `&${q}` : ''}`;

  return (
    <>
      <section aria-labelledby="counts-h" className="section">
        <h2 id="counts-h" className="section__title">
          {t('dashboard.counts')}
        </h2>
        <StatTiles tiles={statusTiles(tasks, t, listPath)} label={t('dashboard.counts')} />
      </section>

      <div className="grid-2 grid-2--wide">
        <section aria-labelledby="overdue-h" className="section card">
          <h2 id="overdue-h" className="section__title">
            {t('dashboard.overdue')} <span className="count">{overdue.length}</span>
          </h2>
          <TaskTable tasks={overdue.slice(0, 10)} caption={t('dashboard.overdue')} captionHidden columns={['title', 'lead', 'due', 'daysLeft']} empty={t('dashboard.noOverdue')} />
          {overdue.length > 10 && <Link to={listPath('overdue=true')}>{t('dashboard.seeAll', { n: overdue.length })}</Link>}
        </section>
        <section aria-labelledby="soon-h" className="section card">
          <h2 id="soon-h" className="section__title">
            {t('dashboard.dueSoon')} <span className="count">{dueSoon.length}</span>
          </h2>
          <TaskTable tasks={dueSoon.slice(0, 10)} caption={t('dashboard.dueSoon')} captionHidden columns={['title', 'lead', 'due', 'daysLeft']} empty={t('dashboard.noDueSoon')} />
          {dueSoon.length > 10 && <Link to={listPath('dueSoon=true')}>{t('dashboard.seeAll', { n: dueSoon.length })}</Link>}
        </section>
      </div>

      {awaiting.length > 0 && (
        <section aria-labelledby="awaiting-h" className="section card">
          <h2 id="awaiting-h" className="section__title">
            {t('dashboard.awaiting')} <span className="count">{awaiting.length}</span>
          </h2>
          <TaskTable tasks={awaiting} caption={t('dashboard.awaiting')} captionHidden columns={['title', 'lead', 'due', 'status']} />
        </section>
      )}

      <div className="grid-2 grid-2--wide">
        <section aria-labelledby="chart-h" className="section card">
          <h2 id="chart-h" className="section__title">
            {t('dashboard.chart')}
          </h2>
          <CompletionChart tasks={tasks} total={own.filter((task) => task.status !== 'cancelled').length} />
        </section>
        <section aria-labelledby="upcoming-h" className="section card">
          <h2 id="upcoming-h" className="section__title">
            {t('dashboard.upcoming')} <span className="count">{upcoming.length}</span>
          </h2>
          <TaskTable tasks={upcoming} caption={t('dashboard.upcoming')} captionHidden columns={['due', 'title', 'lead', 'status']} empty={t('dashboard.noUpcoming')} />
        </section>
      </div>

      <section aria-labelledby="agencies-h" className="section card">
        <h2 id="agencies-h" className="section__title">
          {t('dashboard.byAgency')}
        </h2>
        <p className="muted small">{t('dashboard.onTimeRateHelp')}</p>
        {stats.error ? (
          <ErrorBox error={stats.error} onRetry={stats.reload} />
        ) : !stats.data ? (
          <Loading />
        ) : (
          <DataTable
            caption={t('dashboard.byAgency')}
            captionHidden
            rows={stats.data.agencies}
            rowKey={(a) => a.agencyCode}
            empty={t('tasks.none')}
            columns={[
              { key: 'name', label: t('task.lead'), primary: true, cell: (a) => <Link to={listPath(`agency=${encodeURIComponent(a.agencyCode)}`)}>{a.agencyName}</Link> },
              { key: 'total', label: t('stats.total'), numeric: true, cell: (a) => a.total },
              { key: 'open', label: t('stats.open'), numeric: true, cell: (a) => a.open },
              { key: 'completed', label: t('stats.completed'), numeric: true, cell: (a) => a.completed },
              { key: 'onTime', label: t('stats.completedOnTime'), numeric: true, cell: (a) => a.completedOnTime },
              { key: 'overdue', label: t('flag.overdue'), numeric: true, cell: (a) => (a.overdue ? <span className="text-danger strong">{a.overdue}</span> : 0) },
              { key: 'rate', label: t('stats.onTimeRate'), numeric: true, cell: (a) => formatPercent(a.onTimeRate) },
            ]}
          />
        )}
        {stats.data && (
          <p className="small">
            {t('stats.planTotal', {
              total: stats.data.totals.total,
              completed: stats.data.totals.completed,
              rate: formatPercent(stats.data.totals.onTimeRate),
              date: formatDate(stats.data.asOf),
            })}
          </p>
        )}
      </section>
    </>
  );
}
