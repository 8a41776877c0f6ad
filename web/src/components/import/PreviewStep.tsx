import { useState } from 'react';
import { useAgencies } from '../../lib/agencies';
import { columnLetter } from '../../lib/format';
import { type FormState } from '../../lib/form';
import { useI18n } from '../../lib/i18n';
import type { ImportDryRun } from '../../lib/types';
import { ErrorSummary } from '../Form';
import { ColumnMapping } from './ColumnMapping';
import { ImportDiffView } from './ImportDiffView';
import { UnknownNames } from './UnknownNames';
import { Notice } from '../States';
import type { Choices } from './wizard-state';
import { ProblemItem, SheetRow } from './ImportRows';

export function PreviewStep({
  planId,
  preview,
  choices,
  fileName,
  form,
  onChoose,
  onRecheck,
  onCommit,
  onRestart,
}: {
  planId: string;
  preview: ImportDryRun;
  choices: Choices;
  fileName: string;
  form: FormState<Record<string, never>>;
  onChoose: (next: Choices, recheck?: boolean) => void;
  onRecheck: () => void;
  onCommit: () => void;
  onRestart: () => void;
}) {
  const { t } = useI18n();
  const agencies = useAgencies();
  const [onlyProblems, setOnlyProblems] = useState(!preview.ok);
  const errors = preview.problems.filter((p) => p.severity === 'error');
  const warnings = preview.problems.filter((p) => p.severity === 'warning');
  const fileProblems = preview.problems.filter((p) => p.row === undefined);
  const columns = [...preview.columns].sort((a, b) => a.index - b.index);
  const shownRows = preview.rows.filter((r) => r.type !== 'blank' && (!onlyProblems || r.problems.length > 0));
  const summaryId = 'import-summary';
  const { diff } = preview;
  const changes = diff ? diff.added.length + diff.changed.filter((c) => c.changes.some((x) => !x.notApplied)).length + choices.cancelRemoved.length : preview.summary.tasks;
  const commitLabel = diff
    ? t('import.apply', { added: diff.added.length, changed: diff.changed.filter((c) => c.changes.some((x) => !x.notApplied)).length, cancelled: choices.cancelRemoved.length })
    : t('import.commit', { n: preview.summary.tasks });

  return (
    <>
      <ErrorSummary form={form} />
      <section className="section card" aria-labelledby={summaryId}>
        <h2 id={summaryId} className="section__title">
          {t('import.summary')}
        </h2>
        <p>
          {t('import.fileLine', { file: fileName, format: preview.format.toUpperCase() })}
          {preview.sheetName ? ` · ${t(preview.format === 'docx' ? 'import.tableName' : 'import.sheet', { sheet: preview.sheetName })}` : ''}
          {preview.headerRow ? ` · ${t('import.headerRow', { row: preview.headerRow })}` : ''}
        </p>
        <ul className="tiles tiles--small" aria-label={t('import.summary')}>
          <li className="tile tile--neutral">
            <span className="tile__value">{preview.summary.tasks}</span>
            <span className="tile__label">{t('import.tasks')}</span>
          </li>
          <li className="tile tile--neutral">
            <span className="tile__value">{preview.summary.sections}</span>
            <span className="tile__label">{t('import.sections')}</span>
          </li>
          <li className="tile tile--neutral">
            <span className="tile__value">{preview.summary.rows}</span>
            <span className="tile__label">{t('import.rows')}</span>
          </li>
          <li className={`tile ${errors.length ? 'tile--danger' : 'tile--success'}`} data-testid="import-errors">
            <span className="tile__value">{errors.length}</span>
            <span className="tile__label">{t('import.errors')}</span>
          </li>
          <li className={`tile ${warnings.length ? 'tile--warning' : 'tile--neutral'}`}>
            <span className="tile__value">{warnings.length}</span>
            <span className="tile__label">{t('import.warnings')}</span>
          </li>
        </ul>
        {preview.sheets.length > 1 && (
          <div className="field">
            <label className="field__label" htmlFor="import-sheet">
              {t(preview.format === 'docx' ? 'import.table' : 'import.worksheet')}
            </label>
            <p className="field__hint" id="import-sheet-hint">
              {t('import.sheetHint')}
            </p>
            <select
              id="import-sheet"
              className="input select"
              aria-describedby="import-sheet-hint"
              value={preview.sheetName ?? ''}
              disabled={form.busy}
              onChange={(e) => onChoose({ sheet: e.target.value, mapping: {}, cancelRemoved: [] })}
            >
              {preview.sheets.map((sheet) => (
                <option key={sheet.name} value={sheet.name}>
                  {[sheet.name, sheet.caption, t('import.sheetRows', { n: sheet.rows }), sheet.hasHeader ? t('import.sheetHasHeader') : ''].filter(Boolean).join(' — ')}
                </option>
              ))}
            </select>
          </div>
        )}
        {preview.ok && diff && changes === 0 ? (
          <Notice tone="info" title={t('import.nothingTitle')}>
            <p>{t('import.nothingText')}</p>
          </Notice>
        ) : preview.ok ? (
          <Notice tone="success" title={t('import.okTitle')}>
            <p>{diff ? t('import.okDiffText') : t('import.okText', { n: preview.summary.tasks })}</p>
          </Notice>
        ) : (
          <Notice tone="error" title={t('import.blockedTitle')}>
            <p>{t('import.blockedText', { n: errors.length })}</p>
          </Notice>
        )}
        {fileProblems.length > 0 && (
          <ul className="problem-list">
            {fileProblems.map((p, i) => (
              <ProblemItem key={i} problem={p} />
            ))}
          </ul>
        )}
        <div className="form__actions">
          <button type="button" className="button button--primary" onClick={onCommit} disabled={!preview.ok || changes === 0 || form.busy} aria-describedby={preview.ok ? undefined : 'commit-blocked'}>
            {form.busy ? t('common.working') : commitLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={onRestart}>
            {t('import.another')}
          </button>
          {!preview.ok && (
            <span id="commit-blocked" className="muted small">
              {t('import.fixFirst')}
            </span>
          )}
        </div>
      </section>

      {preview.columns.length > 0 && (
        <ColumnMapping preview={preview} mapping={choices.mapping} busy={form.busy} onChange={(letter, choice) => onChoose({ ...choices, mapping: { ...choices.mapping, [letter]: choice } })} />
      )}
      <UnknownNames planId={planId} names={preview.unknownNames} onResolved={onRecheck} />
      {diff && (
        <ImportDiffView
          diff={diff}
          cancel={choices.cancelRemoved}
          onToggle={(taskId, on) => onChoose({ ...choices, cancelRemoved: on ? [...choices.cancelRemoved, taskId] : choices.cancelRemoved.filter((id) => id !== taskId) }, false)}
        />
      )}

      <section className="section card" aria-labelledby="rows-h">
        <div className="section__head">
          <h2 id="rows-h" className="section__title">
            {t('import.rowsTitle')}
          </h2>
          <div className="choice__item">
            <input type="checkbox" id="only-problems" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
            <label htmlFor="only-problems">{t('import.onlyProblems')}</label>
          </div>
        </div>
        <p className="muted small">{t('import.rowsHelp')}</p>
        <div className="table-scroll table-scroll--sheet" tabIndex={0} role="region" aria-labelledby="rows-h">
          <table className="table table--sheet">
            <caption className="visually-hidden">{t('import.rowsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col" className="sheet__rownum">
                  {t('import.row')}
                </th>
                <th scope="col">{t('import.type')}</th>
                {columns.map((c) => (
                  <th scope="col" key={c.index}>
                    <span className="sheet__letter">{columnLetter(c.index)}</span> {c.header}
                  </th>
                ))}
                <th scope="col" className="sheet__result">
                  {t('import.result')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shownRows.map((row) => (
                <SheetRow key={row.row} row={row} columns={columns.map((c) => columnLetter(c.index))} nameOf={agencies.nameOf} />
              ))}
            </tbody>
          </table>
        </div>
        {shownRows.length === 0 && <p className="empty">{t('import.noRows')}</p>}
      </section>
    </>
  );
}
