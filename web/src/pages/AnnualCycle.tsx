import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, client, downloadFile, ok, useLoad, type Loaded } from '../lib/api';
import { formatDate, formatDateTime, formatNumber, formatPercent, todayVn } from '../lib/format';
import { useForm } from '../lib/form';
import { useI18n } from '../lib/i18n';
import { useMe } from '../lib/session';
import type { AnnualCycle, AnnualReport, Plan } from '../lib/types';
import { DataTable } from '../components/DataTable';
import { Form, SubmitButton } from '../components/Form';
import { PageHeader } from '../components/PageHeader';
import { Async, ErrorBox, Loading, Notice } from '../components/States';
import { StatTiles } from './PlanDashboard';
import { usePlan } from './Plans';

const POLL_MS = 1500;

/** A plan's cycle of a year, or null when it has not been opened. */
export function loadCycle(planId: string, year: number, signal: AbortSignal): Promise<AnnualCycle | null> {
  return ok(client.GET('/api/plans/{id}/annual-cycles/{year}', { params: { path: { id: planId, year } }, signal })).catch((err: unknown) => {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  });
}

function yearsOf(plan: Plan): number[] {
  const from = Number(plan.periodStart.slice(0, 4));
  const to = Number(plan.periodEnd.slice(0, 4));
  const years: number[] = [];
  for (let y = to; y >= from; y--) years.push(y);
  return years;
}

export function AnnualCyclePage() {
  const { planId = '' } = useParams();
  const { t } = useI18n();
  const plan = usePlan(planId);
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year') ?? thisYear);

  return (
    <Async loaded={plan}>
      {(p) => {
        const years = yearsOf(p);
        return (
          <>
            <PageHeader
              kicker={p.documentNumber}
              title={t('cycle.title', { year })}
              crumbs={[
                { label: t('plans.title'), to: '/plans' },
                { label: p.documentNumber, to: `/plans/${p.id}` },
                { label: t('cycle.action') },
              ]}
              lead={<p>{t('cycle.lead')}</p>}
              actions={
                <div className="field field--inline">
                  <label className="field__label" htmlFor="cycle-year">
                    {t('cycle.year')}
                  </label>
                  <select id="cycle-year" className="input select" value={year} onChange={(e) => setParams({ year: e.target.value })}>
                    {(years.includes(year) ? years : [year, ...years]).map((y) => (
                      <option key={y} value={y}>
                        {y}
                      </option>
                    ))}
                  </select>
                </div>
              }
            />
            <CycleBody key={year} plan={p} year={year} />
          </>
        );
      }}
    </Async>
  );
}

