/** The report's tables: classes, agencies, tasks, funding and cancelled tasks. */
import type { ReactNode } from 'react';
import { Lines } from '../html';
import type { Language } from '../vocabulary';
import type { ClassTally } from './classify';
import type { AnnualReport, ReportFundingRow } from './types';
import { formatAmount, formatDate, formatNumber, formatPercent } from './html-format';
import { CLASS_LABELS, fundingSourcesLabel, REPORT_TEXT } from './labels';

/** A bordered table with fixed column widths (percent of the text width), so it never runs off the page. */
function DataTable({ columns, children }: { columns: [header: string, widthPercent: number][]; children: ReactNode }) {
  return (
    <table className="data">
      <colgroup>
        {columns.map(([h, w]) => (
          <col key={h} style={{ width: `${w}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map(([h]) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

export interface Props {
  report: AnnualReport;
  language: Language;
}

const Num = ({ children }: { children: string }) => <td className="num">{children}</td>;

/** The class counts with their share of all counted tasks. */
export function ClassTable({ report, language }: Props) {
  const t = REPORT_TEXT[language];
  const total = report.headline.total;
  const share = (n: number) => (total === 0 ? '—' : formatPercent(n / total, language));
  const columns: [string, number][] = [
    [t.class, 60],
    [t.taskCount, 20],
    [t.share, 20],
  ];
  return (
    <DataTable columns={columns}>
      {report.classes.map((c) => (
        <tr key={c.class}>
          <td>{CLASS_LABELS[c.class][language]}</td>
          <Num>{formatNumber(c.count, language)}</Num>
          <Num>{share(c.count)}</Num>
        </tr>
      ))}
      <tr className="total">
        <td>{t.totalTasks}</td>
        <Num>{formatNumber(total, language)}</Num>
        <Num>{total === 0 ? '—' : formatPercent(1, language)}</Num>
      </tr>
    </DataTable>
  );
}

function TallyCells({ tally, language }: { tally: ClassTally; language: Language }) {
  const counts = [tally.total, tally.completed, tally.completedOnTime, tally.open, tally.overdue, tally.notStarted];
  return (
    <>
      {counts.map((n, i) => (
        <Num key={i}>{formatNumber(n, language)}</Num>
      ))}
      <Num>{formatPercent(tally.onTimeRate, language)}</Num>
    </>
  );
}

export function AgencyTable({ report, language }: Props) {
  const t = REPORT_TEXT[language];
  const vi = language === 'vi';
  const reportCell = (a: AnnualReport['agencies'][number]) => {
    if (!a.reportSubmitted) return a.requested ? (vi ? 'Chưa gửi' : 'Not received') : '—';
    const when = a.submittedAt ? formatDate(new Date(Date.parse(a.submittedAt) + 7 * 3600_000).toISOString().slice(0, 10)) : '';
    const timing = a.reportOnTime ? (vi ? 'Đúng hạn' : 'On time') : vi ? 'Muộn' : 'Late';
    return `${timing}${when ? ` (${when})` : ''}`;
  };
  const h = report.headline;
  const columns: [string, number][] = [
    [t.number, 6],
    [t.agency, 22],
    [t.total, 7],
    [t.completed, 9],
    [vi ? 'Trong đó đúng hạn' : 'of which on time', 8],
    [vi ? 'Chưa hoàn thành' : 'Open', 9],
    [vi ? 'Trong đó quá hạn' : 'of which overdue', 8],
    [vi ? 'Trong đó chưa triển khai' : 'of which not started', 9],
    [vi ? 'Tỷ lệ đúng hạn' : 'On-time rate', 8],
    [vi ? 'Báo cáo năm' : 'Yearly report', 14],
  ];
  return (
    <DataTable columns={columns}>
      {report.agencies.map((a, i) => (
        <tr key={a.agencyCode}>
          <td className="center">{i + 1}</td>
          <td>{a.agencyName}</td>
          <TallyCells tally={a} language={language} />
          <td className="center">{reportCell(a)}</td>
        </tr>
      ))}
      <tr className="total">
        <td></td>
        <td>{t.grandTotal}</td>
        <TallyCells tally={h} language={language} />
        <td className="center">{`${formatNumber(h.agenciesReported, language)}/${formatNumber(h.agenciesRequested, language)}`}</td>
      </tr>
    </DataTable>
  );
}

export function TaskTable({ report, language }: Props) {
  const t = REPORT_TEXT[language];
  const columns: [string, number][] = [
    [t.number, 6],
    [t.title, 28],
    [t.leadAgency, 15],
    [t.taskDueDate, 13],
    [t.progress, 7],
    [t.class, 13],
    [t.note, 18],
  ];
  let lastSection: string | undefined;
  const rows: ReactNode[] = [];
  report.tasks.forEach((r, i) => {
    const section = JSON.stringify([r.sectionCode, r.section]);
    if (section !== lastSection) {
      lastSection = section;
      if (r.sectionCode || r.section) {
        rows.push(
          <tr key={`section-${i}`} className="section">
            <td colSpan={columns.length}>{[r.sectionCode, r.section].filter(Boolean).join('. ')}</td>
          </tr>,
        );
      }
    }
    rows.push(
      <tr key={i}>
        <td className="center">{r.number ?? ''}</td>
        <td>{r.title}</td>
        <td>{r.leadAgencyName}</td>
        <td className="date">
          {formatDate(r.dueDate)}
          {r.dueDateMoved && <span className="small">{language === 'vi' ? `(hạn ban đầu ${formatDate(r.originalDueDate)})` : `(originally ${formatDate(r.originalDueDate)})`}</span>}
        </td>
        <Num>{formatNumber(r.progress, language)}</Num>
        <td>{CLASS_LABELS[r.class][language]}</td>
        <td>{r.note && <Lines text={r.note} />}</td>
      </tr>,
    );
  });
  return <DataTable columns={columns}>{rows}</DataTable>;
}

export function FundingTable({ report, language }: Props) {
  const t = REPORT_TEXT[language];
  const Cells = ({ row }: { row: ReportFundingRow }) => (
    <>
      <Num>{formatNumber(row.taskCount, language)}</Num>
      <Num>{formatAmount(row.recurrent, language)}</Num>
      <Num>{formatAmount(row.investment, language)}</Num>
      <Num>{formatAmount(row.total, language)}</Num>
    </>
  );
  const columns: [string, number][] = [
    [t.fundingSource, 34],
    [t.taskCount, 12],
    [t.recurrent, 18],
    [t.investment, 18],
    [t.amountTotal, 18],
  ];
  return (
    <DataTable columns={columns}>
      {report.funding.rows.map((r, i) => (
        <tr key={i}>
          <td>{fundingSourcesLabel(r.sources, language)}</td>
          <Cells row={r} />
        </tr>
      ))}
      <tr className="total">
        <td>{t.grandTotal}</td>
        <Cells row={report.funding.total} />
      </tr>
    </DataTable>
  );
}

export function CancelledTable({ report, language }: Props) {
  const t = REPORT_TEXT[language];
  const columns: [string, number][] = [
    [t.number, 6],
    [t.title, 40],
    [t.leadAgency, 20],
    [t.taskDueDate, 14],
    [t.note, 20],
  ];
  return (
    <DataTable columns={columns}>
      {report.cancelled.map((c, i) => (
        <tr key={i}>
          <td className="center">{c.number ?? ''}</td>
          <td>{c.title}</td>
          <td>{c.leadAgencyName}</td>
          <td className="date">{formatDate(c.dueDate)}</td>
          <td>{c.note && <Lines text={c.note} />}</td>
        </tr>
      ))}
    </DataTable>
  );
}
