import { useEffect, useRef, type ReactNode } from 'react';
import type { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

export function ErrorBox({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{error.status === 403 ? t('error.forbidden') : error.status === 404 ? t('error.notFound') : t('error.title')}</p>
      <p>{error.message}</p>
      {error.details.length > 0 && (
        <ul>
          {error.details.map((d, i) => (
            <li key={i}>{[d.field, d.message].filter(Boolean).join(': ')}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/**
 * A message box. `focus` moves keyboard focus to it when it appears: after a command the form that
 * was used may be gone, and the result is where the user should continue from.
 */
export function Notice({ tone = 'info', title, children, focus }: { tone?: 'info' | 'success' | 'warning' | 'error'; title?: string; children?: ReactNode; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div ref={ref} tabIndex={focus ? -1 : undefined} className={`notice notice--${tone}`} role={tone === 'success' ? 'status' : tone === 'error' ? 'alert' : undefined}>
      {title && <p className="notice__title">{title}</p>}
      {children}
    </div>
  );
}

/** Shows the loading state, the error, or the content once the data is there. */
export function Async<T>({ loaded, children }: { loaded: { data: T | undefined; error: ApiError | undefined; loading: boolean; reload: () => void }; children: (data: T) => ReactNode }) {
  if (loaded.error) return <ErrorBox error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.data === undefined) return <Loading />;
  return <>{children(loaded.data)}</>;
}
