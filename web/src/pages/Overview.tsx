import { Link } from 'react-router';
import { client, fetchAllTasks, ok, useLoad } from '../lib/api';
import { formatDate, formatPercent } from '../lib/format';
import { useI18n } from '../lib/i18n';
import type { Plan } from '../lib/types';
import { PageHeader } from '../components/PageHeader';
import { Async, ErrorBox, Loading } from '../components/States';
import { TaskTable } from '../components/TaskTable';
import { StatTiles } from './PlanDashboard';
import { usePlans } from './Plans';

/** Leadership's read-only view across plans: how each plan stands, and what is overdue anywhere. */
export function OverviewPage() {
  const { t } = useI18n();
  const plans = usePlans();
  const overdue = useLoad((signal) => fetchAllTasks({ overdue: 'true' }, { signal, max: 400 }), []);
  return (
    <>
      <PageHeader title={t('overview.title')} lead={<p>{t('overview.lead')}</p>} />
      <Async loaded={plans}>
        {(list) => {
          const totals = list.reduce(
            (acc, p) => ({ total: acc.total + p.counts.total, open: acc.open + p.counts.open, completed: acc.completed + p.counts.completed, overdue: acc.overdue + p.counts.overdue }),
            { total: 0, open: 0, completed: 0, overdue: 0 },
          );
          return (
            <>
              <StatTiles
                label={t('overview.totals')}
                tiles={[
                  { key: 'plans', label: t('overview.plans'), value: list.length },
                  { key: 'total', label: t('dashboard.total'), value: totals.total },
                  { key: 'open', label: t('plan.open'), value: totals.open, tone: 'info' },
                  { key: 'completed', label: t('plan.completed'), value: totals.completed, tone: 'success' },
                  { key: 'overdue', label: t('flag.overdue'), value: totals.overdue, tone: 'danger' },
                ]}
              />
              <section className="section" aria-labelledby="plans-h">
                <h2 id="plans-h" className="section__title">
                  {t('plans.title')}
                </h2>
                <ul className="plan-cards">
                  {list.map((p) => (
                    <PlanCard key={p.id} plan={p} />
                  ))}
                </ul>
                {list.length === 0 && <p className="empty">{t('plans.none')}</p>}
              </section>
            </>
          );
        }}
      </Async>
      <section className="section card" aria-labelledby="overdue-all-h">
        <h2 id="overdue-all-h" className="section__title">
          {t('overview.overdue')}
        </h2>
        {overdue.error ? (
          <ErrorBox error={overdue.error} />
        ) : !overdue.data ? (
          <Loading />
        ) : (
          <TaskTable tasks={overdue.data.filter((task) => !task.isGroup)} caption={t('overview.overdue')} captionHidden columns={['title', 'lead', 'due', 'daysLeft', 'progress']} empty={t('dashboard.noOverdue')} />
        )}
      </section>
    </>
  );
}

function PlanCard({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const stats = useLoad((signal) => ok(client.GET('/api/plans/{id}/stats', { params: { path: { id: plan.id } }, signal })), [plan.id]);
  const c = plan.counts;
  const done = c.total ? Math.round((c.completed / c.total) * 100) : 0;
  return (
    <li className="card plan-card">
      <p className="page-header__kicker">{plan.documentNumber}</p>
      <h3 className="plan-card__title">
        <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
      </h3>
      <p className="small muted">{t('plan.periodLine', { from: formatDate(plan.periodStart), to: formatDate(plan.periodEnd) })}</p>
      <dl className="plan-card__numbers">
        <div>
          <dt>{t('plan.tasks')}</dt>
          <dd>{c.total}</dd>
        </div>
        <div>
          <dt>{t('plan.completed')}</dt>
          <dd>
            {c.completed} ({done} %)
          </dd>
        </div>
        <div>
          <dt>{t('flag.overdue')}</dt>
          <dd className={c.overdue ? 'text-danger strong' : undefined}>{c.overdue}</dd>
        </div>
        <div>
          <dt>{t('stats.onTimeRate')}</dt>
          <dd>{stats.data ? formatPercent(stats.data.totals.onTimeRate) : '…'}</dd>
        </div>
      </dl>
    </li>
  );
}
