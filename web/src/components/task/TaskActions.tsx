import { useId, type ReactNode } from 'react';
import { client, ok } from '../../lib/api';
import { formatDate, parseDateInput } from '../../lib/format';
import { unchecked } from '../../lib/form';
import { useI18n, type Translate } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import type { Me, TaskDetail } from '../../lib/types';
import { EvidenceField } from '../Evidence';
import { ActionForm } from '../ActionForm';
import { ChoiceField, DateField, TextAreaField, TextField } from '../Form';
import { Notice } from '../States';
import { OPEN_STATUSES } from './open-statuses';
import { CoordinatorEdits } from './CoordinatorEdits';

/** The actions open to the signed-in user on a task (acknowledge, report, complete, review, cancel…). */
export function Actions({ task, onDone, maxMB }: { task: TaskDetail; onDone: (message: string) => void; maxMB?: number }) {
  const { t } = useI18n();
  const me = useMe();
  const open = OPEN_STATUSES.includes(task.status);
  const forms = actionForms(task, me, t, onDone, maxMB);
  return (
    <section className="section card actions detail--actions" aria-labelledby="actions-h">
      <h2 id="actions-h" className="section__title">
        {t('actions.title')}
      </h2>
      {!open && <p className="muted">{t('actions.closed')}</p>}
      {open && forms.length === 0 && <p className="muted">{me.role === 'viewer' ? t('actions.readOnly') : t('actions.none')}</p>}
      {forms}
    </section>
  );
}

/**
 * The forms for this user and state. Their keys carry the task's `updatedAt`: after a command each form
 * starts again from the task as it now is (the progress field shows the new percentage).
 */
