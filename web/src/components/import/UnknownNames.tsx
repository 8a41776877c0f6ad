import { useState } from 'react';
import type { UnknownAgencyName } from '../../../../domain/import/types';
import type { AgencyKind } from '../../lib/types';
import { AGENCY_KINDS } from '../../../../domain/vocabulary';
import { client, ok } from '../../lib/api';
import { invalidateAgencies, useAgencies } from '../../lib/agencies';
import { useForm } from '../../lib/form';
import { useI18n } from '../../lib/i18n';
import { ErrorSummary, SelectField, TextField, type Option } from '../Form';

/**
 * Names the appendix uses that the agency directory does not know, each once: the coordinator says
 * which agency it is (the closest spellings first) or adds the agency, without leaving the wizard.
 * The answer is kept as an alias, so the next appendix that writes the name the same way is understood.
 */
export function UnknownNames({ planId, names, onResolved }: { planId: string; names: UnknownAgencyName[]; onResolved: () => void }) {
  const { t } = useI18n();
  if (names.length === 0) return null;
  return (
    <section className="section card" aria-labelledby="names-h" data-testid="unknown-names">
      <h2 id="names-h" className="section__title">
        {t('import.names')}
      </h2>
      <p className="muted small">{t('import.namesHelp')}</p>
      <ul className="plain-list">
        {names.map((n) => (
          <li key={`${n.field}:${n.text}`} className="card">
            <NameForm planId={planId} name={n} onResolved={onResolved} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Sở Thông tin và Truyền thông" → "STTTT": a code to start from, which the coordinator may change. */
function suggestedCode(name: string): string {
  const initials = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return initials.slice(0, 12) || 'DV';
}

const KINDS = AGENCY_KINDS.filter((k) => k !== 'group');

function NameForm({ planId, name, onResolved }: { planId: string; name: UnknownAgencyName; onResolved: () => void }) {
  const { t } = useI18n();
  const agencies = useAgencies();
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const form = useForm({ agencyCode: name.suggestions[0]?.code ?? '', 'newAgency.name': name.text, 'newAgency.code': suggestedCode(name.text), 'newAgency.kind': 'department', 'newAgency.email': '' });
  const suggested = new Set(name.suggestions.map((s) => s.code));
  const options: Option[] = [
    ...name.suggestions.map((s) => ({ value: s.code, label: s.name, group: t('import.namesClosest') })),
    ...agencies.list.filter((a) => !suggested.has(a.code) && a.active !== false).map((a) => ({ value: a.code, label: a.name, group: t('import.namesAll') })),
  ];
  const save = () =>
    form.run(async () => {
      const v = form.values;
      const body =
        mode === 'existing'
          ? { text: name.text, agencyCode: v.agencyCode || undefined }
          : { text: name.text, newAgency: { name: v['newAgency.name'], code: v['newAgency.code'], kind: v['newAgency.kind'] as Exclude<AgencyKind, 'group'>, emails: v['newAgency.email'] ? [v['newAgency.email']] : [] } };
      await ok(client.POST('/api/plans/{id}/import/agency-names', { params: { path: { id: planId } }, body }));
      invalidateAgencies();
      onResolved();
    });
  const legendId = `name-${name.field}-${name.rows[0]}`;
  return (
    <form
      className="form"
      noValidate
      aria-labelledby={legendId}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p id={legendId}>
        <strong>“{name.text}”</strong>{' '}
        <span className="muted small">
          {t(name.field === 'lead' ? 'import.namesLead' : 'import.namesCoordinating')} · {t('import.namesRows', { rows: name.rows.join(', ') })}
        </span>
      </p>
      <ErrorSummary form={form} />
      <div className="choice__list choice__list--inline" role="radiogroup" aria-label={t('import.namesHow')}>
        <div className="choice__item">
          <input type="radio" id={`${legendId}-existing`} checked={mode === 'existing'} onChange={() => setMode('existing')} />
          <label htmlFor={`${legendId}-existing`}>{t('import.namesExisting')}</label>
        </div>
        <div className="choice__item">
          <input type="radio" id={`${legendId}-new`} checked={mode === 'new'} onChange={() => setMode('new')} />
          <label htmlFor={`${legendId}-new`}>{t('import.namesNew')}</label>
        </div>
      </div>
      {mode === 'existing' ? (
        <SelectField form={form} name="agencyCode" label={t('import.namesAgency')} options={options} placeholder={name.suggestions.length ? undefined : t('import.namesPick')} />
      ) : (
        <div className="grid-2">
          <TextField form={form} name="newAgency.name" label={t('agencies.name')} required />
          <TextField form={form} name="newAgency.code" label={t('agencies.code')} required input={{ className: 'input input--mono input--short' }} />
          <SelectField form={form} name="newAgency.kind" label={t('agencies.kind')} options={KINDS.map((k) => ({ value: k, label: t(`agencyKind.${k}`) }))} />
          <TextField form={form} name="newAgency.email" label={t('import.namesEmail')} apiField="newAgency.emails" input={{ type: 'email', autoComplete: 'off' }} />
        </div>
      )}
      <p className="field__error" hidden={!form.fieldError('text')}>
        {form.fieldError('text')}
      </p>
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={form.busy}>
          {form.busy ? t('common.working') : t('import.namesSave')}
        </button>
      </div>
    </form>
  );
}
