import { Link } from 'react-router';
import { type Loaded } from '../../lib/api';
import { useAgencies, type Directory } from '../../lib/agencies';
import { formatDateTime } from '../../lib/format';
import { useI18n, type Translate } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import type { Reminder } from '../../lib/types';
import { ErrorBox, Loading } from '../States';

/** The reminders planned and sent for a task. */
function recipientName(to: string, t: Translate, agencies: Directory): string {
  if (to === 'leadership') return t('reminders.leadership');
  if (to.startsWith('agency:')) return agencies.nameOf(to.slice('agency:'.length));
  if (to.startsWith('user:')) return t('reminders.user');
  return to;
}

export function Reminders({ loaded, taskId }: { loaded: Loaded<Reminder[]>; taskId: string }) {
  const { t, tx } = useI18n();
  const agencies = useAgencies();
  const me = useMe();
  return (
    <section className="section card detail--reminders" aria-labelledby="reminders-h">
      <h2 id="reminders-h" className="section__title">
        {t('reminders.title')}
      </h2>
      <p className="muted small">{t('reminders.lead')}</p>
      {loaded.error ? (
        <ErrorBox error={loaded.error} onRetry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading />
      ) : loaded.data.length === 0 ? (
        <p className="empty">{t('reminders.none')}</p>
      ) : (
        <ol className="reminders">
          {[...loaded.data]
            .sort((a, b) => a.at.localeCompare(b.at))
            .map((r, i) => (
              <li key={`${r.kind}-${r.at}-${i}`} className="reminders__item">
                <div className="reminders__head">
                  <time dateTime={r.at} className="reminders__when">
                    {formatDateTime(r.at)}
                  </time>
                  <span className={`badge badge--mail-${r.status}`}>{tx(`mail.${r.status}`, r.status)}</span>
                </div>
                <p className="reminders__kind">{tx(`notify.${r.kind}`, r.kind)}</p>
                <p className="reminders__to small">
                  {[
                    r.to.length > 0 && `${t('reminders.to')}: ${r.to.map((x) => recipientName(x, t, agencies)).join('; ')}`,
                    r.cc && r.cc.length > 0 && `cc: ${r.cc.map((x) => recipientName(x, t, agencies)).join('; ')}`,
                  ]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                </p>
                {r.reason && <p className="small muted">{r.reason}</p>}
              </li>
            ))}
        </ol>
      )}
      {me.role === 'coordinator' && (
        <p className="small">
          <Link to={`/outbox?task=${taskId}`}>{t('reminders.outbox')}</Link>
        </p>
      )}
    </section>
  );
}

/** Which commands this user may give on this task now, as the lifecycle (DESIGN.md §5) allows them. */
