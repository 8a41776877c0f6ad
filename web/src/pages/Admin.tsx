import { useState } from 'react';
import { ApiError, client, ok, useLoad } from '../lib/api';
import { useAgencies } from '../lib/agencies';
import { formatDate, formatDateTime, parseDateInput } from '../lib/format';
import { useI18n } from '../lib/i18n';
import type { MessageKey } from '../lib/messages';
import { useMe } from '../lib/session';
import type { Language, Role, UserRow } from '../lib/types';
import { ActionForm } from '../components/ActionForm';
import { DataTable } from '../components/DataTable';
import { ChoiceField, DateField, SelectField, TextField } from '../components/Form';
import { PageHeader } from '../components/PageHeader';
import { Async, ErrorBox, Notice } from '../components/States';

const ROLES: Role[] = ['coordinator', 'agency', 'viewer', 'admin'];

/** What an admin can do to an account: the button's word and its accessible name. */
const USER_ACTIONS = {
  disable: { label: 'users.disable', of: 'users.disableOf' },
  enable: { label: 'users.enable', of: 'users.enableOf' },
  rotate: { label: 'users.rotate', of: 'users.rotateOf' },
  revoke: { label: 'users.revoke', of: 'users.revokeOf' },
  link: { label: 'users.link', of: 'users.linkOf' },
} as const satisfies Record<string, { label: MessageKey; of: MessageKey }>;
type UserAction = keyof typeof USER_ACTIONS;

/** A credential shown once: a new account's or a rotated token, or a sign-in link to hand over. */
type Secret = { kind: 'created' | 'rotated'; name: string; token: string } | { kind: 'link'; name: string; url: string; expiresAt: string };

