import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../lib/i18n';

export interface Crumb {
  label: string;
  to?: string;
}

/**
 * The page title. It sets the document title and takes focus after a navigation so a screen-reader
 * user hears where they arrived (a single-page app does not announce page changes by itself).
 */
export function PageHeader({ title, crumbs, lead, actions, kicker }: { title: string; crumbs?: Crumb[]; lead?: ReactNode; actions?: ReactNode; kicker?: ReactNode }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="page-header">
      {crumbs && crumbs.length > 0 && (
        <nav aria-label={t('nav.breadcrumb')} className="breadcrumbs">
          <ol>
            {crumbs.map((c, i) => (
              <li key={i}>{c.to ? <Link to={c.to}>{c.label}</Link> : <span aria-current="page">{c.label}</span>}</li>
            ))}
          </ol>
        </nav>
      )}
      <div className="page-header__row">
        <div>
          {kicker && <p className="page-header__kicker">{kicker}</p>}
          <h1 ref={ref} tabIndex={-1} className="page-title">
            {title}
          </h1>
          {lead && <div className="page-header__lead">{lead}</div>}
        </div>
        {actions && <div className="page-header__actions">{actions}</div>}
      </div>
    </div>
  );
}
