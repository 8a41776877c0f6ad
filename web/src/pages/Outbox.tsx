import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { client, ok, useLoad } from '../lib/api';
import { usePagedList } from '../lib/paging';
import { formatDateTime } from '../lib/format';
import { useI18n } from '../lib/i18n';
import type { OutboxQuery, OutboxStatus } from '../lib/types';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { ErrorBox, Loading } from '../components/States';

const STATUSES: OutboxStatus[] = ['pending', 'sending', 'sent', 'failed'];
const list = (v: string[] | string | null | undefined) => (Array.isArray(v) ? v.join(', ') : (v ?? ''));

/** What the system sent or tried to send: reminders, digests, status changes — and what failed. */
export function OutboxPage() {
  const { t, tx } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const task = params.get('task') ?? '';
  const [open, setOpen] = useState<string | null>(null);
  const { items, next, error, loadingMore, loadMore } = usePagedList(
    // The URL's text goes to the API as it is: a bad filter comes back named `query.<filter>`.
    (page, signal) => ok(client.GET('/api/outbox', { params: { query: { status: (status || undefined) as OutboxQuery['status'], task: task || undefined, ...page } }, signal })),
    `${status}/${task}`,
  );

  return (
    <>
      <PageHeader title={t('outbox.title')} lead={<p>{t('outbox.lead')}</p>} />
      <div className="card filters-row">
        <div className="field field--inline">
          <label className="field__label" htmlFor="outbox-status">
            {t('task.status')}
          </label>
          <select
            id="outbox-status"
            className="input select"
            value={status}
            onChange={(e) => {
              const p = new URLSearchParams(params);
              if (e.target.value) p.set('status', e.target.value);
              else p.delete('status');
              setParams(p);
            }}
          >
            <option value="">{t('outbox.allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`mail.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {task && (
        <p>
          {t('outbox.forTask')}{' '}
          <Link to={`/tasks/${task}`}>{t('outbox.openTask')}</Link> ·{' '}
          <Link to={status ? `/outbox?status=${status}` : '/outbox'}>{t('outbox.showAll')}</Link>
        </p>
      )}
      {error && <ErrorBox error={error} />}
      {!items && !error && <Loading />}
      {items && (
        <DataTable
          caption={t('outbox.title')}
          captionHidden
          rows={items}
          rowKey={(m) => m.id}
          empty={t('outbox.none')}
          rowClassName={(m) => (m.status === 'failed' ? 'row--overdue' : undefined)}
          columns={[
            { key: 'at', label: t('outbox.scheduledFor'), cell: (m) => formatDateTime(m.scheduledFor) },
            { key: 'kind', label: t('reminders.kind'), cell: (m) => tx(`notify.${m.kind}`, String(m.kind)) },
            {
              key: 'subject',
              label: t('outbox.subject'),
              primary: true,
              cell: (m) => (
                <>
                  <button type="button" className="linklike" aria-expanded={open === m.id} onClick={() => setOpen(open === m.id ? null : m.id)}>
                    {m.subject}
                  </button>
                  {open === m.id && <MessageBody id={m.id} />}
                </>
              ),
            },
            {
              key: 'to',
              label: t('reminders.to'),
              cell: (m) => (
                <>
                  {list(m.to)}
                  {list(m.cc) && <div className="small muted">cc: {list(m.cc)}</div>}
                </>
              ),
            },
            {
              key: 'status',
              label: t('task.status'),
              cell: (m) => (
                <>
                  <span className={`badge badge--mail-${m.status}`}>{tx(`mail.${m.status}`, m.status)}</span>
                  {m.sentAt && <div className="small">{formatDateTime(m.sentAt)}</div>}
                  {m.lastError && <div className="small text-danger">{m.lastError}</div>}
                  {m.attempts ? <div className="small muted">{t('outbox.attempts', { n: m.attempts })}</div> : null}
                </>
              ),
            },
          ]}
        />
      )}
      {next && (
        <button type="button" className="button button--secondary load-more" onClick={() => void loadMore()} disabled={loadingMore}>
          {loadingMore ? t('common.loading') : t('tasks.loadMore')}
        </button>
      )}
    </>
  );
}

function MessageBody({ id }: { id: string }) {
  const message = useLoad((signal) => ok(client.GET('/api/outbox/{id}', { params: { path: { id } }, signal })), [id]);
  if (message.error) return <ErrorBox error={message.error} />;
  if (!message.data) return <Loading />;
  return <pre className="mail-text">{message.data.text ?? ''}</pre>;
}