function SecretBox({ secret, onClose }: { secret: Secret; onClose: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const value = secret.kind === 'link' ? secret.url : secret.token;
  const link = secret.kind === 'created' ? `${window.location.origin}/signin?token=${encodeURIComponent(secret.token)}` : '';
  const title = secret.kind === 'created' ? t('users.tokenTitle', { name: secret.name }) : secret.kind === 'rotated' ? t('users.newTokenTitle', { name: secret.name }) : t('users.linkTitle', { name: secret.name });
  return (
    <div className="notice notice--warning token-box" role="status">
      <p className="notice__title">{title}</p>
      <p>{secret.kind === 'link' ? t('users.linkOnce', { at: formatDateTime(secret.expiresAt) }) : t(secret.kind === 'created' ? 'users.tokenOnce' : 'users.oldRefused')}</p>
      <p>
        <label htmlFor="new-token" className="field__label">
          {secret.kind === 'link' ? t('users.signInLink') : t('signin.token')}
        </label>
        <input id="new-token" className="input input--mono" readOnly value={value} onFocus={(e) => e.target.select()} />
      </p>
      {link && (
        <p>
          <label htmlFor="new-link" className="field__label">
            {t('users.signInLink')}
          </label>
          <input id="new-link" className="input input--mono" readOnly value={link} onFocus={(e) => e.target.select()} />
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={() => void navigator.clipboard?.writeText(value).then(() => setCopied(true))}>
          {copied ? t('users.copied') : secret.kind === 'link' ? t('users.copyLink') : t('users.copy')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('users.done')}
        </button>
      </div>
    </div>
  );
}

/** Users: the list with each account's state and actions, and a form that creates one and shows its token exactly once. */
export function UsersPage() {
  const { t } = useI18n();
  const me = useMe();
  const agencies = useAgencies();
  const users = useLoad((signal) => ok(client.GET('/api/users', { signal })).then((r) => r.items), []);
  const [secret, setSecret] = useState<Secret | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  /** One account action; its result replaces the row, or shows the credential it made. */
  const act = async (u: UserRow, action: UserAction) => {
    setBusy(`${u.id}:${action}`);
    setActionError(null);
    setNotice(null);
    setSecret(null);
    const path = { params: { path: { id: u.id } } };
    try {
      if (action === 'rotate') {
        const reply = await ok(client.POST('/api/users/{id}/token', path));
        setSecret({ kind: 'rotated', name: u.name, token: reply.token });
      } else if (action === 'link') {
        const reply = await ok(client.POST('/api/users/{id}/sign-in-link', path));
        setSecret({ kind: 'link', name: u.name, url: reply.url, expiresAt: reply.expiresAt });
      } else if (action === 'revoke') {
        await ok(client.DELETE('/api/users/{id}/token', path));
        setNotice(t('users.revoked', { name: u.name }));
      } else {
        await ok(action === 'disable' ? client.POST('/api/users/{id}/disable', path) : client.POST('/api/users/{id}/enable', path));
        setNotice(t(action === 'disable' ? 'users.disabled' : 'users.enabled', { name: u.name }));
      }
      users.reload();
    } catch (err) {
      if (err instanceof ApiError) setActionError(err);
      else throw err;
    } finally {
      setBusy(null);
    }
  };

  const actionButton = (u: UserRow, action: UserAction, danger = false) => (
    <button
      type="button"
      className={`button button--small ${danger ? 'button--danger' : 'button--secondary'}`}
      disabled={busy !== null}
      aria-label={t(USER_ACTIONS[action].of, { name: u.name })}
      onClick={() => void act(u, action)}
    >
      {t(USER_ACTIONS[action].label)}
    </button>
  );

  return (
    <>
      <PageHeader title={t('users.title')} lead={<p>{t('users.lead')}</p>} />
      {secret && <SecretBox secret={secret} onClose={() => setSecret(null)} />}
      {notice && (
        <Notice tone="success" focus>
          <p>{notice}</p>
        </Notice>
      )}
      {actionError && <ErrorBox error={actionError} />}
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
            const reply = await ok(
              client.POST('/api/users', {
                body: { name: v.name, email: v.email, role: v.role as Role, agencyCode: v.agencyCode || undefined, language: v.language as Language },
              }),
            );
            setNotice(null);
            setSecret({ kind: 'created', name: v.name, token: reply.token });
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
                {
                  key: 'name',
                  label: t('users.name'),
                  primary: true,
                  cell: (u) => (
                    <>
                      {u.name}
                      <div className="small muted">{u.email}</div>
                    </>
                  ),
                },
                {
                  key: 'role',
                  label: t('users.role'),
                  cell: (u) => (
                    <>
                      {t(`role.${u.role}`)}
                      {u.agencyCode && <div className="small muted">{agencies.nameOf(u.agencyCode)}</div>}
                    </>
                  ),
                },
                {
                  key: 'status',
                  label: t('users.status'),
                  cell: (u) => (
                    <>
                      <span className={`badge badge--user-${u.status}`}>{t(`users.status.${u.status}`)}</span>
                      {u.provinceAccount && <div className="small">{t('users.provinceAccount')}</div>}
                      {u.lastSignInAt && <div className="small muted">{t('users.lastSignIn', { at: formatDateTime(u.lastSignInAt) })}</div>}
                    </>
                  ),
                },
                {
                  key: 'actions',
                  label: t('common.actions'),
                  cell: (u) => (
                    <div className="user-actions">
                      {u.status === 'disabled' ? actionButton(u, 'enable') : u.id !== me.id && actionButton(u, 'disable', true)}
                      {actionButton(u, 'rotate')}
                      {u.status === 'active' && u.id !== me.id && actionButton(u, 'revoke', true)}
                      {u.status === 'active' && actionButton(u, 'link')}
                    </div>
                  ),
                },
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
  const days = useLoad((signal) => ok(client.GET('/api/calendar/holidays', { params: { query: { year } }, signal })).then((r) => r.items), [year]);
  const [notice, setNotice] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<ApiError | null>(null);
  const remove = async (date: string) => {
    setRemoveError(null);
    try {
      await ok(client.DELETE('/api/calendar/holidays/{date}', { params: { path: { date } } }));
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
          send={(v) => ok(client.POST('/api/calendar/holidays', { body: { date: parseDateInput(v.date), kind: v.kind as 'off' | 'work', name: v.name } }))}
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
