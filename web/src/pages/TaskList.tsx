import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiError, downloadFile, withQuery, type Query } from '../lib/api';
import { useAgencies } from '../lib/agencies';
import { todayVn } from '../lib/format';
import { useForm } from '../lib/form';
import { useI18n } from '../lib/i18n';
import { useMe } from '../lib/session';
import type { Page, Task, TaskStatus } from '../lib/types';
import { ChoiceField, Form, SelectField, SubmitButton, TextField } from '../components/Form';
import { PageHeader } from '../components/PageHeader';
import { ErrorBox, Loading } from '../components/States';
import { TaskTable } from '../components/TaskTable';
import { usePlans } from './Plans';

const STATUSES: TaskStatus[] = ['assigned', 'in_progress', 'completion_submitted', 'completed', 'cancelled'];
const PAGE_SIZE = 50;

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
  const [items, setItems] = useState<Task[] | undefined>();
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const key = params.toString();

  const filterQuery = (): Query => ({
    q: filters.q,
    plan: filters.plan,
    agency: filters.agency,
    status: filters.status,
    overdue: filters.overdue ? 'true' : undefined,
    dueSoon: filters.dueSoon ? 'true' : undefined,
  });
  const query = (cursor?: string): Query => ({ ...filterQuery(), limit: PAGE_SIZE, cursor });

  useEffect(() => {
    const controller = new AbortController();
    setItems(undefined);
    setError(undefined);
    form.setValues({ ...filtersOf(new URLSearchParams(key)) });
    api.get<Page<Task>>('/api/tasks', { query: query(), signal: controller.signal }).then(
      (page) => {
        setItems(page.items);
        setNext(page.nextCursor);
        form.setError(null);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        if (err instanceof ApiError) {
          setError(err);
          // Query problems name `query.<filter>`: show them beside the filter.
          form.setError(err);
        }
      },
    );
    return () => controller.abort();
    // The URL is the single source of the filters.
  }, [key]);

  const loadMore = async () => {
    if (!next) return;
    setLoadingMore(true);
    try {
      const page = await api.get<Page<Task>>('/api/tasks', { query: query(next) });
      setItems((list) => [...(list ?? []), ...page.items]);
      setNext(page.nextCursor);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    } finally {
      setLoadingMore(false);
    }
  };

  /** Every task of these filters as a workbook, in the language on screen: not just the pages loaded. */
  const exportXlsx = async () => {
    setExporting(true);
    setExportError(null);
    try {
      await downloadFile(withQuery('/api/tasks/export', { ...filterQuery(), lang }), `${t('tasks.exportFile')}-${todayVn()}.xlsx`);
    } catch (err) {
      if (err instanceof ApiError) setExportError(err);
    } finally {
      setExporting(false);
    }
  };

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
      <div className="layout-sidebar">
        <aside className="card filters" aria-labelledby="filters-h">
          <h2 id="filters-h" className="section__title">
            {t('tasks.filters')}
          </h2>
          <Form form={form} onSubmit={apply} label={t('tasks.filters')}>
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
            <div className="form__actions">
              <SubmitButton form={form}>{t('tasks.apply')}</SubmitButton>
              <button type="button" className="button button--secondary" onClick={() => setParams(new URLSearchParams())}>
                {t('tasks.clear')}
              </button>
            </div>
          </Form>
        </aside>
        <section aria-labelledby="results-h" className="results">
          <div className="section__head">
            <h2 id="results-h" className="section__title" aria-live="polite">
              {items ? t('tasks.showing', { n: items.length }) + (next ? '+' : '') : t('tasks.results')}
            </h2>
            {items && items.length > 0 && (
              <button type="button" className="button button--secondary" onClick={() => void exportXlsx()} disabled={exporting} aria-describedby="export-help">
                {exporting ? t('common.loading') : t('tasks.export')}
              </button>
            )}
          </div>
          {items && items.length > 0 && (
            <p id="export-help" className="muted small">
              {t('tasks.exportHelp')}
            </p>
          )}
          {exportError && <ErrorBox error={exportError} />}
          {error && !items && <ErrorBox error={error} />}
          {!items && !error && <Loading />}
          {items && <TaskTable tasks={items} caption={t('tasks.results')} captionHidden columns={['number', 'title', 'lead', 'due', 'status', 'progress']} />}
          {next && (
            <button type="button" className="button button--secondary load-more" onClick={() => void loadMore()} disabled={loadingMore}>
              {loadingMore ? t('common.loading') : t('tasks.loadMore')}
            </button>
          )}
        </section>
      </div>
    </>
  );
}
