import { client, ok } from '../../lib/api';
import { useAgencies } from '../../lib/agencies';
import { formatDate, parseDateInput } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { TaskDetail } from '../../lib/types';
import { ActionForm } from '../ActionForm';
import { DateField, SelectField, TextAreaField } from '../Form';

export function CoordinatorEdits({ task, onDone }: { task: TaskDetail; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const agencies = useAgencies();
  return (
    <>
      <ActionForm
        id="edit-due"
        title={t('actions.editDue')}
        collapsible
        initial={{ dueDate: formatDate(task.dueDate), note: '' }}
        fields={(f) => (
          <>
            <DateField form={f} name="dueDate" label={t('task.dueDate')} required />
            <TextAreaField form={f} name="note" label={t('actions.editNote')} />
          </>
        )}
        submitLabel={t('actions.editSubmit')}
        send={(v) => ok(client.PATCH('/api/tasks/{id}', { params: { path: { id: task.id } }, body: { dueDate: parseDateInput(v.dueDate), note: v.note || undefined } }))}
        onDone={() => onDone(t('done.edited'))}
      />
      {!task.isGroup && (
        <ActionForm
          id="reassign"
          title={t('actions.reassign')}
          collapsible
          initial={{ leadAgency: '', note: '' }}
          fields={(f) => (
            <>
              <SelectField
                form={f}
                name="leadAgency"
                label={t('actions.newLead')}
                placeholder={t('common.choose')}
                options={agencies.list.filter((a) => a.kind !== 'group' && a.active !== false && a.code !== task.leadAgency).map((a) => ({ value: a.code, label: a.name }))}
                required
              />
              <TextAreaField form={f} name="note" label={t('actions.reassignNote')} />
            </>
          )}
          submitLabel={t('actions.reassignSubmit')}
          variant="secondary"
          send={(v) => ok(client.POST('/api/tasks/{id}/reassign', { params: { path: { id: task.id } }, body: { leadAgency: v.leadAgency, note: v.note || undefined } }))}
          onDone={() => onDone(t('done.reassigned'))}
        />
      )}
      <ActionForm
        id="cancel"
        title={t('actions.cancel')}
        collapsible
        description={<p>{task.isGroup ? t('actions.cancelGroupHelp') : t('actions.cancelHelp')}</p>}
        initial={{ reason: '' }}
        fields={(f) => <TextAreaField form={f} name="reason" label={t('actions.cancelReason')} required />}
        submitLabel={t('actions.cancelSubmit')}
        variant="danger"
        send={(v) => ok(client.POST('/api/tasks/{id}/cancel', { params: { path: { id: task.id } }, body: { reason: v.reason } }))}
        onDone={() => onDone(t('done.cancelled'))}
      />
    </>
  );
}

/** The reasons a completion is most often returned for, one click each ("Thiếu minh chứng" first). */
