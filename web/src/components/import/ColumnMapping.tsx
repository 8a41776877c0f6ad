import { IMPORT_FIELDS, type ColumnChoice, type ImportField, type ImportPreview } from '../../../../domain/import/types';
import { columnLetter } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Notice } from '../States';

/**
 * Which field each column of the appendix holds, as the importer read it (by the header's words, the
 * plan's earlier imports or the cells' content), with a choice per column. A required field no column
 * holds is asked for here rather than refusing the file.
 */
export function ColumnMapping({
  preview,
  mapping,
  busy,
  onChange,
}: {
  preview: ImportPreview;
  mapping: Record<string, ColumnChoice>;
  busy: boolean;
  onChange: (letter: string, choice: ColumnChoice) => void;
}) {
  const { t } = useI18n();
  const columns = [...preview.columns].sort((a, b) => a.index - b.index);
  const guessed = columns.some((c) => c.source === 'content');
  const fieldLabel = (f: ImportField) => t(`import.field.${f}`);
  return (
    <section className="section card" aria-labelledby="mapping-h" data-testid="column-mapping">
      <h2 id="mapping-h" className="section__title">
        {t('import.mapping')}
      </h2>
      <p className="muted small">{t('import.mappingHelp')}</p>
      {preview.missingFields.length > 0 && (
        <Notice tone="error" title={t('import.missingTitle')}>
          <p>{t('import.missingText', { fields: preview.missingFields.map(fieldLabel).join(', ') })}</p>
        </Notice>
      )}
      {guessed && preview.missingFields.length === 0 && (
        <Notice tone="warning" title={t('import.guessedTitle')}>
          <p>{t('import.guessedText')}</p>
        </Notice>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="mapping-h">
        <table className="table table--compact">
          <caption className="visually-hidden">{t('import.mapping')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.columnHeader')}</th>
              <th scope="col">{t('import.columnSamples')}</th>
              <th scope="col">{t('import.columnField')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => {
              const letter = columnLetter(c.index);
              const value: ColumnChoice = mapping[letter] ?? c.field ?? 'ignore';
              const id = `map-${letter}`;
              return (
                <tr key={c.index} data-column={letter} className={c.source === 'content' ? 'row--warning' : undefined}>
                  <th scope="row" className="sheet__letter">
                    {letter}
                  </th>
                  <td>{c.header || <span className="muted">{t('import.noHeader')}</span>}</td>
                  <td className="small">{(c.samples ?? []).join(' · ') || <span className="muted">—</span>}</td>
                  <td>
                    <label className="visually-hidden" htmlFor={id}>
                      {t('import.fieldOf', { column: letter })}
                    </label>
                    <select id={id} className="input select" value={value} disabled={busy} onChange={(e) => onChange(letter, e.target.value as ColumnChoice)} aria-describedby={`${id}-source`}>
                      {IMPORT_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {fieldLabel(f)}
                        </option>
                      ))}
                      <option value="ignore">{t('import.field.ignore')}</option>
                    </select>
                    <div id={`${id}-source`} className="small muted">
                      {c.field && c.source ? t(`import.source.${c.source}`) : t('import.source.none')}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
