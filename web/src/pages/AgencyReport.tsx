import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { client, fetchAllTasks, ok, useLoad } from '../lib/api';
import { useAgencies } from '../lib/agencies';
import { formatDate, formatDateTime } from '../lib/format';
import { unchecked, useForm } from '../lib/form';
import { useI18n } from '../lib/i18n';
import { useMe } from '../lib/session';
import type { AnnualCycle, Plan, Task } from '../lib/types';
import { Form, SubmitButton, TextAreaField, TextField } from '../components/Form';
import { PageHeader } from '../components/PageHeader';
import { Async, Loading, Notice, ErrorBox } from '../components/States';
import { StatusBadge } from '../components/StatusBadge';
import { EvidenceField } from '../components/Evidence';
import { usePlans } from './Plans';
import { loadCycle } from './AnnualCycle';

/**
 * The agency's yearly report on a plan (DESIGN.md §8): a summary and, for each task it leads, the
 * progress at year end and a note. A second submission replaces the first.
 */
export function AgencyReportPage() {
  const { t } = useI18n();
  const me = useMe();
  const agencies = useAgencies();
  const plans = usePlans();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const planId = params.get('plan') ?? '';
  const year = Number(params.get('year') ?? thisYear);

  return (
    <>
      <PageHeader title={t('report.title')} kicker={agencies.nameOf(me.agencyCode)} lead={<p>{t('report.lead')}</p>} />
      <Async loaded={plans}>
        {(list) => {
          const active = list.find((p) => p.id === planId) ?? (list.length === 1 ? list[0] : undefined);
          return (
            <>
              <div className="card filters-row">
                <div className="field field--inline">
                  <label className="field__label" htmlFor="report-plan">
                    {t('tasks.plan')}
                  </label>
                  <select id="report-plan" className="input select" value={active?.id ?? ''} onChange={(e) => setParams({ plan: e.target.value, year: String(year) })}>
                    <option value="">{t('common.choose')}</option>
                    {list.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.documentNumber} — {p.title}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field field--inline">
                  <label className="field__label" htmlFor="report-year">
                    {t('cycle.year')}
                  </label>
                  <input
                    id="report-year"
                    className="input input--short"
                    inputMode="numeric"
                    value={year}
                    onChange={(e) => setParams({ plan: active?.id ?? '', year: e.target.value.replace(/\D/g, '').slice(0, 4) })}
                  />
                </div>
              </div>
              {active ? <ReportForm key={`${active.id}-${year}`} plan={active} year={year} /> : <p className="empty">{t('report.choosePlan')}</p>}
            </>
          );
        }}
      </Async>
    </>
  );
}

function ReportForm({ plan, year }: { plan: Plan; year: number }) {
  const me = useMe();
  const tasks = useLoad(
    (signal) =>
      fetchAllTasks({ plan: plan.id }, { signal }).then((all) =>
        all.filter((task) => !task.isGroup && task.leadAgency === me.agencyCode && task.status !== 'cancelled' && task.startDate.slice(0, 4) <= String(year)),
      ),
    [plan.id, year, me.agencyCode],
  );
  const cycle = useLoad((signal) => loadCycle(plan.id, year, signal), [plan.id, year]);
  if (tasks.error) return <ErrorBox error={tasks.error} onRetry={tasks.reload} />;
  if (!tasks.data || cycle.data === undefined) return <Loading />;
  return (
    <>
      <CycleNotice cycle={cycle.data} year={year} agencyCode={me.agencyCode} />
      <ReportFields plan={plan} year={year} tasks={tasks.data} onSent={cycle.reload} />
    </>
  );
}

/** When the report is due, and whether this agency has already sent one. */
function CycleNotice({ cycle, year, agencyCode }: { cycle: AnnualCycle | null; year: number; agencyCode: string | null }) {
  const { t } = useI18n();
  if (!cycle) {
    return (
      <Notice tone="warning" title={t('report.notOpenTitle', { year })}>
        <p>{t('report.notOpenText')}</p>
      </Notice>
    );
  }
  const mine = cycle.agencies.find((a) => a.code === agencyCode);
  return (
    <Notice tone={mine?.submittedAt ? 'success' : 'info'}>
      <p>{t('report.dueLine', { year, date: formatDate(cycle.dueDate) })}</p>
      <p>{mine?.submittedAt ? t('report.alreadySent', { date: formatDateTime(mine.submittedAt) }) : t('report.notYetSent')}</p>
    </Notice>
  );
}

function ReportFields({ plan, year, tasks, onSent }: { plan: Plan; year: number; tasks: Task[]; onSent: () => void }) {
  const { t } = useI18n();
  const [sent, setSent] = useState(false);
  const initial: Record<string, string | string[]> = { summary: '' };
  tasks.forEach((task, i) => {
    initial[`percent_${i}`] = String(task.progress);
    initial[`note_${i}`] = '';
    initial[`evidence_${i}`] = [];
  });
  const form = useForm(initial);
  const submit = () =>
    form.run(async () => {
      setSent(false);
      const v = form.values;
      const body = {
        summary: v.summary as string,
        tasks: tasks.map((task, i) => {
          const percent = String(v[`percent_${i}`] ?? '').trim();
          const note = String(v[`note_${i}`] ?? '').trim();
          const evidence = (v[`evidence_${i}`] as string[] | undefined) ?? [];
          return { taskId: task.id, percent: unchecked(percent === '' ? null : Number(percent)), ...(note ? { note } : {}), ...(evidence.length ? { attachmentIds: evidence } : {}) };
        }),
      };
      await ok(client.POST('/api/plans/{id}/annual-cycles/{year}/reports', { params: { path: { id: plan.id, year } }, body }));
      setSent(true);
      onSent();
    });
  return (
    <div className="card">
      {sent && (
        <Notice tone="success" title={t('report.sentTitle')}>
          <p>{t('report.sentText', { year })}</p>
        </Notice>
      )}
      <Form form={form} onSubmit={submit} label={t('report.title')}>
        <TextAreaField form={form} name="summary" label={t('report.summary')} hint={t('report.summaryHint', { year })} rows={5} required />
        <h2 className="section__title">{t('report.tasks', { n: tasks.length })}</h2>
        {tasks.length === 0 && <p className="empty">{t('report.noTasks')}</p>}
        <ol className="report-tasks">
          {tasks.map((task, i) => (
            <li key={task.id} className="report-task">
              <fieldset className="fieldset">
                <legend>
                  <Link to={`/tasks/${task.id}`}>{task.title}</Link>
                </legend>
                <p className="small muted">
                  <StatusBadge status={task.status} /> · {t('task.dueDate')}: {formatDate(task.dueDate)}
                </p>
                <div className="grid-report">
                  <TextField form={form} name={`percent_${i}`} apiField={`tasks.${i}.percent`} label={t('report.percent')} input={{ inputMode: 'numeric', className: 'input input--short' }} />
                  <TextAreaField form={form} name={`note_${i}`} apiField={`tasks.${i}.note`} label={t('report.note')} rows={2} />
                </div>
                <EvidenceField form={form} name={`evidence_${i}`} apiField={`tasks.${i}.attachmentIds`} taskId={task.id} />
              </fieldset>
            </li>
          ))}
        </ol>
        <div className="form__actions">
          <SubmitButton form={form}>{t('report.submit')}</SubmitButton>
        </div>
      </Form>
    </div>
  );
}
