import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { client, ok } from '../lib/api';
import { useAgencies } from '../lib/agencies';
import { todayVn } from '../lib/format';
import { useForm } from '../lib/form';
import { useI18n } from '../lib/i18n';
import { useMe } from '../lib/session';
import { useDownload, usePagedList } from '../lib/paging';
import type { TaskQuery, TaskStatus } from '../lib/types';
import { FilteredList } from '../components/FilteredList';
import { ChoiceField, SelectField, TextField } from '../components/Form';
import { PageHeader } from '../components/PageHeader';
import { TaskTable } from '../components/TaskTable';
import { usePlans } from './Plans';

const STATUSES: TaskStatus[] = ['assigned', 'in_progress', 'completion_submitted', 'completed', 'cancelled'];

/** The filters as the URL holds them, so a filtered list can be bookmarked and shared. */
function filtersOf(params: URLSearchParams) {
  return {
    q: params.get('q') ?? '',
    plan: params.get('plan') ?? '',
    agency: params.get('agency') ?? '',
    status: (params.get('status') ?? '').split(',').filter(Boolean),
    overdue: params.get('overdue') === 'true',
    dueSoon: params.get('dueSoon') === 'true',
  };
}

export function TaskListPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const plans = usePlans();
  const agencies = useAgencies();
  const form = useForm({ q: filters.q, plan: filters.plan, agency: filters.agency, status: filters.status, overdue: filters.overdue, dueSoon: filters.dueSoon });
  const key = params.toString();

  // The URL's text goes to the API as it is: a bad filter comes back named `query.<filter>`.
  const filterQuery = (): TaskQuery => ({
    q: filters.q || undefined,
    plan: filters.plan || undefined,
    agency: filters.agency || undefined,
    status: filters.status.join(',') || undefined,
    overdue: filters.overdue ? 'true' : undefined,
    dueSoon: filters.dueSoon ? 'true' : undefined,
  });
  const list = usePagedList((page, signal) => ok(client.GET('/api/tasks', { params: { query: { ...filterQuery(), ...page } }, signal })), key, {
    onPage: () => form.setError(null),
    // Query problems name `query.<filter>`: show them beside the filter.
    onError: (err) => form.setError(err),
  });
  useEffect(() => {
    form.setValues({ ...filtersOf(new URLSearchParams(key)) });
  }, [key]);
  const { download, downloading, downloadError } = useDownload();

  const apply = () => {
    const v = form.values;
    const next = new URLSearchParams();
    if (v.q.trim()) next.set('q', v.q.trim());
    if (v.plan) next.set('plan', v.plan);
    if (v.agency) next.set('agency', v.agency);
    if (v.status.length) next.set('status', v.status.join(','));
    if (v.overdue) next.set('overdue', 'true');
    if (v.dueSoon) next.set('dueSoon', 'true');
    setParams(next);
  };

  const title = me.role === 'agency' ? t('tasks.titleAgency') : t('tasks.title');
  return (
    <>
      <PageHeader title={title} lead={<p>{me.role === 'agency' ? t('tasks.leadAgency') : t('tasks.lead')}</p>} />
      <FilteredList
        id="tasks"
        resultsTitle={t('tasks.results')}
        form={form}
        onApply={apply}
        list={list}
        exportActions={
          // Every task of these filters as a workbook, in the language on screen: not just the pages loaded.
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void download(client.GET('/api/tasks/export', { params: { query: { ...filterQuery(), lang } }, parseAs: 'blob' }), `${t('tasks.exportFile')}-${todayVn()}.xlsx`)}
            disabled={downloading}
            aria-describedby="tasks-export-help"
          >
            {downloading ? t('common.loading') : t('tasks.export')}
          </button>
        }
        exportHelp={t('tasks.exportHelp')}
        exportError={downloadError}
        filters={
          <>
            <TextField form={form} name="q" apiField="query.q" label={t('tasks.search')} input={{ type: 'search' }} />
            <SelectField
              form={form}
              name="plan"
              apiField="query.plan"
              label={t('tasks.plan')}
              placeholder={t('tasks.allPlans')}
              options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.documentNumber} — ${p.title}` }))}
            />
            {me.role !== 'agency' && (
              <SelectField
                form={form}
                name="agency"
                apiField="query.agency"
                label={t('task.lead')}
                placeholder={t('tasks.allAgencies')}
                options={agencies.list.filter((a) => a.kind !== 'group').map((a) => ({ value: a.code, label: a.name }))}
              />
            )}
            <ChoiceField form={form} name="status" apiField="query.status" label={t('task.status')} multiple options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
            <div className="choice__item">
              <input type="checkbox" id="filter-overdue" checked={form.values.overdue} onChange={(e) => form.set('overdue', e.target.checked)} />
              <label htmlFor="filter-overdue">{t('tasks.onlyOverdue')}</label>
            </div>
            <div className="choice__item">
              <input type="checkbox" id="filter-due-soon" checked={form.values.dueSoon} onChange={(e) => form.set('dueSoon', e.target.checked)} />
              <label htmlFor="filter-due-soon">{t('tasks.onlyDueSoon')}</label>
            </div>
          </>
        }
      >
        {(items) => <TaskTable tasks={items} caption={t('tasks.results')} captionHidden columns={['number', 'title', 'lead', 'due', 'status', 'progress']} />}
      </FilteredList>
    </>
  );
}
