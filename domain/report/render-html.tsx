/**
 * The compiled annual report as a printable, self-contained HTML page laid out like an official
 * Vietnamese report (the presentation of Nghị định 30/2020/NĐ-CP): issuing body and national motto
 * side by side, number and date line, title, recipient, body, signature block. A4, Times New Roman,
 * inline CSS only. Rendered with React, so every piece of data is escaped: titles and notes come from
 * imported files and agencies' reports. Pure, no I/O.
 */
import { Fragment, type ReactNode } from 'react';
import { Lines, renderDocument } from '../html';
import type { Language } from '../vocabulary';
import type { AnnualReport } from './types';
import { documentKind, formatDate, formatInstant, formatNumber, formatPercent, placeAndDate, placeOf, upper } from './html-format';
import { STYLE } from './html-style';
import { AgencyTable, CancelledTable, ClassTable, FundingTable, TaskTable, type Props } from './html-tables';
import { REPORT_TEXT } from './labels';

/** Issuing body, number and date on the left and right as Nghị định 30 places them. */
function Heading({ report, language }: Props) {
  const vi = language === 'vi';
  const { plan } = report;
  const compiledOn = new Date(Date.parse(report.compiledAt) + 7 * 3600_000).toISOString().slice(0, 10);
  return (
    <table className="heading">
      <tbody>
        <tr>
          <td style={{ width: '42%' }}>
            <div className="issuer">{upper(plan.issuer)}</div>
            <div className="body-name">
              {upper(report.coordinator.name)}
              <span className="rule"></span>
            </div>
            {/* Left blank for the clerk to number the report by hand. */}
            <div className="number">{`${vi ? 'Số' : 'No.'}: ${'\u00a0'.repeat(6)}/BC-${report.coordinator.code}`}</div>
          </td>
          <td style={{ width: '58%' }}>
            <div className="nation">{vi ? 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' : 'SOCIALIST REPUBLIC OF VIET NAM'}</div>
            <div className="motto">
              {vi ? 'Độc lập - Tự do - Hạnh phúc' : 'Independence - Freedom - Happiness'}
              <span className="rule"></span>
            </div>
            <div className="date">{placeAndDate(placeOf(plan.issuer), compiledOn, language)}</div>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function Signature({ report, language }: Props) {
  const vi = language === 'vi';
  const issuer = report.plan.issuer;
  return (
    <table className="signature">
      <tbody>
        <tr>
          <td style={{ width: '50%' }} className="recipients">
            <b>{vi ? 'Nơi nhận:' : 'Recipients:'}</b>
            <br />- {vi ? `${issuer} (b/c);` : `${issuer} (for information);`}
            <br />- {vi ? 'Các đơn vị chủ trì;' : 'Lead agencies;'}
            <br />- {vi ? 'Lưu: VT.' : 'Archive.'}
          </td>
          <td style={{ width: '50%' }} className="signer">
            {vi ? 'THỦ TRƯỞNG ĐƠN VỊ' : 'HEAD OF AGENCY'}
            <div className="hint">{vi ? '(Ký, ghi rõ họ tên và đóng dấu)' : '(Signature, full name and seal)'}</div>
            <div className="space"></div>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** The body's sentences: what was counted, the on-time rate, who reported. */
function overviewText(report: AnnualReport, language: Language) {
  const t = REPORT_TEXT[language];
  const vi = language === 'vi';
  const h = report.headline;
  const n = (x: number) => formatNumber(x, language);
  const pct = (x: number) => (h.total === 0 ? '' : ` (${formatPercent(x / h.total, language)})`);
  const nameOf = (code: string) => report.agencies.find((a) => a.agencyCode === code)?.agencyName ?? code;
  const general = vi
    ? `Tổng số nhiệm vụ: ${n(h.total)}, trong đó: đã hoàn thành đúng hạn ${n(h.completedOnTime)}${pct(h.completedOnTime)}; hoàn thành quá hạn ${n(h.completedLate)}${pct(h.completedLate)}; đang thực hiện trong hạn ${n(h.inProgressOnTime)}${pct(h.inProgressOnTime)}; đang thực hiện quá hạn ${n(h.overdue)}${pct(h.overdue)}; chưa triển khai ${n(h.notStarted)}${pct(h.notStarted)}.`
    : `Total tasks: ${n(h.total)}, of which completed on time ${n(h.completedOnTime)}${pct(h.completedOnTime)}; completed late ${n(h.completedLate)}${pct(h.completedLate)}; in progress within deadline ${n(h.inProgressOnTime)}${pct(h.inProgressOnTime)}; in progress overdue ${n(h.overdue)}${pct(h.overdue)}; not started ${n(h.notStarted)}${pct(h.notStarted)}.`;
  const rate = `${t.onTimeRate}: ${formatPercent(h.onTimeRate, language)}.`;
  const cancelled = h.cancelled > 0 ? (vi ? `Ngoài ra có ${n(h.cancelled)} nhiệm vụ đã hủy, không tính vào các số liệu trên.` : `In addition, ${n(h.cancelled)} cancelled tasks are not counted above.`) : '';
  const missingNames = h.missingAgencyCodes.map(nameOf);
  const reporting = vi
    ? `Số đơn vị được đề nghị báo cáo: ${n(h.agenciesRequested)}; đã gửi báo cáo: ${n(h.agenciesReported)} (đúng hạn: ${n(h.agenciesReportedOnTime)}); chưa gửi báo cáo: ${n(h.agenciesMissing)}${missingNames.length ? ` (${missingNames.join('; ')})` : ''}.`
    : `Agencies asked to report: ${n(h.agenciesRequested)}; reported: ${n(h.agenciesReported)} (on time: ${n(h.agenciesReportedOnTime)}); not yet reported: ${n(h.agenciesMissing)}${missingNames.length ? ` (${missingNames.join('; ')})` : ''}.`;
  return { general, rate, cancelled, reporting };
}

function Summaries({ report, language }: Props) {
  const summaries = report.agencies.filter((a) => a.summary);
  if (!summaries.length) return null;
  return (
    <>
      <p>{language === 'vi' ? 'Tóm tắt báo cáo của các đơn vị:' : "Summary of the agencies' reports:"}</p>
      <ul className="summaries">
        {summaries.map((a) => (
          <li key={a.agencyCode}>
            <b>{a.agencyName}:</b> <Lines text={a.summary!} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** Chapters I–V: overview, by agency, by task, funding, and the cancelled tasks when there are any. */
function chaptersOf(report: AnnualReport, language: Language): [string, ReactNode][] {
  const t = REPORT_TEXT[language];
  const vi = language === 'vi';
  const o = overviewText(report, language);
  const chapters: [string, ReactNode][] = [
    [
      vi ? 'TÌNH HÌNH CHUNG' : 'OVERVIEW',
      <>
        <p>{o.general}</p>
        <p>
          {o.rate} <span className="small">{t.onTimeRateNote}</span>
        </p>
        {o.cancelled && <p>{o.cancelled}</p>}
        <p>{o.reporting}</p>
        <ClassTable report={report} language={language} />
      </>,
    ],
    [
      vi ? 'KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ' : 'RESULTS BY LEAD AGENCY',
      <>
        <AgencyTable report={report} language={language} />
        <Summaries report={report} language={language} />
      </>,
    ],
    [vi ? 'KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ' : 'RESULTS BY TASK', <TaskTable report={report} language={language} />],
    [
      vi ? 'NGUỒN VỐN THỰC HIỆN' : 'FUNDING',
      <>
        <FundingTable report={report} language={language} />
        <div className="small">{vi ? 'Đơn vị tính: triệu đồng.' : 'Amounts in million VND.'}</div>
      </>,
    ],
  ];
  if (report.cancelled.length > 0) chapters.push([vi ? 'NHIỆM VỤ ĐÃ HỦY' : 'CANCELLED TASKS', <CancelledTable report={report} language={language} />]);
  return chapters;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

export function renderAnnualReportHtml(report: AnnualReport, language: Language): string {
  const vi = language === 'vi';
  const { plan } = report;
  const kind = documentKind(plan.documentNumber, language);
  const docRef = vi
    ? `${kind} số ${plan.documentNumber} ngày ${formatDate(plan.issuedOn)} của ${plan.issuer}`
    : `${kind} No. ${plan.documentNumber} dated ${formatDate(plan.issuedOn)} of ${plan.issuer}`;
  const intro = vi
    ? `Thực hiện ${docRef}, ${report.coordinator.name} tổng hợp kết quả thực hiện năm ${report.year} (số liệu tính đến ngày ${formatDate(report.asOf)}, trên cơ sở báo cáo của các đơn vị chủ trì, hạn gửi báo cáo ngày ${formatDate(report.dueDate)}) như sau:`
    : `Pursuant to ${docRef}, ${report.coordinator.name} reports the results of ${report.year} (figures as of ${formatDate(report.asOf)}, based on the lead agencies' reports due ${formatDate(report.dueDate)}) as follows:`;
  const footer = vi
    ? `Tổng hợp tự động lúc ${formatInstant(report.compiledAt)} (lần ${report.version}), kế hoạch ${plan.code}.`
    : `Compiled automatically at ${formatInstant(report.compiledAt)} (version ${report.version}), plan ${plan.code}.`;

  return renderDocument(
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{vi ? `Báo cáo năm ${report.year} - ${plan.documentNumber}` : `${report.year} report - ${plan.documentNumber}`}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <div className="page">
          <Heading report={report} language={language} />
          <h1>{vi ? 'BÁO CÁO' : 'REPORT'}</h1>
          <div className="subtitle">
            {vi ? `Kết quả thực hiện ${docRef} năm ${report.year}` : `Results of implementing ${docRef} in ${report.year}`}
            <span className="rule"></span>
          </div>
          <div className="plan-title">{plan.title}</div>
          <div className="recipient">{`${vi ? 'Kính gửi' : 'To'}: ${plan.issuer}`}</div>
          <p>{intro}</p>
          {chaptersOf(report, language).map(([heading, content], i) => (
            <Fragment key={heading}>
              <h2>{`${ROMAN[i]}. ${heading}`}</h2>
              {content}
            </Fragment>
          ))}
          <Signature report={report} language={language} />
          <div className="footer">{footer}</div>
        </div>
      </body>
    </html>,
  );
}