function actionForms(task: TaskDetail, me: Me, t: Translate, onDone: (message: string) => void, maxMB?: number): ReactNode[] {
  const path = { params: { path: { id: task.id } } };
  const evidence = (ids: string[]) => (ids.length ? ids : undefined);
  const pending = task.extensionRequests.find((r) => r.status === 'pending');
  const forms: ReactNode[] = [];
  if (!OPEN_STATUSES.includes(task.status)) return forms;

  if (me.role === 'agency' && me.agencyCode === task.leadAgency && !task.isGroup) {
    if (task.status === 'assigned') {
      forms.push(
        <ActionForm
          key={`ack-${task.updatedAt}`}
          id="acknowledge"
          title={t('actions.acknowledge')}
          description={<p>{t('actions.acknowledgeHelp')}</p>}
          initial={{}}
          submitLabel={t('actions.acknowledgeSubmit')}
          send={() => ok(client.POST('/api/tasks/{id}/acknowledge', path))}
          onDone={() => onDone(t('done.acknowledged'))}
        />,
      );
    }
    if (task.status === 'assigned' || task.status === 'in_progress') {
      forms.push(
        <ActionForm
          key={`progress-${task.updatedAt}`}
          id="progress"
          title={t('actions.progress')}
          initial={{ percent: String(task.progress), note: '', attachmentIds: [] as string[] }}
          fields={(f) => (
            <>
              <TextField form={f} name="percent" label={t('actions.percent')} hint={t('actions.percentHint')} input={{ inputMode: 'numeric', className: 'input input--short' }} required />
              <TextAreaField form={f} name="note" label={t('actions.progressNote')} />
              <EvidenceField form={f} name="attachmentIds" taskId={task.id} maxMB={maxMB} />
            </>
          )}
          submitLabel={t('actions.progressSubmit')}
          send={(v) => ok(client.POST('/api/tasks/{id}/progress', { ...path, body: { percent: unchecked(v.percent.trim() === '' ? null : Number(v.percent)), note: v.note || undefined, attachmentIds: evidence(v.attachmentIds) } }))}
          onDone={() => onDone(t('done.progress'))}
        />,
      );
    }
    if (task.status === 'in_progress') {
      forms.push(
        <ActionForm
          key={`completion-${task.updatedAt}`}
          id="completion"
          title={t('actions.completion')}
          description={<p>{t('actions.completionHelp')}</p>}
          initial={{ note: '', attachmentIds: [] as string[] }}
          fields={(f) => (
            <>
              <TextAreaField form={f} name="note" label={t('actions.completionNote')} />
              <EvidenceField form={f} name="attachmentIds" taskId={task.id} maxMB={maxMB} />
            </>
          )}
          submitLabel={t('actions.completionSubmit')}
          send={(v) => ok(client.POST('/api/tasks/{id}/completion', { ...path, body: { note: v.note || undefined, attachmentIds: evidence(v.attachmentIds) } }))}
          onDone={() => onDone(t('done.completion'))}
        />,
      );
    }
    if ((task.status === 'assigned' || task.status === 'in_progress') && !pending) {
      forms.push(
        <ActionForm
          key={`extension-${task.updatedAt}`}
          id="extension"
          title={t('actions.extension')}
          collapsible
          initial={{ newDueDate: '', reason: '' }}
          fields={(f) => (
            <>
              <DateField form={f} name="newDueDate" label={t('ext.newDueDate')} required />
              <TextAreaField form={f} name="reason" label={t('ext.reason')} required />
            </>
          )}
          submitLabel={t('actions.extensionSubmit')}
          send={(v) => ok(client.POST('/api/tasks/{id}/extension-requests', { ...path, body: { newDueDate: parseDateInput(v.newDueDate), reason: v.reason } }))}
          onDone={() => onDone(t('done.extension'))}
        />,
      );
    }
    if (pending) forms.push(<Notice key={`pending-${task.updatedAt}`} tone="info" title={t('ext.pendingTitle')}>{t('ext.pendingText', { date: formatDate(pending.newDueDate) })}</Notice>);
  }

  if (me.role === 'agency' && me.agencyCode && task.coordinatingAgencies.includes(me.agencyCode)) {
    forms.push(
      <ActionForm
        key={`contribution-${task.updatedAt}`}
        id="contribution"
        title={t('actions.contribution')}
        description={<p>{t('actions.contributionHelp')}</p>}
        initial={{ note: '', attachmentIds: [] as string[] }}
        fields={(f) => (
          <>
            <TextAreaField form={f} name="note" label={t('actions.contributionNote')} required />
            <EvidenceField form={f} name="attachmentIds" taskId={task.id} maxMB={maxMB} />
          </>
        )}
        submitLabel={t('actions.contributionSubmit')}
        send={(v) => ok(client.POST('/api/tasks/{id}/contributions', { ...path, body: { note: v.note, attachmentIds: evidence(v.attachmentIds) } }))}
        onDone={() => onDone(t('done.contribution'))}
      />,
    );
  }

  if (me.role === 'coordinator') {
    if (task.status === 'completion_submitted' && !task.isGroup) {
      forms.push(
        <ActionForm
          key={`accept-${task.updatedAt}`}
          id="accept"
          title={t('actions.accept')}
          initial={{ note: '' }}
          fields={(f) => <TextAreaField form={f} name="note" label={t('actions.acceptNote')} />}
          submitLabel={t('actions.acceptSubmit')}
          send={(v) => ok(client.POST('/api/tasks/{id}/acceptance', { ...path, body: { note: v.note || undefined } }))}
          onDone={() => onDone(t('done.accepted'))}
        />,
        <ActionForm
          key={`return-${task.updatedAt}`}
          id="return"
          title={t('actions.return')}
          initial={{ reason: '' }}
          fields={(f) => (
            <>
              <ReasonPresets
                onPick={(text) => {
                  f.set('reason', text);
                  document.getElementById(f.idOf('reason'))?.focus();
                }}
              />
              <TextAreaField form={f} name="reason" label={t('actions.returnReason')} required />
            </>
          )}
          submitLabel={t('actions.returnSubmit')}
          variant="secondary"
          send={(v) => ok(client.POST('/api/tasks/{id}/return', { ...path, body: { reason: v.reason } }))}
          onDone={() => onDone(t('done.returned'))}
        />,
      );
    }
    if (pending) {
      forms.push(
        <ActionForm
          key={`decide-${task.updatedAt}`}
          id="decide"
          title={t('actions.decide')}
          description={
            <p>
              {t('actions.decideHelp', { by: pending.requestedBy?.name ?? '', date: formatDate(pending.newDueDate), current: formatDate(task.dueDate) })}
              <br />
              <q>{pending.reason}</q>
            </p>
          }
          initial={{ approve: '', note: '' }}
          fields={(f) => (
            <>
              <ChoiceField
                form={f}
                name="approve"
                label={t('actions.decision')}
                inline
                options={[
                  { value: 'true', label: t('actions.approve') },
                  { value: 'false', label: t('actions.reject') },
                ]}
                required
              />
              <TextAreaField form={f} name="note" label={t('actions.decisionNote')} />
            </>
          )}
          submitLabel={t('actions.decideSubmit')}
          send={(v) => ok(client.POST('/api/tasks/{id}/extension-requests/{rid}/decision', { params: { path: { id: task.id, rid: pending.id } }, body: { approve: unchecked(v.approve === '' ? null : v.approve === 'true'), note: v.note || undefined } }))}
          onDone={() => onDone(t('done.decided'))}
        />,
      );
    }
    forms.push(<CoordinatorEdits key={`edits-${task.updatedAt}`} task={task} onDone={onDone} />);
  }
  return forms;
}

function ReasonPresets({ onPick }: { onPick: (text: string) => void }) {
  const { t } = useI18n();
  const labelId = useId();
  return (
    <div className="presets" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="presets__label">
        {t('return.presets')}:
      </span>
      {(['return.preset.missingEvidence', 'return.preset.wrongEvidence', 'return.preset.notMet'] as const).map((key) => (
        <button key={key} type="button" className="button button--secondary button--small" onClick={() => onPick(t(key))}>
          {t(key)}
        </button>
      ))}
    </div>
  );
}

/**
 * The task's discussion: the coordinator, the lead and the coordinating agencies comment while the task
 * is open, and may name agencies (picked here or written `@CODE`), which are told in their daily digest.
 */
