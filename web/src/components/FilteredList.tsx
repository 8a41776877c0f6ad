import type { ReactNode } from 'react';
import type { ApiError } from '../lib/api';
import type { FormState, FormValues } from '../lib/form';
import type { PagedList } from '../lib/paging';
import { Form, SubmitButton } from './Form';
import { ErrorBox, Loading } from './States';

interface Words {
  filters: string;
  apply: string;
  clear: string;
  /** The results' heading once they are here, given how many are shown. */
  showing: (n: number) => string;
  /** The heading while they load. */
  results: string;
  loadMore: string;
  loading: string;
}

/**
 * A list page's body: a filter form beside the results, which are paged and may be exported. The
 * page owns its filters and its table; this owns the layout and the loading, error and paging states
 * every such page shows the same way.
 */
export function FilteredList<V extends FormValues, T>({
  id,
  words,
  form,
  onApply,
  onClear,
  filters,
  list,
  exportActions,
  exportHelp,
  exportError,
  children,
}: {
  /** Prefix of the ids the headings and the export help get. */
  id: string;
  words: Words;
  form: FormState<V>;
  onApply: () => void;
  onClear: () => void;
  filters: ReactNode;
  list: PagedList<T>;
  exportActions?: ReactNode;
  exportHelp?: string;
  exportError?: ApiError | null;
  /** The table of the items loaded so far. */
  children: (items: T[]) => ReactNode;
}) {
  const { items, next, error, loadingMore, loadMore } = list;
  const hasItems = items !== undefined && items.length > 0;
  return (
    <div className="layout-sidebar">
      <aside className="card filters" aria-labelledby={`${id}-filters-h`}>
        <h2 id={`${id}-filters-h`} className="section__title">
          {words.filters}
        </h2>
        <Form form={form} onSubmit={onApply} label={words.filters}>
          {filters}
          <div className="form__actions">
            <SubmitButton form={form}>{words.apply}</SubmitButton>
            <button type="button" className="button button--secondary" onClick={onClear}>
              {words.clear}
            </button>
          </div>
        </Form>
      </aside>
      <section aria-labelledby={`${id}-results-h`} className="results">
        <div className="section__head">
          <h2 id={`${id}-results-h`} className="section__title" aria-live="polite">
            {items ? words.showing(items.length) + (next ? '+' : '') : words.results}
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
            {loadingMore ? words.loading : words.loadMore}
          </button>
        )}
      </section>
    </div>
  );
}
