import { Fragment } from 'react';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { ImportProblem, ImportRow } from '../../lib/types';

/** "C — Đơn vị chủ trì" → "C". */
const letterOf = (column: string | undefined) => column?.match(/^([A-Z]{1,3})\b/)?.[1];

export function ProblemItem({ problem, id }: { problem: ImportProblem; id?: string }) {
  const { t } = useI18n();
  return (
    <li className={`problem problem--${problem.severity}`} id={id}>
      <span className={`badge ${problem.severity === 'error' ? 'badge--overdue' : 'badge--due-soon'}`}>
        <span aria-hidden="true" className="badge__glyph">
          {problem.severity === 'error' ? '✕' : '!'}
        </span>
        {problem.severity === 'error' ? t('import.error') : t('import.warning')}
      </span>{' '}
      {problem.column && <strong>{problem.column}: </strong>}
      {problem.message}
      {problem.suggestions && problem.suggestions.length > 0 && (
        <span className="problem__suggestions"> {t('import.suggestions', { list: problem.suggestions.join('; ') })}</span>
      )}
    </li>
  );
}

export function SheetRow({ row, columns, nameOf }: { row: ImportRow; columns: string[]; nameOf: (code: string) => string }) {
  const { t, tx } = useI18n();
  const hasError = row.problems.some((p) => p.severity === 'error');
  const problemsId = `row-${row.row}-problems`;
  const badColumns = new Map<string, 'error' | 'warning'>();
  for (const p of row.problems) {
    const letter = letterOf(p.column);
    if (letter && badColumns.get(letter) !== 'error') badColumns.set(letter, p.severity);
  }
  const task = row.task;
  return (
    <Fragment>
      <tr data-row={row.row} className={`sheet-row sheet-row--${row.type}${hasError ? ' row--error' : row.problems.length ? ' row--warning' : ''}`}>
        <th scope="row" className="sheet__rownum">
          {row.row}
        </th>
        <td>
          <span className={`badge badge--row-${row.type}`}>{tx(`import.type.${row.type}`, row.type)}</span>
        </td>
        {columns.map((letter) => {
          const severity = badColumns.get(letter);
          return (
            <td
              key={letter}
              data-column={letter}
              className={severity ? `cell--${severity}` : undefined}
              aria-describedby={severity ? problemsId : undefined}
              aria-invalid={severity === 'error' ? true : undefined}
            >
              {severity && (
                <span className="visually-hidden">
                  {severity === 'error' ? t('import.error') : t('import.warning')}:{' '}
                </span>
              )}
              {row.cells[letter] ?? ''}
            </td>
          );
        })}
        <td className="sheet__result">
          {task && (
            <>
              <div>
                {formatDate(task.startDate)} → <strong>{formatDate(task.dueDate)}</strong>
              </div>
              <div className="small">{task.leads.map((l) => (l.members.length ? `${nameOf(l.code)} (${l.members.length})` : nameOf(l.code))).join('; ')}</div>
              <div className="small muted">{t(`kind.${task.kind}`)}</div>
            </>
          )}
        </td>
      </tr>
      {row.problems.length > 0 && (
        <tr className="sheet-problems">
          <td colSpan={columns.length + 3}>
            <ul className="problem-list" id={problemsId}>
              {row.problems.map((p, i) => (
                <ProblemItem key={i} problem={p} />
              ))}
            </ul>
          </td>
        </tr>
      )}
    </Fragment>
  );
}

/** The commit: the rows are in; the new tasks' workflows start in the background and the changes go to the running ones. */
