import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { DEFAULT_REMINDER_POLICY, DEFAULT_REPORT_SETTINGS } from '../../../domain/plan-settings';
import { client, ok, useLoad } from '../lib/api';
import { unchecked, useForm } from '../lib/form';
import { useI18n } from '../lib/i18n';
import type { Plan } from '../lib/types';
import { ChoiceField, Form, SubmitButton, TextField } from '../components/Form';
import { PageHeader } from '../components/PageHeader';
import { Async, Notice } from '../components/States';
import { usePlan } from './Plans';

/** "12-20" ↔ "20/12": the report days as Vietnamese write them. */
const toDayMonth = (monthDay: string) => monthDay.split('-').reverse().join('/');
function toMonthDay(text: string): string {
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*$/.exec(text);
  // Anything else goes as typed, for the API to name.
  return m ? `${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : text.trim();
}
/** A whole number as typed, or the text itself for the API to name. */
const whole = (text: string): number => unchecked(/^\s*\d+\s*$/.test(text) ? Number(text) : text.trim());

/**
 * A plan's reminder and escalation settings (DESIGN.md §6: "each plan may override"). Saving reaches
 * the plan's running tasks too, which re-plan their reminders from now on.
 */
export function PlanSettingsPage() {
  const { planId = '' } = useParams();
  const plan = usePlan(planId);
  return <Async loaded={plan}>{(p) => <SettingsForm plan={p} />}</Async>;
}

function SettingsForm({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const leaders = useLoad((signal) => ok(client.GET('/api/plans/{id}/leadership', { params: { path: { id: plan.id } }, signal })).then((r) => r.items), [plan.id]);
  const [saved, setSaved] = useState(false);
  const r = { ...DEFAULT_REMINDER_POLICY, ...plan.settings.reminders };
  const report = { ...DEFAULT_REPORT_SETTINGS, ...plan.settings.report };
  const form = useForm({
    ackReminderWorkingDays: String(r.ackReminderWorkingDays),
    ackEscalationWorkingDays: String(r.ackEscalationWorkingDays),
    dueReminderWorkingDays: r.dueReminderWorkingDays.join(', '),
    overdueNoticeEveryDays: String(r.overdueNoticeEveryDays),
    overdueEscalationDays: String(r.overdueEscalationDays),
    sendHour: String(r.sendHour),
    requestOn: toDayMonth(report.requestOn),
    dueOn: toDayMonth(report.dueOn),
    leadershipUserIds: plan.settings.escalation?.leadershipUserIds ?? [],
  });
  const submit = () =>
    form.run(async () => {
      setSaved(false);
      const v = form.values;
      const body = {
        settings: {
          reminders: {
            ackReminderWorkingDays: whole(v.ackReminderWorkingDays),
            ackEscalationWorkingDays: whole(v.ackEscalationWorkingDays),
            dueReminderWorkingDays: v.dueReminderWorkingDays.split(/[,;\s]+/).filter(Boolean).map(whole),
            overdueNoticeEveryDays: whole(v.overdueNoticeEveryDays),
            overdueEscalationDays: whole(v.overdueEscalationDays),
            sendHour: whole(v.sendHour),
          },
          report: { requestOn: toMonthDay(v.requestOn), dueOn: toMonthDay(v.dueOn) },
          escalation: { leadershipUserIds: v.leadershipUserIds },
        },
      };
      await ok(client.PATCH('/api/plans/{id}', { params: { path: { id: plan.id } }, body }));
      setSaved(true);
    });
  type NumberField = 'ackReminderWorkingDays' | 'ackEscalationWorkingDays' | 'overdueNoticeEveryDays' | 'overdueEscalationDays' | 'sendHour';
  const field = (name: NumberField, hint?: string) => (
    <TextField form={form} name={name} apiField={`settings.reminders.${name}`} label={t(`settings.${name}`)} hint={hint} input={{ inputMode: 'numeric', className: 'input input--short' }} />
  );
  return (
    <>
      <PageHeader
        kicker={plan.documentNumber}
        title={t('settings.title')}
        crumbs={[{ label: t('plans.title'), to: '/plans' }, { label: plan.documentNumber, to: `/plans/${plan.id}` }, { label: t('settings.title') }]}
        lead={<p>{t('settings.lead')}</p>}
      />
      {saved && (
        <Notice tone="success" title={t('settings.savedTitle')} focus>
          <p>{t('settings.savedText')}</p>
        </Notice>
      )}
      <div className="card">
        <Form form={form} onSubmit={submit} label={t('settings.title')}>
          <fieldset className="fieldset">
            <legend>{t('settings.reminders')}</legend>
            <div className="grid-2">
              {field('ackReminderWorkingDays')}
              {field('ackEscalationWorkingDays')}
            </div>
            <TextField
              form={form}
              name="dueReminderWorkingDays"
              apiField="settings.reminders.dueReminderWorkingDays"
              label={t('settings.dueReminderWorkingDays')}
              hint={t('settings.dueReminderHint')}
            />
            <div className="grid-2">
              {field('overdueNoticeEveryDays')}
              {field('overdueEscalationDays')}
            </div>
            {field('sendHour', t('settings.sendHourHint'))}
          </fieldset>
          <fieldset className="fieldset">
            <legend>{t('settings.report')}</legend>
            <div className="grid-2">
              <TextField form={form} name="requestOn" apiField="settings.report.requestOn" label={t('settings.requestOn')} hint={t('settings.dayMonthHint')} input={{ className: 'input input--short' }} />
              <TextField form={form} name="dueOn" apiField="settings.report.dueOn" label={t('settings.dueOn')} hint={t('settings.dayMonthHint')} input={{ className: 'input input--short' }} />
            </div>
          </fieldset>
          {leaders.data && (
            <ChoiceField
              form={form}
              name="leadershipUserIds"
              apiField="settings.escalation.leadershipUserIds"
              label={t('settings.leadership')}
              hint={t('settings.leadershipHint')}
              multiple
              options={leaders.data.map((l) => ({ value: l.id, label: `${l.name} (${l.email})` }))}
            />
          )}
          <div className="form__actions">
            <SubmitButton form={form}>{t('settings.save')}</SubmitButton>
            <Link to={`/plans/${plan.id}`} className="button button--secondary">
              {t('settings.back')}
            </Link>
          </div>
        </Form>
      </div>
    </>
  );
}