function CycleBody({ plan, year }: { plan: Plan; year: number }) {
  const { t } = useI18n();
  const me = useMe();
  const cycle = useLoad((signal) => loadCycle(plan.id, year, signal), [plan.id, year]);
  const report = useLoad(
    (signal) =>
      ok(client.GET('/api/plans/{id}/annual-cycles/{year}/report', { params: { path: { id: plan.id, year }, query: { format: 'json' } }, signal })).then(
        (r): AnnualReport | null => r,
        (err: unknown) => {
          // Not compiled yet (or no cycle): nothing to preview.
          if (err instanceof ApiError && (err.status === 404 || err.status === 409)) return null;
          throw err;
        },
      ),
    [plan.id, year],
  );
  const start = useForm({});
  const [started, setStarted] = useState(false);
  const startCycle = () =>
    start.run(async () => {
      await ok(client.POST('/api/plans/{id}/annual-cycles', { params: { path: { id: plan.id } }, body: { year } }));
      setStarted(true);
      cycle.reload();
    });

  // The cycle's workflow records the cycle and compiles the report on its own: follow it while it
  // is being opened, and while its due date has passed but the compilation has not arrived yet.
  const c0 = cycle.data;
  const waiting = Boolean((started && c0 === null) || (c0 && c0.status !== 'compiled' && c0.dueDate && c0.dueDate < todayVn()));
  const reloadCycle = cycle.reload;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(reloadCycle, POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, reloadCycle]);
  const reloadReport = report.reload;
  const compiledKey = c0 ? `${c0.status}-${c0.version}` : 'none';
  useEffect(() => {
    if (compiledKey !== 'none') reloadReport();
  }, [compiledKey, reloadReport]);

  if (cycle.error) return <ErrorBox error={cycle.error} onRetry={cycle.reload} />;
  if (cycle.data === undefined) return <Loading />;
  const c = cycle.data;
  return (
    <>
      {c === null && started ? (
        <Loading label={t('cycle.opening')} />
      ) : c === null ? (
        <section className="section card" aria-labelledby="start-h">
          <h2 id="start-h" className="section__title">
            {t('cycle.notStarted', { year })}
          </h2>
          <p>{t('cycle.notStartedHelp')}</p>
          {me.role === 'coordinator' && (
            <Form form={start} onSubmit={startCycle} label={t('cycle.start', { year })}>
              <div className="form__actions">
                <SubmitButton form={start}>{t('cycle.start', { year })}</SubmitButton>
              </div>
            </Form>
          )}
        </section>
      ) : (
        <section className="section card" aria-labelledby="who-h">
          <h2 id="who-h" className="section__title">
            {t('cycle.who')}
          </h2>
          <p>
            {[t('cycle.requestedOn', { date: formatDate(c.requestedOn) }), t('cycle.dueOn', { date: formatDate(c.dueDate) })].join(' · ')}
          </p>
          {waiting && <Loading label={t('cycle.compiling')} />}
          <StatTiles
            label={t('cycle.who')}
            tiles={[
              { key: 'requested', label: t('cycle.requested'), value: c.agencies.filter((a) => a.requested).length, tone: 'neutral' },
              { key: 'submitted', label: t('cycle.submitted'), value: c.agencies.filter((a) => a.submittedAt !== null).length, tone: 'success' },
              { key: 'missing', label: t('cycle.missing'), value: c.agencies.filter((a) => a.requested && a.submittedAt === null).length, tone: 'danger' },
            ]}
          />
          <DataTable
            caption={t('cycle.who')}
            captionHidden
            rows={c.agencies}
            rowKey={(a) => a.code}
            empty={t('cycle.noAgencies')}
            columns={[
              { key: 'name', label: t('task.lead'), primary: true, cell: (a) => a.name },
              {
                key: 'state',
                label: t('cycle.reportState'),
                cell: (a) =>
                  a.submittedAt !== null ? (
                    <span className="badge badge--completed">
                      <span aria-hidden="true" className="badge__glyph">
                        ✓
                      </span>
                      {a.onTime === false ? t('cycle.submittedLate') : t('cycle.submittedOne')}
                    </span>
                  ) : (
                    <span className="badge badge--overdue">
                      <span aria-hidden="true" className="badge__glyph">
                        ✕
                      </span>
                      {t('cycle.notSubmitted')}
                    </span>
                  ),
              },
              { key: 'at', label: t('cycle.submittedAt'), cell: (a) => formatDateTime(a.submittedAt) },
            ]}
          />
        </section>
      )}
      <CompiledReport plan={plan} year={year} loaded={report} />
    </>
  );
}

