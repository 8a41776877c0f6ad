import { Link, useNavigate } from 'react-router';
import { client, ok, useLoad } from '../lib/api';
import { useAgencies } from '../lib/agencies';
import { parseDateInput } from '../lib/format';
import { useForm } from '../lib/form';
import { useI18n } from '../lib/i18n';
import { useMe } from '../lib/session';
import { DataTable } from '../components/DataTable';
import { DateField, Form, SelectField, SubmitButton, TextAreaField, TextField } from '../components/Form';
import { PageHeader } from '../components/PageHeader';
import { Async } from '../components/States';

/** One plan, with its settings and task counts (none loaded while its id is not known yet). */
export function usePlan(planId: string | undefined) {
  return useLoad(planId ? (signal) => ok(client.GET('/api/plans/{id}', { params: { path: { id: planId } }, signal })) : null, [planId]);
}

export function usePlans() {
  return useLoad((signal) => ok(client.GET('/api/plans', { signal })).then((r) => r.items), []);
}

const year = (d: string) => d.slice(0, 4);

export function PlansPage() {
  const { t } = useI18n();
  const me = useMe();
  const plans = usePlans();
  return (
    <>
      <PageHeader
        title={t('plans.title')}
        lead={<p>{t('plans.lead')}</p>}
        actions={
          me.role === 'coordinator' && (
            <Link className="button button--primary" to="/plans/new">
              {t('plans.new')}
            </Link>
          )
        }
      />
      <Async loaded={plans}>
        {(list) => (
          <DataTable
            caption={t('plans.title')}
            captionHidden
            rows={list}
            rowKey={(p) => p.id}
            empty={t('plans.none')}
            columns={[
              { key: 'doc', label: t('plan.documentNumber'), cell: (p) => <strong>{p.documentNumber}</strong>, className: 'col-doc' },
              {
                key: 'title',
                label: t('plan.title'),
                primary: true,
                cell: (p) => (
                  <>
                    <Link to={`/plans/${p.id}`}>{p.title}</Link>
                    {p.status === 'closed' && <span className="badge badge--cancelled">{t('plan.closed')}</span>}
                  </>
                ),
              },
              { key: 'period', label: t('plan.period'), cell: (p) => `${year(p.periodStart)}–${year(p.periodEnd)}` },
              { key: 'total', label: t('plan.tasks'), numeric: true, cell: (p) => p.counts.total },
              { key: 'open', label: t('plan.open'), numeric: true, cell: (p) => p.counts.open },
              { key: 'completed', label: t('plan.completed'), numeric: true, cell: (p) => p.counts.completed },
              {
                key: 'overdue',
                label: t('flag.overdue'),
                numeric: true,
                cell: (p) => (p.counts.overdue > 0 ? <span className="text-danger strong">{p.counts.overdue}</span> : 0),
              },
            ]}
          />
        )}
      </Async>
    </>
  );
}

export function NewPlanPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const agencies = useAgencies();
  const thisYear = new Date().getFullYear();
  const form = useForm({
    code: '',
    title: '',
    documentNumber: '',
    issuer: 'UBND tỉnh',
    issuedOn: '',
    periodStart: `01/01/${thisYear}`,
    periodEnd: `31/12/${thisYear + 4}`,
    coordinatorAgencyCode: me.agencyCode ?? '',
  });
  const v = form.values;
  const submit = () =>
    form.run(async () => {
      const plan = await ok(
        client.POST('/api/plans', {
          body: {
            code: v.code,
            title: v.title,
            documentNumber: v.documentNumber,
            issuer: v.issuer,
            issuedOn: parseDateInput(v.issuedOn),
            periodStart: parseDateInput(v.periodStart),
            periodEnd: parseDateInput(v.periodEnd),
            coordinatorAgencyCode: v.coordinatorAgencyCode,
          },
        }),
      );
      void navigate(`/plans/${plan.id}`);
    });
  return (
    <>
      <PageHeader title={t('plans.new')} crumbs={[{ label: t('plans.title'), to: '/plans' }, { label: t('plans.new') }]} />
      <div className="card">
        <Form form={form} onSubmit={submit} label={t('plans.new')}>
          <div className="grid-2">
            <TextField form={form} name="documentNumber" label={t('plan.documentNumber')} hint={t('plan.documentNumberHint')} required />
            <TextField form={form} name="code" label={t('plan.code')} hint={t('plan.codeHint')} required />
          </div>
          <TextAreaField form={form} name="title" label={t('plan.title')} required rows={2} />
          <div className="grid-2">
            <TextField form={form} name="issuer" label={t('plan.issuer')} />
            <DateField form={form} name="issuedOn" label={t('plan.issuedOn')} required />
            <DateField form={form} name="periodStart" label={t('plan.periodStart')} required />
            <DateField form={form} name="periodEnd" label={t('plan.periodEnd')} required />
          </div>
          <SelectField
            form={form}
            name="coordinatorAgencyCode"
            label={t('plan.coordinator')}
            placeholder={t('common.choose')}
            options={agencies.list.filter((a) => a.kind !== 'group').map((a) => ({ value: a.code, label: a.name }))}
            required
          />
          <div className="form__actions">
            <SubmitButton form={form}>{t('plans.create')}</SubmitButton>
            <Link to="/plans" className="button button--secondary">
              {t('common.cancel')}
            </Link>
          </div>
        </Form>
      </div>
    </>
  );
}
