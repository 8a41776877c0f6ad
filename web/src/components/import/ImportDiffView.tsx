import type { FieldChange, ImportDiff } from '../../../../domain/import/diff';
import type { Funding } from '../../../../domain/vocabulary';
import { useAgencies } from '../../lib/agencies';
import { formatDate, formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { StatusBadge } from '../StatusBadge';

/**
 * A corrected appendix against the plan's imported tasks: new rows, changed rows field by field (what
 * will be applied to the running task, what cannot be), unchanged rows, and tasks the file no longer
 * lists, which are cancelled only when ticked.
 */
export function ImportDiffView({ diff, cancel, onToggle }: { diff: ImportDiff; cancel: readonly string[]; onToggle: (taskId: string, on: boolean) => void }) {
  const { t } = useI18n();
  return (
    <section className="section card" aria-labelledby="diff-h" data-testid="import-diff">
      <h2 id="diff-h" className="section__title">
        {t('import.diff')}
      </h2>
      <p className="muted small">{t('import.diffHelp', { n: diff.compared })}</p>
      <ul className="tiles tiles--small" aria-label={t('import.diff')}>
        <li className="tile tile--info">
          <span className="tile__value">{diff.added.length}</span>
          <span className="tile__label">{t('import.diffAdded')}</span>
        </li>
        <li className={`tile ${diff.changed.length ? 'tile--warning' : 'tile--neutral'}`}>
          <span className="tile__value">{diff.changed.length}</span>
          <span className="tile__label">{t('import.diffChanged')}</span>
        </li>
        <li className="tile tile--neutral">
          <span className="tile__value">{diff.unchanged.length}</span>
          <span className="tile__label">{t('import.diffUnchanged')}</span>
        </li>
        <li className={`tile ${diff.removed.length ? 'tile--danger' : 'tile--neutral'}`}>
          <span className="tile__value">{diff.removed.length}</span>
          <span className="tile__label">{t('import.diffRemoved')}</span>
        </li>
      </ul>

      {diff.changed.length > 0 && (
        <>
          <h3 className="subhead">{t('import.diffChanged')}</h3>
          <ul className="problem-list" data-testid="diff-changed">
            {diff.changed.map((c) => (
              <li key={c.taskId} className="problem" data-task={c.taskId}>
                <strong>
                  {t('import.row')} {c.row}: {c.title}
                </strong>{' '}
                <StatusBadge status={c.status} />
                <ul>
                  {c.changes.map((change) => (
                    <ChangeLine key={change.field} change={change} />
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}

      {diff.added.length > 0 && (
        <>
          <h3 className="subhead">{t('import.diffAdded')}</h3>
          <ul data-testid="diff-added">
            {diff.added.map((a) => (
              <li key={a.row}>
                {t('import.row')} {a.row}: {a.title}
              </li>
            ))}
          </ul>
        </>
      )}

      {diff.removed.length > 0 && (
        <fieldset className="fieldset" data-testid="diff-removed">
          <legend className="subhead">{t('import.diffRemoved')}</legend>
          <p className="muted small">{t('import.diffRemovedHelp')}</p>
          {diff.removed.map((r) => {
            const id = `cancel-${r.taskId}`;
            const open = r.status !== 'completed' && r.status !== 'cancelled';
            return (
              <div key={r.taskId} className="choice__item">
                <input type="checkbox" id={id} disabled={!open} checked={cancel.includes(r.taskId)} onChange={(e) => onToggle(r.taskId, e.target.checked)} />
                <label htmlFor={id}>
                  {t('import.diffCancel')}: {[r.section, r.number].filter(Boolean).join(' · ')} {r.title} <StatusBadge status={r.status} />
                </label>
              </div>
            );
          })}
        </fieldset>
      )}
    </section>
  );
}

function ChangeLine({ change }: { change: FieldChange }) {
  const { t } = useI18n();
  const agencies = useAgencies();
  const show = (value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (change.field === 'startDate' || change.field === 'dueDate') return formatDate(String(value));
    if (change.field === 'lead' || change.field === 'coordinating') return (value as string[]).map((c) => agencies.nameOf(c)).join('; ') || '—';
    if (change.field === 'kind') return t(`kind.${value as 'new' | 'carried_over' | 'recurring'}`);
    if (change.field === 'funding') return fundingText(value as Funding, t);
    return String(value);
  };
  return (
    <li className={change.notApplied ? 'text-warn' : undefined}>
      <span className="strong">{t(`import.change.${change.field}`)}</span>: {show(change.from)} → {show(change.to)}
      {change.notApplied && <> — {t('import.notApplied', { reason: change.notApplied })}</>}
    </li>
  );
}

function fundingText(f: Funding, t: ReturnType<typeof useI18n>['t']): string {
  const a = f.amounts;
  const parts = [
    f.text,
    a?.total !== undefined ? t('import.fundingTotal', { n: formatNumber(a.total) }) : undefined,
    a?.recurrent !== undefined ? t('import.fundingRecurrent', { n: formatNumber(a.recurrent) }) : undefined,
    a?.investment !== undefined ? t('import.fundingInvestment', { n: formatNumber(a.investment) }) : undefined,
  ].filter(Boolean);
  return parts.join(', ') || '—';
}
