import { useState } from 'react';
import { api, ApiError, itemsOf, useLoad } from '../lib/api';
import { useAgencies } from '../lib/agencies';
import { formatDate, parseDateInput } from '../lib/format';
import { useI18n } from '../lib/i18n';
import type { CalendarDay, Role, UserRow } from '../lib/types';
import { ActionForm } from '../components/ActionForm';
import { DataTable } from '../components/DataTable';
import { ChoiceField, DateField, SelectField, TextField } from '../components/Form';
import { PageHeader } from '../components/PageHeader';
import { Async, ErrorBox, Notice } from '../components/States';

const ROLES: Role[] = ['coordinator', 'agency', 'viewer', 'admin'];

/** Users: the list, and a form that creates one and shows its token exactly once. */
export function UsersPage() {
  const { t } = useI18n();
  const agencies = useAgencies();
  const users = useLoad((signal) => api.get<UserRow[] | { items: UserRow[] }>('/api/users', { signal }).then(itemsOf), []);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const link = created ? `${window.location.origin}/signin?token=${encodeURIComponent(created.token)}` : '';

  return (
    <>
      <PageHeader title={t('users.title')} lead={<p>{t('users.lead')}</p>} />
      {created && (
        <div className="notice notice--warning token-box" role="status">
          <p className="notice__title">{t('users.tokenTitle', { name: created.name })}</p>
          <p>{t('users.tokenOnce')}</p>
          <p>
            <label htmlFor="new-token" className="field__label">
              {t('signin.token')}
            </label>
            <input id="new-token" className="input input--mono" readOnly value={created.token} onFocus={(e) => e.target.select()} />
          </p>
          <p>
            <label htmlFor="new-link" className="field__label">
              {t('users.signInLink')}
            </label>
            <input id="new-link" className="input input--mono" readOnly value={link} onFocus={(e) => e.target.select()} />
          </p>
          <div className="form__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(created.token).then(() => setCopied(true));
              }}
            >
              {copied ? t('users.copied') : t('users.copy')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setCreated(null)}>
              {t('users.done')}
            </button>
          </div>
        </div>
      )}
      <div className="card">
        <ActionForm
          id="new-user"
          title={t('users.new')}
          initial={{ name: '', email: '', role: 'agency', agencyCode: '', language: 'vi' }}
          fields={(f) => (
            <>
              <div className="grid-2">
                <TextField form={f} name="name" label={t('users.name')} required input={{ autoComplete: 'off' }} />
                <TextField form={f} name="email" label={t('users.email')} required input={{ type: 'email', autoComplete: 'off' }} />
              </div>
              <ChoiceField form={f} name="role" label={t('users.role')} inline options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} required />
              <div className="grid-2">
                <SelectField
                  form={f}
                  name="agencyCode"
                  label={t('users.agency')}
                  hint={t('users.agencyHint')}
                  placeholder={t('users.noAgency')}
                  options={agencies.list.filter((a) => a.kind !== 'group' && a.active !== false).map((a) => ({ value: a.code, label: a.name }))}
                />
                <SelectField
                  form={f}
                  name="language"
                  label={t('agencies.language')}
                  options={[
                    { value: 'vi', label: 'Tiếng Việt' },
                    { value: 'en', label: 'English' },
                  ]}
                />
              </div>
            </>
          )}
          submitLabel={t('users.create')}
          send={async (v) => {
            const reply = await api.post<{ id: string; token: string }>('/api/users', {
              name: v.name,
              email: v.email,
              role: v.role,
              agencyCode: v.agencyCode || undefined,
              language: v.language,
            });
            setCopied(false);
            setCreated({ name: v.name, token: reply.token });
          }}
          onDone={() => users.reload()}
        />
      </div>
      <section className="section" aria-labelledby="users-h">
        <h2 id="users-h" className="section__title">
          {t('users.list')}
        </h2>
        <Async loaded={users}>
          {(list) => (
            <DataTable
              caption={t('users.list')}
              captionHidden
              rows={list}
              rowKey={(u) => u.id}
              columns={[
                { key: 'name', label: t('users.name'), primary: true, cell: (u) => u.name },
                { key: 'email', label: t('users.email'), cell: (u) => u.email },
                { key: 'role', label: t('users.role'), cell: (u) => t(`role.${u.role}`) },
                { key: 'agency', label: t('users.agency'), cell: (u) => (u.agencyCode ? agencies.nameOf(u.agencyCode) : '—') },
              ]}
            />
          )}
        </Async>
      </section>
    </>
  );
}

