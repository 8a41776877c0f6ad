import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { client, ok, useLoad } from '../lib/api';
import { formatDateTime, parseDateInput, todayVn } from '../lib/format';
import { useForm } from '../lib/form';
import { useI18n } from '../lib/i18n';
import type { MessageKey } from '../lib/messages';
import { useDownload, usePagedList } from '../lib/paging';
import type { AuditAction, AuditEntry, AuditQuery } from '../lib/types';
import { DataTable } from '../components/DataTable';
import { FilteredList } from '../components/FilteredList';
import { DateField, SelectField } from '../components/Form';
import { PageHeader } from '../components/PageHeader';

/** Every action the log records (domain/audit.ts), with its words: the type makes the list complete. */
const ACTION_LABELS: Record<AuditAction, MessageKey> = {
  'user.create': 'audit.action.user.create',
  'user.update': 'audit.action.user.update',
  'user.disable': 'audit.action.user.disable',
  'user.enable': 'audit.action.user.enable',
  'user.token_rotate': 'audit.action.user.token_rotate',
  'user.token_revoke': 'audit.action.user.token_revoke',
  'user.sign_in_link': 'audit.action.user.sign_in_link',
  'user.oidc_link': 'audit.action.user.oidc_link',
  'agency.create': 'audit.action.agency.create',
  'agency.update': 'audit.action.agency.update',
  'agency.merge': 'audit.action.agency.merge',
  'agency.alias': 'audit.action.agency.alias',
  'calendar.amend': 'audit.action.calendar.amend',
  'calendar.remove': 'audit.action.calendar.remove',
  'plan.create': 'audit.action.plan.create',
  'plan.update': 'audit.action.plan.update',
  'attachment.delete': 'audit.action.attachment.delete',
};
const ACTION_GROUPS = ['user', 'agency', 'calendar', 'plan', 'attachment'] as const;

/** A date as the filter shows it (dd/mm/yyyy), from the URL's YYYY-MM-DD. */
const dmy = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('/') : iso);

function filtersOf(params: URLSearchParams) {
  return { from: params.get('from') ?? '', to: params.get('to') ?? '', actor: params.get('actor') ?? '', action: params.get('action') ?? '' };
}

