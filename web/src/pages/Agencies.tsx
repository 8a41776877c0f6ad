import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { client, ok, useLoad } from '../lib/api';
import { invalidateAgencies, useAgencies } from '../lib/agencies';
import { formatDate, parseDateInput } from '../lib/format';
import { useForm, type FormState } from '../lib/form';
import { useI18n } from '../lib/i18n';
import { useMe } from '../lib/session';
import type { Agency, AgencyKind, Language } from '../lib/types';
import { ActionForm } from '../components/ActionForm';
import { DataTable } from '../components/DataTable';
import { DateField, Form, SelectField, SubmitButton, TextAreaField, TextField } from '../components/Form';
import { PageHeader } from '../components/PageHeader';
import { Async, ErrorBox, Loading, Notice } from '../components/States';

const KINDS: AgencyKind[] = ['department', 'province', 'vertical', 'district', 'commune', 'group', 'other'];
const lines = (text: string) =>
  text
    .split(/[\n,;]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function AgenciesPage() {
  const { t } = useI18n();
  const me = useMe();
  const directory = useAgencies();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const needle = q.trim().toLocaleLowerCase('vi');
  const rows = directory.list.filter(
    (a) => (!kind || a.kind === kind) && (!needle || [a.name, a.shortName, a.code, ...(a.aliases ?? [])].some((s) => s.toLocaleLowerCase('vi').includes(needle))),
  );
  return (
    <>
      <PageHeader title={t('agencies.title')} lead={<p>{t('agencies.lead')}</p>} />
      {created && (
        <Notice tone="success">
          <p>{t('agencies.created', { code: created })}</p>
        </Notice>
      )}
      {me.role === 'admin' && <NewAgency onCreated={setCreated} />}
      <div className="card filters-row">
        <div className="field field--inline">
          <label className="field__label" htmlFor="agency-q">
            {t('tasks.search')}
          </label>
          <input id="agency-q" className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="field field--inline">
          <label className="field__label" htmlFor="agency-kind">
            {t('agencies.kind')}
          </label>
          <select id="agency-kind" className="input select" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t('agencies.allKinds')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`agencyKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {directory.error ? (
        <ErrorBox error={directory.error} />
      ) : directory.loading ? (
        <Loading />
      ) : (
        <DataTable
          caption={t('agencies.title')}
          captionHidden
          rows={rows}
          rowKey={(a) => a.code}
          empty={t('agencies.none')}
          columns={[
            { key: 'code', label: t('agencies.code'), cell: (a) => <code>{a.code}</code> },
            {
              key: 'name',
              label: t('agencies.name'),
              primary: true,
              cell: (a) => (
                <>
                  <Link to={`/agencies/${encodeURIComponent(a.code)}`}>{a.name}</Link>
                  {a.active === false && <span className="badge badge--cancelled">{a.mergedInto ? t('agencies.mergedInto', { code: a.mergedInto }) : t('agencies.inactive')}</span>}
                </>
              ),
            },
            { key: 'short', label: t('agencies.shortName'), cell: (a) => a.shortName },
            { key: 'kind', label: t('agencies.kind'), cell: (a) => t(`agencyKind.${a.kind}`) },
            { key: 'emails', label: t('agencies.emails'), cell: (a) => (a.emails.length ? a.emails.join(', ') : a.kind === 'group' ? '—' : <span className="text-warn">{t('agencies.noEmail')}</span>) },
          ]}
        />
      )}
    </>
  );
}

function NewAgency({ onCreated }: { onCreated: (code: string) => void }) {
  const { t } = useI18n();
  return (
    <div className="card">
      <ActionForm
        id="new-agency"
        title={t('agencies.new')}
        collapsible
        initial={{ code: '', name: '', shortName: '', kind: 'department', parentCode: '', emails: '', aliases: '', language: 'vi' }}
        fields={(f) => <AgencyFields form={f} withCode />}
        submitLabel={t('agencies.create')}
        send={async (v) => {
          const body = {
            code: v.code,
            name: v.name,
            shortName: v.shortName.trim() || undefined,
            kind: v.kind as AgencyKind,
            parentCode: v.parentCode || undefined,
            emails: lines(v.emails),
            aliases: lines(v.aliases),
            language: v.language as Language,
          };
          await ok(client.POST('/api/agencies', { body }));
          invalidateAgencies();
          onCreated(v.code);
        }}
        onDone={() => undefined}
      />
    </div>
  );
}

type AgencyForm = FormState<{ code: string; name: string; shortName: string; kind: string; parentCode: string; emails: string; aliases: string; language: string }>;

function AgencyFields({ form, withCode }: { form: AgencyForm; withCode?: boolean }) {
  const { t } = useI18n();
  const directory = useAgencies();
  return (
    <>
      <div className="grid-2">
        {withCode && <TextField form={form} name="code" label={t('agencies.code')} hint={t('agencies.codeHint')} required />}
        <SelectField form={form} name="kind" label={t('agencies.kind')} options={KINDS.map((k) => ({ value: k, label: t(`agencyKind.${k}`) }))} required />
      </div>
      <TextField form={form} name="name" label={t('agencies.name')} required />
      <div className="grid-2">
        <TextField form={form} name="shortName" label={t('agencies.shortName')} />
        <SelectField
          form={form}
          name="parentCode"
          label={t('agencies.parent')}
          placeholder={t('agencies.noParent')}
          options={directory.list.filter((a) => a.kind !== 'group').map((a) => ({ value: a.code, label: a.name }))}
        />
      </div>
      <TextAreaField form={form} name="emails" label={t('agencies.emails')} hint={t('agencies.linesHint')} rows={2} />
      <TextAreaField form={form} name="aliases" label={t('agencies.aliases')} hint={t('agencies.aliasesHint')} rows={3} />
      <SelectField
        form={form}
        name="language"
        label={t('agencies.language')}
        options={[
          { value: 'vi', label: 'Tiếng Việt' },
          { value: 'en', label: 'English' },
        ]}
      />
    </>
  );
}

export function AgencyDetailPage() {
  const { code = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const agency = useLoad((signal) => ok(client.GET('/api/agencies/{code}', { params: { path: { code } }, signal })), [code]);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Async loaded={agency}>
      {(a) => (
        <>
          <PageHeader title={a.name} kicker={a.code} crumbs={[{ label: t('agencies.title'), to: '/agencies' }, { label: a.shortName || a.code }]} />
          {notice && (
            <Notice tone="success">
              <p>{notice}</p>
            </Notice>
          )}
          <AgencyFacts agency={a} />
          {me.role === 'admin' && a.active !== false && (
            <>
              <EditAgency
                agency={a}
                onSaved={() => {
                  setNotice(t('agencies.saved'));
                  invalidateAgencies();
                  agency.reload();
                }}
              />
              {a.kind !== 'group' && (
                <MergeAgency
                  agency={a}
                  onMerged={(openTasks, into) => {
                    setNotice(t('agencies.merged', { n: openTasks, into }));
                    invalidateAgencies();
                    agency.reload();
                  }}
                />
              )}
            </>
          )}
        </>
      )}
    </Async>
  );
}

function AgencyFacts({ agency }: { agency: Agency }) {
  const { t } = useI18n();
  const directory = useAgencies();
  return (
    <section className="section card" aria-labelledby="agency-facts-h">
      <h2 id="agency-facts-h" className="section__title">
        {t('task.facts')}
      </h2>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('agencies.shortName')}</dt>
          <dd>{agency.shortName}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('agencies.kind')}</dt>
          <dd>{t(`agencyKind.${agency.kind}`)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('agencies.emails')}</dt>
          <dd>{agency.emails.length ? agency.emails.join(', ') : t('agencies.noEmail')}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('agencies.aliases')}</dt>
          <dd>{agency.aliases?.length ? agency.aliases.join('; ') : '—'}</dd>
        </div>
        {agency.formerNames && agency.formerNames.length > 0 && (
          <div className="facts__item facts__item--wide">
            <dt>{t('agencies.formerNames')}</dt>
            <dd>{agency.formerNames.map((f) => t('agencies.formerName', { name: f.name, until: formatDate(f.until) })).join('; ')}</dd>
          </div>
        )}
        {agency.parentCode && (
          <div className="facts__item">
            <dt>{t('agencies.parent')}</dt>
            <dd>{directory.nameOf(agency.parentCode)}</dd>
          </div>
        )}
        {agency.members && agency.members.length > 0 && (
          <div className="facts__item facts__item--wide">
            <dt>{t('agencies.members', { n: agency.members.length })}</dt>
            <dd>{agency.members.map((m) => directory.nameOf(m)).join('; ')}</dd>
          </div>
        )}
        {agency.mergedInto && (
          <div className="facts__item">
            <dt>{t('agencies.mergedIntoLabel')}</dt>
            <dd>
              <Link to={`/agencies/${encodeURIComponent(agency.mergedInto)}`}>{directory.nameOf(agency.mergedInto)}</Link> ({formatDate(agency.mergedOn)})
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function EditAgency({ agency, onSaved }: { agency: Agency; onSaved: () => void }) {
  const { t } = useI18n();
  const form = useForm({
    code: agency.code,
    name: agency.name,
    shortName: agency.shortName,
    kind: agency.kind as string,
    parentCode: agency.parentCode ?? '',
    emails: agency.emails.join('\n'),
    aliases: (agency.aliases ?? []).join('\n'),
    language: agency.language ?? 'vi',
    renamedOn: '',
  });
  const submit = () =>
    form.run(async () => {
      const v = form.values;
      const renamed = v.name !== agency.name || v.shortName !== agency.shortName;
      const body = {
        ...(renamed && v.renamedOn ? { renamedOn: parseDateInput(v.renamedOn) } : {}),
        name: v.name,
        shortName: v.shortName,
        kind: v.kind as AgencyKind,
        parentCode: v.parentCode || null,
        emails: lines(v.emails),
        aliases: lines(v.aliases),
        language: v.language as Language,
      };
      await ok(client.PATCH('/api/agencies/{code}', { params: { path: { code: agency.code } }, body }));
      onSaved();
    });
  return (
    <section className="section card" aria-labelledby="edit-agency-h">
      <h2 id="edit-agency-h" className="section__title">
        {t('agencies.edit')}
      </h2>
      <Form form={form} onSubmit={submit} label={t('agencies.edit')}>
        <AgencyFields form={form} />
        <DateField form={form} name="renamedOn" label={t('agencies.renamedOn')} hint={t('agencies.renamedOnHint')} />
        <div className="form__actions">
          <SubmitButton form={form}>{t('agencies.save')}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function MergeAgency({ agency, onMerged }: { agency: Agency; onMerged: (openTasks: number, into: string) => void }) {
  const { t } = useI18n();
  const directory = useAgencies();
  return (
    <section className="section card" aria-labelledby="merge-h">
      <h2 id="merge-h" className="section__title">
        {t('agencies.merge')}
      </h2>
      <p>{t('agencies.mergeHelp')}</p>
      <ActionForm
        id="merge"
        title={t('agencies.mergeInto', { name: agency.name })}
        initial={{ into: '', effectiveDate: '' }}
        fields={(f) => (
          <>
            <SelectField
              form={f}
              name="into"
              label={t('agencies.successor')}
              placeholder={t('common.choose')}
              options={directory.list.filter((a) => a.code !== agency.code && a.kind !== 'group' && a.active !== false).map((a) => ({ value: a.code, label: a.name }))}
              required
            />
            <DateField form={f} name="effectiveDate" label={t('agencies.effectiveDate')} required />
          </>
        )}
        submitLabel={t('agencies.mergeSubmit')}
        variant="danger"
        send={async (v) => {
          const reply = await ok(client.POST('/api/agencies/{code}/merge', { params: { path: { code: agency.code } }, body: { into: v.into, effectiveDate: parseDateInput(v.effectiveDate) } }));
          onMerged(reply.openTasks, directory.nameOf(reply.into));
        }}
        onDone={() => undefined}
      />
    </section>
  );
}