function CompiledReport({ plan, year, loaded }: { plan: Plan; year: number; loaded: Loaded<AnnualReport | null> }) {
  const { t, tx, lang } = useI18n();
  const [downloadError, setDownloadError] = useState<ApiError | null>(null);
  const report = (format: 'xlsx' | 'html') =>
    client.GET('/api/plans/{id}/annual-cycles/{year}/report', { params: { path: { id: plan.id, year }, query: { format, lang } }, parseAs: 'blob' });
  const xlsx = async () => {
    setDownloadError(null);
    try {
      await downloadFile(report('xlsx'), `bao-cao-${plan.code}-${year}.xlsx`.replace(/[^\w.-]/g, '-'));
    } catch (err) {
      if (err instanceof ApiError) setDownloadError(err);
    }
  };
  const printable = async () => {
    setDownloadError(null);
    // Opened before the request so the browser does not treat it as an unrequested pop-up.
    const win = window.open('', '_blank');
    try {
      const html = await ok(report('html'));
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
      if (win) win.location.href = url;
      else window.location.href = url;
    } catch (err) {
      win?.close();
      if (err instanceof ApiError) setDownloadError(err);
    }
  };

  return (
    <section className="section card" aria-labelledby="report-h">
      <h2 id="report-h" className="section__title">
        {t('cycle.report')}
      </h2>
      {loaded.error ? (
        <ErrorBox error={loaded.error} onRetry={loaded.reload} />
      ) : loaded.data === undefined ? (
        <Loading />
      ) : loaded.data === null ? (
        <p className="empty">{t('cycle.notCompiled')}</p>
      ) : (
        <>
          <p>
            {t('cycle.compiled', { version: loaded.data.version, date: formatDateTime(loaded.data.compiledAt), asOf: formatDate(loaded.data.asOf) })}
          </p>
          <div className="form__actions">
            <button type="button" className="button button--primary" onClick={() => void xlsx()}>
              {t('cycle.downloadXlsx')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => void printable()}>
              {t('cycle.openHtml')}
            </button>
          </div>
          {downloadError && <ErrorBox error={downloadError} />}
          <StatTiles
            label={t('cycle.headline')}
            tiles={[
              { key: 'total', label: t('dashboard.total'), value: loaded.data.headline.total },
              ...loaded.data.classes.map((c) => ({
                key: c.class,
                label: tx(`class.${c.class}`, c.class),
                value: c.count,
                tone: (c.class === 'completed_on_time' ? 'success' : c.class === 'in_progress_overdue' || c.class === 'completed_late' ? 'danger' : c.class === 'not_started' ? 'warning' : 'info') as 'success' | 'danger' | 'warning' | 'info',
              })),
            ]}
          />
          <p>
            {t('cycle.rateLine', {
              rate: formatPercent(loaded.data.headline.onTimeRate),
              reported: loaded.data.headline.agenciesReported,
              requested: loaded.data.headline.agenciesRequested,
            })}
          </p>
          <h3 className="subhead">{t('cycle.byAgency')}</h3>
          <DataTable
            caption={t('cycle.byAgency')}
            captionHidden
            rows={loaded.data.agencies}
            rowKey={(a) => a.agencyCode}
            columns={[
              { key: 'name', label: t('task.lead'), primary: true, cell: (a) => a.agencyName },
              { key: 'total', label: t('stats.total'), numeric: true, cell: (a) => a.total },
              { key: 'completed', label: t('stats.completed'), numeric: true, cell: (a) => a.completed },
              { key: 'onTime', label: t('stats.completedOnTime'), numeric: true, cell: (a) => a.completedOnTime },
              { key: 'overdue', label: t('flag.overdue'), numeric: true, cell: (a) => a.overdue },
              { key: 'rate', label: t('stats.onTimeRate'), numeric: true, cell: (a) => formatPercent(a.onTimeRate) },
              { key: 'report', label: t('cycle.reportState'), cell: (a) => (a.reportSubmitted ? (a.reportOnTime === false ? t('cycle.submittedLate') : t('cycle.submittedOne')) : t('cycle.notSubmitted')) },
            ]}
          />
          <details className="details">
            <summary>{t('cycle.tasks', { n: loaded.data.tasks.length })}</summary>
            <DataTable
              caption={t('cycle.tasksCaption')}
              captionHidden
              rows={loaded.data.tasks}
              rowKey={(r) => r.id}
              columns={[
                { key: 'n', label: t('task.number'), cell: (r) => [r.sectionCode, r.number].filter(Boolean).join('.') || '—' },
                { key: 'title', label: t('task.title'), primary: true, cell: (r) => <Link to={`/tasks/${r.id}`}>{r.title}</Link> },
                { key: 'lead', label: t('task.lead'), cell: (r) => r.leadAgencyName },
                { key: 'class', label: t('cycle.class'), cell: (r) => tx(`class.${r.class}`, r.class) },
                { key: 'progress', label: t('task.progress'), numeric: true, cell: (r) => `${r.progress} %` },
                { key: 'due', label: t('task.dueDate'), cell: (r) => formatDate(r.dueDate) },
                { key: 'note', label: t('task.note'), cell: (r) => r.note ?? '' },
              ]}
            />
          </details>
          {loaded.data.funding.rows.length > 0 && (
            <details className="details">
              <summary>{t('cycle.funding')}</summary>
              <DataTable
                caption={t('cycle.funding')}
                captionHidden
                rows={loaded.data.funding.rows}
                rowKey={(r) => r.sources.join('+') || 'none'}
                columns={[
                  { key: 'src', label: t('task.funding'), primary: true, cell: (r) => (r.sources.length ? r.sources.map((s) => t(`funding.${s}`)).join(' + ') : t('cycle.fundingNone')) },
                  { key: 'n', label: t('stats.total'), numeric: true, cell: (r) => r.taskCount },
                  { key: 'rec', label: t('funding.recurrent'), numeric: true, cell: (r) => formatNumber(r.recurrent) },
                  { key: 'inv', label: t('funding.investment'), numeric: true, cell: (r) => formatNumber(r.investment) },
                  { key: 'tot', label: t('funding.total'), numeric: true, cell: (r) => formatNumber(r.total) },
                ]}
              />
            </details>
          )}
        </>
      )}
      {loaded.data === null && (
        <Notice tone="info">
          <p>{t('cycle.compileHelp')}</p>
        </Notice>
      )}
    </section>
  );
}
