import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  /** Header text; also the label a cell shows when the table collapses to cards on a phone. */
  label: string;
  cell: (row: T) => ReactNode;
  className?: string;
  /** The cell that heads the card on a phone (usually the title). */
  primary?: boolean;
  numeric?: boolean;
}

/**
 * A data table that becomes a list of cards on narrow screens (CSS reads `data-label`), keeping the
 * real table semantics for screen readers on every size.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  rowClassName,
  captionHidden,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty?: ReactNode;
  rowClassName?: (row: T) => string | undefined;
  captionHidden?: boolean;
}) {
  if (rows.length === 0 && empty) return <div className="empty">{empty}</div>;
  return (
    <div className="table-wrap">
      <table className="table table--cards">
        <caption className={captionHidden ? 'visually-hidden' : 'table__caption'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={[c.className, c.numeric ? 'num' : ''].filter(Boolean).join(' ') || undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((c) => (
                <td
                  key={c.key}
                  data-label={c.label}
                  className={[c.className, c.primary ? 'cell--primary' : '', c.numeric ? 'num' : ''].filter(Boolean).join(' ') || undefined}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
