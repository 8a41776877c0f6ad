import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { client, ok } from '../lib/api';
import { useAgencies } from '../lib/agencies';
import { parseDateInput } from '../lib/format';
import { unchecked, useForm } from '../lib/form';
import { useI18n } from '../lib/i18n';
import type { AgencyKind, FundingSource, TaskKind } from '../lib/types';
import { ChoiceField, DateField, Form, SelectField, SubmitButton, TextAreaField, TextField, type Option } from '../components/Form';
import { PageHeader } from '../components/PageHeader';
import { Async } from '../components/States';
import { usePlan } from './Plans';

const KINDS: TaskKind[] = ['new', 'carried_over', 'recurring'];
const SOURCES: FundingSource[] = ['central', 'province', 'district', 'commune', 'socialized', 'oda', 'other'];
const KIND_ORDER: AgencyKind[] = ['department', 'province', 'vertical', 'district', 'commune', 'group', 'other'];

/**
 * An amount in triệu đồng as Vietnamese write it ("1.200", "7.184,4"); text that is not a number is
 * sent unchanged so the API names the field.
 */
export function parseVnAmount(text: string): number | string | undefined {
  const s = text.trim();
  if (!s) return undefined;
  if (/^\d{1,3}(\.\d{3})*(,\d+)?$/.test(s) || /^\d+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^\d+\.\d+$/.test(s)) return Number(s);
  return s;
}

export function NewTaskPage() {
  const { planId = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const agencies = useAgencies();
  const plan = usePlan(planId);
  const [filter, setFilter] = useState('');
  const form = useForm({
    title: '',
    leadAgency: '',
    coordinatingAgencies: [] as string[],
    startDate: '',
    dueDate: '',
    kind: 'new',
    section: '',
    number: '',
    description: '',
    fundingSources: [] as string[],
    fundingText: '',
    recurrent: '',
    investment: '',
  });
  const v = form.values;

  const agencyOptions: Option[] = [...agencies.list]
    .filter((a) => a.active !== false)
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
    .map((a) => ({ value: a.code, label: a.kind === 'group' ? `${a.name} (${t('newTask.groupFansOut')})` : a.name, group: t(`agencyKind.${a.kind}`) }));

  const submit = () =>
    form.run(async () => {
      const recurrent = parseVnAmount(v.recurrent);
      const investment = parseVnAmount(v.investment);
      const hasFunding = v.fundingSources.length > 0 || v.fundingText.trim() || recurrent !== undefined || investment !== undefined;
      const body = {
        title: v.title,
        leadAgency: v.leadAgency,
        coordinatingAgencies: v.coordinatingAgencies,
        startDate: v.startDate.trim() ? parseDateInput(v.startDate) : undefined,
        dueDate: parseDateInput(v.dueDate),
        kind: v.kind as TaskKind,
        section: v.section.trim() || undefined,
        number: v.number.trim() || undefined,
        description: v.description.trim() || undefined,
        funding: hasFunding
          ? {
              text: v.fundingText.trim() || undefined,
              sources: v.fundingSources as FundingSource[],
              amounts: recurrent !== undefined || investment !== undefined ? { recurrent: unchecked<number>(recurrent), investment: unchecked<number>(investment) } : undefined,
            }
          : undefined,
      };
      const created = await ok(client.POST('/api/plans/{id}/tasks', { params: { path: { id: planId } }, body }));
      void navigate(`/tasks/${created.id}`);
    });

  return (
    <Async loaded={plan}>
      {(p) => (
        <>
          <PageHeader
            kicker={p.documentNumber}
            title={t('newTask.title')}
            crumbs={[
              { label: t('plans.title'), to: '/plans' },
              { label: p.documentNumber, to: `/plans/${p.id}` },
              { label: t('newTask.title') },
            ]}
            lead={<p>{t('newTask.lead')}</p>}
          />
          <div className="card">
            <Form form={form} onSubmit={submit} label={t('newTask.title')}>
              <TextAreaField form={form} name="title" label={t('task.title')} required rows={2} />
              <SelectField form={form} name="leadAgency" label={t('task.lead')} hint={t('newTask.leadHint')} placeholder={t('common.choose')} options={agencyOptions} required />
              <div className="field">
                <label className="field__label" htmlFor="coordinating-filter">
                  {t('newTask.filterAgencies')}
                </label>
                <input id="coordinating-filter" className="input" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
              </div>
              <ChoiceField
                form={form}
                name="coordinatingAgencies"
                label={t('task.coordinating')}
                hint={t('newTask.coordinatingHint', { n: v.coordinatingAgencies.length })}
                multiple
                filter={filter}
                options={agencyOptions.filter((o) => o.value !== v.leadAgency)}
              />
              <div className="grid-2">
                <DateField form={form} name="startDate" label={t('task.startDate')} hint={t('newTask.startHint', { date: p.periodStart.split('-').reverse().join('/') })} />
                <DateField form={form} name="dueDate" label={t('task.dueDate')} required />
              </div>
              <ChoiceField form={form} name="kind" label={t('task.kind')} inline options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
              <div className="grid-2">
                <TextField form={form} name="section" label={t('task.section')} />
                <TextField form={form} name="number" label={t('task.number')} input={{ className: 'input input--short' }} />
              </div>
              <TextAreaField form={form} name="description" label={t('task.description')} rows={3} />
              <fieldset className="fieldset">
                <legend>{t('task.funding')}</legend>
                <ChoiceField form={form} name="fundingSources" apiField="funding.sources" label={t('newTask.fundingSources')} multiple inline options={SOURCES.map((s) => ({ value: s, label: t(`funding.${s}`) }))} />
                <TextField form={form} name="fundingText" apiField="funding.text" label={t('newTask.fundingText')} />
                <div className="grid-2">
                  <TextField form={form} name="recurrent" apiField="funding.amounts.recurrent" label={`${t('funding.recurrent')} (${t('funding.unit')})`} hint={t('newTask.amountHint')} input={{ inputMode: 'decimal' }} />
                  <TextField form={form} name="investment" apiField="funding.amounts.investment" label={`${t('funding.investment')} (${t('funding.unit')})`} input={{ inputMode: 'decimal' }} />
                </div>
              </fieldset>
              <div className="form__actions">
                <SubmitButton form={form}>{t('newTask.submit')}</SubmitButton>
                <Link to={`/plans/${p.id}`} className="button button--secondary">
                  {t('common.cancel')}
                </Link>
              </div>
            </Form>
          </div>
        </>
      )}
    </Async>
  );
}
