import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { ApiError } from '../lib/api';
import type { FormState, FormValues } from '../lib/form';
import { useI18n } from '../lib/i18n';
import type { PagedList } from '../lib/paging';
import { Form, SubmitButton } from './Form';
import { ErrorBox, Loading } from './States';

/**
 * A list page's body: a filter form beside the results, which are paged and may be exported. The
 * page owns its filters and its table; this owns the layout and the loading, error and paging states
 * every such page shows the same way.
 */
export function FilteredList<V extends FormValues, T>({
  id,
  resultsTitle,
  form,
  onApply,
  filters,
  list,
  exportActions,
  exportHelp,
  exportError,
  children,
}: {
  /** The page's messages (`<id>.filters`, `.apply`, `.clear`, `.showing`) and the prefix of its element ids. */
  id: 'tasks' | 'audit';
  /** The results' heading while they load. */
  resultsTitle: string;
  form: FormState<V>;
  onApply: () => void;
  filters: ReactNode;
  list: PagedList<T>;
  exportActions?: ReactNode;
  exportHelp?: string;
  exportError?: ApiError | null;
  /** The table of the items loaded so far. */
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useI18n();
  const [, setParams] = useSearchParams();
  const { items, next, error, loadingMore, loadMore } = list;
  const hasItems = items !== undefined && items.length > 0;
  return (
    <div className="layout-sidebar">
      <aside className="card filters" aria-labelledby={`${id}-filters-h`}>
        <h2 id={`${id}-filters-h`} className="section__title">
          {t(`${id}.filters`)}
        </h2>
        <Form form={form} onSubmit={onApply} label={t(`${id}.filters`)}>
          {filters}
          <div className="form__actions">
            <SubmitButton form={form}>{t(`${id}.apply`)}</SubmitButton>
            <button type="button" className="button button--secondary" onClick={() => setParams(new URLSearchParams())}>
              {t(`${id}.clear`)}
            </button>
          </div>
        </Form>
      </aside>
      <section aria-labelledby={`${id}-results-h`} className="results">
        <div className="section__head">
          <h2 id={`${id}-results-h`} className="section__title" aria-live="polite">
            {items ? t(`${id}.showing`, { n: items.length }) + (next ? '+' : '') : resultsTitle}
          </h2>
          {hasItems && exportActions}
        </div>
        {hasItems && exportHelp && (
          <p id={`${id}-export-help`} className="muted small">
            {exportHelp}
          </p>
        )}
        {exportError && <ErrorBox error={exportError} />}
        {error && !items && <ErrorBox error={error} />}
        {!items && !error && <Loading />}
        {items && children(items)}
        {next && (
          <button type="button" className="button button--secondary load-more" onClick={() => void loadMore()} disabled={loadingMore}>
            {loadingMore ? t('common.loading') : t('tasks.loadMore')}
          </button>
        )}
      </section>
    </div>
  );
}