/** The fields a line changed, each with its value before (struck) and after, in words where the app has them. */
function Change({ entry }: { entry: AuditEntry }) {
  const { t, tx } = useI18n();
  const show = (key: string, v: unknown): string => {
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) return '—';
    if (key === 'role' && typeof v === 'string') return tx(`role.${v}`, v);
    if (key === 'status' && typeof v === 'string') return tx(`audit.status.${v}`, v);
    if (key === 'expiresAt' && typeof v === 'string') return formatDateTime(v);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join('; ');
    return typeof v === 'string' ? v : JSON.stringify(v);
  };
  const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
  if (keys.length === 0) return <>—</>;
  return (
    <dl className="audit-change">
      {keys.map((k) => (
        <div key={k}>
          <dt>{tx(`audit.field.${k}`, k)}</dt>
          <dd>
            {entry.before && k in entry.before && (
              <del>
                <span className="visually-hidden">{t('audit.before')}: </span>
                {show(k, entry.before[k])}
              </del>
            )}
            {entry.before && k in entry.before && entry.after && k in entry.after && ' → '}
            {entry.after && k in entry.after && (
              <ins>
                <span className="visually-hidden">{t('audit.after')}: </span>
                {show(k, entry.after[k])}
              </ins>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The admin audit log: who changed users, agencies, days off and plans, filtered, paged and exported. */
export function AuditLogPage() {
  const { t, tx, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const form = useForm({ from: dmy(filters.from), to: dmy(filters.to), actor: filters.actor, action: filters.action });
  const users = useLoad((signal) => ok(client.GET('/api/users', { signal })).then((r) => r.items), []);
  const key = params.toString();

  // The URL's text goes to the API as it is: a bad filter comes back named `query.<filter>`.
  const filterQuery = (): AuditQuery => {
    const f = filtersOf(new URLSearchParams(key));
    return { from: f.from || undefined, to: f.to || undefined, actor: f.actor || undefined, action: (f.action || undefined) as AuditQuery['action'] };
  };
  const list = usePagedList((page, signal) => ok(client.GET('/api/audit-log', { params: { query: { ...filterQuery(), format: 'json', ...page } }, signal })), key, {
    onPage: () => form.setError(null),
    // Filter problems name `query.<filter>`: shown beside the filter.
    onError: (err) => form.setError(err),
  });
  useEffect(() => {
    const f = filtersOf(new URLSearchParams(key));
    form.setValues({ from: dmy(f.from), to: dmy(f.to), actor: f.actor, action: f.action });
  }, [key]);
  const { download, downloading, downloadError } = useDownload();
  const exportAs = (format: 'xlsx' | 'csv') =>
    download(client.GET('/api/audit-log', { params: { query: { ...filterQuery(), format, lang } }, parseAs: 'blob' }), `${t('audit.file')}-${todayVn()}.${format}`);

  const apply = () => {
    const v = form.values;
    const p = new URLSearchParams();
    if (v.from.trim()) p.set('from', parseDateInput(v.from));
    if (v.to.trim()) p.set('to', parseDateInput(v.to));
    if (v.actor) p.set('actor', v.actor);
    if (v.action) p.set('action', v.action);
    setParams(p);
  };

  const actionLabel = (e: AuditEntry) => (e.action in ACTION_LABELS ? t(ACTION_LABELS[e.action]) : e.action);
  const actorOptions = (users.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${t(`role.${u.role}`)})` }));

  return (
    <>
      <PageHeader title={t('audit.title')} lead={<p>{t('audit.lead')}</p>} />
      <FilteredList
        id="audit"
        resultsTitle={t('audit.title')}
        form={form}
        onApply={apply}
        list={list}
        exportActions={
          <div className="user-actions">
            <button type="button" className="button button--secondary" onClick={() => void exportAs('xlsx')} disabled={downloading} aria-describedby="audit-export-help">
              {t('audit.exportXlsx')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => void exportAs('csv')} disabled={downloading} aria-describedby="audit-export-help">
              {t('audit.exportCsv')}
            </button>
          </div>
        }
        exportHelp={t('audit.exportHelp')}
        exportError={downloadError}
        filters={
          <>
            <DateField form={form} name="from" apiField="query.from" label={t('audit.from')} />
            <DateField form={form} name="to" apiField="query.to" label={t('audit.to')} />
            <SelectField form={form} name="actor" apiField="query.actor" label={t('audit.actor')} placeholder={t('audit.anyActor')} options={actorOptions} />
            <SelectField
              form={form}
              name="action"
              apiField="query.action"
              label={t('audit.action')}
              placeholder={t('audit.anyAction')}
              options={[
                ...ACTION_GROUPS.map((g) => ({ value: g, label: t(`audit.group.${g}`) })),
                ...Object.entries(ACTION_LABELS).map(([a, key]) => ({ value: a, label: t(key) })),
              ]}
            />
          </>
        }
      >
        {(items) => (
          <DataTable
            caption={t('audit.title')}
            captionHidden
            rows={items}
            rowKey={(e) => String(e.id)}
            empty={t('audit.none')}
            columns={[
              { key: 'at', label: t('audit.at'), cell: (e) => formatDateTime(e.at) },
              {
                key: 'by',
                label: t('audit.by'),
                cell: (e) => (
                  <>
                    {e.actorName}
                    <div className="small muted">
                      {tx(`role.${e.actorRole}`, e.actorRole)}
                      {e.via !== 'api' ? ` · ${t(`audit.via.${e.via}`)}` : ''}
                    </div>
                  </>
                ),
              },
              { key: 'what', label: t('audit.what'), primary: true, cell: (e) => actionLabel(e) },
              {
                key: 'target',
                label: t('audit.target'),
                cell: (e) => (
                  <>
                    {e.targetLabel ?? e.targetId}
                    {e.targetLabel && e.targetLabel !== e.targetId && <div className="small muted">{e.targetId}</div>}
                  </>
                ),
              },
              { key: 'change', label: t('audit.change'), cell: (e) => <Change entry={e} /> },
            ]}
          />
        )}
      </FilteredList>
    </>
  );
}
