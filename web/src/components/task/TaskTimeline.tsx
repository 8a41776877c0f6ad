import { useAgencies, type Directory } from '../../lib/agencies';
import { formatDate, formatDateTime } from '../../lib/format';
import { useI18n, type Translate } from '../../lib/i18n';
import type { EvidenceFile, TaskEvent } from '../../lib/types';
import { EventFiles } from '../Evidence';
import { StatusBadge } from '../StatusBadge';

/** A task's history, one line per event, with the files cited. */
function eventText(e: TaskEvent, t: Translate, agencies: Directory): string | null {
  const d = (e.data ?? {}) as Record<string, unknown>;
  const date = (k: string) => (typeof d[k] === 'string' ? formatDate(d[k] as string) : '');
  switch (e.type) {
    case 'created':
      return d.dueDate ? t('event.detail.due', { date: date('dueDate') }) : null;
    case 'progress_reported':
      return typeof d.reportYear === 'number'
        ? t('event.detail.progressYear', { from: Number(d.fromPercent ?? 0), to: Number(d.percent ?? 0), year: d.reportYear })
        : t('event.detail.progress', { from: Number(d.fromPercent ?? 0), to: Number(d.percent ?? 0) });
    case 'extension_requested':
      return t('event.detail.extensionRequested', { date: date('newDueDate'), current: date('currentDueDate') });
    case 'extension_approved':
      return t('event.detail.extensionApproved', { date: date('newDueDate') });
    case 'extension_rejected':
      return t('event.detail.extensionRejected', { date: date('newDueDate') });
    case 'edited':
      return d.dueDate ? t('event.detail.dueChanged', { from: date('previousDueDate'), to: date('dueDate') }) : null;
    case 'reassigned':
    case 'transferred':
      return t('event.detail.moved', { from: agencies.nameOf(d.fromAgency as string), to: agencies.nameOf(d.toAgency as string) });
    case 'child_changed':
      return null;
    case 'commented': {
      const named = Array.isArray(d.mentions) ? (d.mentions as string[]) : [];
      return named.length ? t('event.detail.mentions', { names: named.map((c) => agencies.nameOf(c)).join('; ') }) : null;
    }
    default:
      return null;
  }
}

export function Timeline({ events }: { events: TaskEvent[] }) {
  const { t, tx } = useI18n();
  const agencies = useAgencies();
  const ordered = [...events].sort((a, b) => b.seq - a.seq);
  return (
    <section className="section card detail--timeline" aria-labelledby="timeline-h">
      <h2 id="timeline-h" className="section__title">
        {t('timeline.title')}
      </h2>
      {ordered.length === 0 ? (
        <p className="empty">{t('timeline.none')}</p>
      ) : (
        <ol className="timeline">
          {ordered.map((e) => {
            const label = tx(`event.${e.type}`, e.type);
            const detail = eventText(e, t, agencies);
            const who = [e.actor.name, e.actor.agencyCode ? agencies.nameOf(e.actor.agencyCode) : e.actor.role === 'system' ? null : e.actor.role && tx(`role.${e.actor.role}`, e.actor.role)]
              .filter(Boolean)
              .join(' — ');
            return (
              <li key={e.seq} className={`timeline__item timeline__item--${e.type}`}>
                <div className="timeline__head">
                  <span className="timeline__what">{label}</span>
                  <time dateTime={e.at} className="timeline__when">
                    {formatDateTime(e.at)}
                  </time>
                </div>
                {who && <p className="timeline__who">{who}</p>}
                {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
                  <p className="timeline__status">
                    <StatusBadge status={e.fromStatus} /> <span aria-hidden="true">→</span>
                    <span className="visually-hidden">{t('timeline.to')}</span> <StatusBadge status={e.toStatus} />
                  </p>
                )}
                {detail && <p className="timeline__detail">{detail}</p>}
                {e.note && <blockquote className="timeline__note">{e.note}</blockquote>}
                <EventFiles files={filesOf(e)} />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** The evidence files an event carries (progress, completion, contribution, comment). */
const filesOf = (e: TaskEvent): EvidenceFile[] => (Array.isArray(e.data?.attachments) ? (e.data.attachments as EvidenceFile[]) : []);

/** `agency:STTTT` → the agency's name; `leadership` → the province's leaders. */