/** Public holidays, the government's day swaps, and the admin's own amendments, per year. */
export function CalendarPage() {
  const { t, tx } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear());
  const days = useLoad((signal) => api.get<{ items: CalendarDay[] } | CalendarDay[]>('/api/calendar/holidays', { signal, query: { year } }).then(itemsOf), [year]);
  const [notice, setNotice] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<ApiError | null>(null);
  const remove = async (date: string) => {
    setRemoveError(null);
    try {
      await api.delete(`/api/calendar/holidays/${date}`);
      setNotice(t('calendar.removed', { date: formatDate(date) }));
      days.reload();
    } catch (err) {
      if (err instanceof ApiError) setRemoveError(err);
      else throw err;
    }
  };
  return (
    <>
      <PageHeader title={t('calendar.title')} lead={<p>{t('calendar.lead')}</p>} />
      {notice && (
        <Notice tone="success">
          <p>{notice}</p>
        </Notice>
      )}
      {removeError && <ErrorBox error={removeError} />}
      <div className="card filters-row">
        <div className="field field--inline">
          <label className="field__label" htmlFor="calendar-year">
            {t('cycle.year')}
          </label>
          <select id="calendar-year" className="input select" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {Array.from({ length: 7 }, (_, i) => new Date().getFullYear() - 2 + i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="card">
        <ActionForm
          id="new-day"
          title={t('calendar.add')}
          collapsible
          initial={{ date: '', kind: 'off', name: '' }}
          fields={(f) => (
            <>
              <DateField form={f} name="date" label={t('calendar.date')} required />
              <ChoiceField
                form={f}
                name="kind"
                label={t('calendar.kind')}
                inline
                options={[
                  { value: 'off', label: t('calendar.kind.off') },
                  { value: 'work', label: t('calendar.kind.work') },
                ]}
              />
              <TextField form={f} name="name" label={t('calendar.name')} required />
            </>
          )}
          submitLabel={t('calendar.addSubmit')}
          send={(v) => api.post('/api/calendar/holidays', { date: parseDateInput(v.date), kind: v.kind, name: v.name })}
          onDone={() => {
            setNotice(t('calendar.added'));
            days.reload();
          }}
        />
      </div>
      <Async loaded={days}>
        {(list) => (
          <DataTable
            caption={t('calendar.title')}
            captionHidden
            rows={list}
            rowKey={(d) => `${d.date}-${d.kind}`}
            empty={t('calendar.none')}
            columns={[
              { key: 'date', label: t('calendar.date'), cell: (d) => formatDate(d.date) },
              { key: 'name', label: t('calendar.name'), primary: true, cell: (d) => d.name },
              { key: 'kind', label: t('calendar.kind'), cell: (d) => tx(`calendar.kind.${d.kind}`, d.kind) },
              { key: 'source', label: t('calendar.source'), cell: (d) => tx(`calendar.source.${d.source}`, d.source) },
              {
                key: 'actions',
                label: t('common.actions'),
                cell: (d) =>
                  d.source === 'admin' ? (
                    <button type="button" className="button button--secondary button--small" onClick={() => void remove(d.date)} aria-label={t('calendar.removeDay', { date: formatDate(d.date) })}>
                      {t('calendar.remove')}
                    </button>
                  ) : null,
              },
            ]}
          />
        )}
      </Async>
    </>
  );
}
