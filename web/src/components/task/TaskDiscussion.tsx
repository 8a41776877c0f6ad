import { client, ok } from '../../lib/api';
import { useAgencies } from '../../lib/agencies';
import { useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import type { Plan, TaskDetail } from '../../lib/types';
import { EvidenceField } from '../Evidence';
import { ActionForm } from '../ActionForm';
import { ChoiceField, TextAreaField } from '../Form';
import { OPEN_STATUSES } from './open-statuses';

export function Discussion({ task, plan, onDone, maxMB }: { task: TaskDetail; plan?: Plan; onDone: (message: string) => void; maxMB?: number }) {
  const { t } = useI18n();
  const me = useMe();
  const agencies = useAgencies();
  const mine = me.agencyCode !== null && (me.agencyCode === task.leadAgency || task.coordinatingAgencies.includes(me.agencyCode));
  if (me.role !== 'coordinator' && !(me.role === 'agency' && mine)) return null;
  const open = OPEN_STATUSES.includes(task.status);
  const related = [...new Set([task.leadAgency, ...task.coordinatingAgencies, ...(plan ? [plan.coordinatorAgencyCode] : [])])].filter((code) => code !== me.agencyCode);
  const label = (code: string) => `${agencies.nameOf(code)} (@${code})${plan && code === plan.coordinatorAgencyCode ? ` — ${t('discussion.coordinator')}` : ''}`;
  return (
    <section className="section card detail--discussion" aria-labelledby="discussion-h">
      <h2 id="discussion-h" className="section__title">
        {t('discussion.title')}
      </h2>
      {!open ? (
        <p className="muted">{t('discussion.closed')}</p>
      ) : (
        <>
          <p className="muted small">{t('discussion.lead')}</p>
          <ActionForm
            key={`comment-${task.updatedAt}`}
            id="comment"
            title={t('discussion.new')}
            initial={{ text: '', mentions: [] as string[], attachmentIds: [] as string[] }}
            fields={(f) => (
              <>
                <TextAreaField form={f} name="text" label={t('discussion.text')} hint={t('discussion.textHint', { code: related[0] ?? 'STC' })} rows={4} required />
                {related.length > 0 && <ChoiceField form={f} name="mentions" label={t('discussion.mentions')} multiple options={related.map((code) => ({ value: code, label: label(code) }))} />}
                <EvidenceField form={f} name="attachmentIds" taskId={task.id} maxMB={maxMB} />
              </>
            )}
            submitLabel={t('discussion.submit')}
            send={(v) => ok(client.POST('/api/tasks/{id}/comments', { params: { path: { id: task.id } }, body: { text: v.text, mentions: v.mentions, attachmentIds: v.attachmentIds.length ? v.attachmentIds : undefined } }))}
            onDone={() => onDone(t('done.commented'))}
          />
        </>
      )}
    </section>
  );
}
