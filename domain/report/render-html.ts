/**
 * The compiled annual report as a printable, self-contained HTML page laid out like an official
 * Vietnamese report (the presentation of Nghị định 30/2020/NĐ-CP): issuing body and national motto
 * side by side, number and date line, title, recipient, body, signature block. A4, Times New Roman,
 * inline CSS only. Every piece of data is HTML-escaped: titles and notes come from imported files and
 * agencies' reports. Pure string building, no I/O.
 */
import type { Language } from '../vocabulary';
import type { ClassTally } from './classify';
import type { AnnualReport, ReportFundingRow } from './compile';
import { CLASS_LABELS, fundingSourcesLabel, REPORT_TEXT } from './labels';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Escaped text with its line breaks kept. */
const multiline = (s: string): string => escapeHtml(s).replace(/\r?\n/g, '<br>');

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
const formatNumber = (n: number, language: Language, maxFractionDigits = 3): string =>
  new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: maxFractionDigits }).format(n);
const formatPercent = (rate: number | null, language: Language): string => (rate === null ? '—' : `${formatNumber(rate * 100, language, 1)}%`);
const formatAmount = (n: number | null, language: Language): string => (n === null ? '—' : formatNumber(n, language));
/** dd/mm/yyyy, as Vietnamese documents write dates. */
const formatDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** Local (UTC+7) date and time of an instant: "dd/mm/yyyy hh:mm". */
function formatInstant(iso: string): string {
  const local = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${formatDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "Sơn La, ngày 05 tháng 12 năm 2024". Nghị định 30/2020 writes a 0 before days below 10 and before
 * months 1 and 2 only.
 */
function placeAndDate(place: string, date: string, language: Language): string {
  const [y, m, d] = [date.slice(0, 4), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  if (language === 'en') return `${place}, ${d} ${MONTHS_EN[m - 1]} ${y}`;
  const day = d < 10 ? `0${d}` : String(d);
  const month = m <= 2 ? `0${m}` : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

/** "UBND tỉnh Sơn La" → "Sơn La": the place name of the date line. */
function placeOf(issuer: string): string {
  const m = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:tỉnh|thành phố|TP\.?)\s+(.+)$/iu.exec(issuer.trim());
  return m ? m[1]!.trim() : issuer.trim();
}

/** The kind of document the plan was issued as, from its number ("212/KH-UBND", "1234/QĐ-UBND"). */
function documentKind(documentNumber: string, language: Language): string {
  const kinds: [RegExp, string, string][] = [
    [/\/QĐ-/iu, 'Quyết định', 'Decision'],
    [/\/CT-/iu, 'Chỉ thị', 'Directive'],
    [/\/NQ-/iu, 'Nghị quyết', 'Resolution'],
    [/\/CTr-/iu, 'Chương trình', 'Programme'],
    [/\/ĐA-/iu, 'Đề án', 'Scheme'],
  ];
  const found = kinds.find(([re]) => re.test(documentNumber));
  return found ? found[language === 'vi' ? 1 : 2] : language === 'vi' ? 'Kế hoạch' : 'Plan';
}

const upper = (s: string): string => s.toLocaleUpperCase('vi');

const STYLE = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
* { box-sizing: border-box; }
html { background: #e9e9e9; }
body { margin: 0; font-family: 'Times New Roman', Times, serif; font-size: 13pt; line-height: 1.35; color: #000; }
.page { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 20mm 15mm 20mm 30mm; background: #fff; box-shadow: 0 0 4mm rgba(0,0,0,.25); }
table.heading { width: 100%; border-collapse: collapse; margin-bottom: 4mm; }
table.heading td { vertical-align: top; text-align: center; padding: 0; }
.heading .issuer { font-size: 12pt; }
.heading .body-name, .heading .nation { font-weight: bold; font-size: 12pt; }
.heading .motto { font-weight: bold; font-size: 13pt; }
.rule { display: block; width: 35%; margin: 1mm auto 0; border-top: 0.6pt solid #000; }
.motto .rule { width: 62%; }
.heading .number { padding-top: 3mm; font-size: 13pt; }
.heading .date { padding-top: 3mm; font-style: italic; font-size: 13pt; }
h1 { text-align: center; font-size: 14pt; margin: 8mm 0 0; }
.subtitle { text-align: center; font-weight: bold; font-size: 14pt; margin: 1mm 0 0; }
.plan-title { text-align: center; font-style: italic; margin: 1mm 0 0; }
.subtitle .rule { width: 25%; margin-top: 2mm; }
.recipient { text-align: center; margin: 6mm 0 4mm; }
p { margin: 0 0 2mm; text-align: justify; text-indent: 10mm; }
h2 { font-size: 13pt; margin: 5mm 0 2mm; }
table.data { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 11pt; margin: 2mm 0 4mm; }
table.data th, table.data td { border: 0.6pt solid #000; padding: 1.2mm 1.2mm; vertical-align: top; overflow-wrap: break-word; }
table.data th { text-align: center; vertical-align: middle; font-weight: bold; background: #f2f2f2; font-size: 10.5pt; }
table.data td.num { text-align: right; white-space: nowrap; }
table.data td.center { text-align: center; }
table.data td.date { text-align: center; white-space: nowrap; }
table.data td.date .small { display: block; white-space: normal; }
table.data tr.section td { font-weight: bold; background: #fafafa; }
table.data tr.total td { font-weight: bold; }
.small { font-size: 10pt; font-style: italic; }
ul.summaries { margin: 0 0 3mm; padding-left: 10mm; }
ul.summaries li { margin-bottom: 1.5mm; text-align: justify; }
table.signature { width: 100%; border-collapse: collapse; margin-top: 8mm; break-inside: avoid; page-break-inside: avoid; }
table.signature td { vertical-align: top; padding: 0; }
.recipients { font-size: 11pt; }
.recipients b { font-size: 12pt; font-style: italic; }
.signer { text-align: center; font-weight: bold; }
.signer .hint { font-weight: normal; font-style: italic; font-size: 12pt; }
.signer .space { height: 25mm; }
.footer { margin-top: 8mm; font-size: 9pt; color: #444; text-align: right; }
@media print {
  html { background: none; }
  .page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table.data th { background: none; }
}
`;

/** A bordered table with fixed column widths (percent of the text width), so it never runs off the page. */
function table(columns: [header: string, widthPercent: number][], body: string): string {
  const cols = columns.map(([, w]) => `<col style="width:${w}%">`).join('');
  const head = columns.map(([h]) => `<th>${escapeHtml(h)}</th>`).join('');
  return `<table class="data"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const num = (n: number, language: Language) => `<td class="num">${formatNumber(n, language)}</td>`;

/** The class counts with their share of all counted tasks. */
function classTable(report: AnnualReport, language: Language): string {
  const t = REPORT_TEXT[language];
  const total = report.headline.total;
  const share = (n: number) => (total === 0 ? '—' : formatPercent(n / total, language));
  const rows = report.classes
    .map((c) => `<tr><td>${escapeHtml(CLASS_LABELS[c.class][language])}</td>${num(c.count, language)}<td class="num">${share(c.count)}</td></tr>`)
    .join('');
  const totalRow = `<tr class="total"><td>${escapeHtml(t.totalTasks)}</td>${num(total, language)}<td class="num">${total === 0 ? '—' : formatPercent(1, language)}</td></tr>`;
  return table(
    [
      [t.class, 60],
      [t.taskCount, 20],
      [t.share, 20],
    ],
    rows + totalRow,
  );
}

function tallyCells(x: ClassTally, language: Language): string {
  return [x.total, x.completed, x.completedOnTime, x.open, x.overdue, x.notStarted].map((n) => num(n, language)).join('') + `<td class="num">${formatPercent(x.onTimeRate, language)}</td>`;
}

function agencyTable(report: AnnualReport, language: Language): string {
  const t = REPORT_TEXT[language];
  const reportCell = (a: AnnualReport['agencies'][number]) => {
    if (!a.reportSubmitted) return a.requested ? (language === 'vi' ? 'Chưa gửi' : 'Not received') : '—';
    const when = a.submittedAt ? formatDate(new Date(Date.parse(a.submittedAt) + 7 * 3600_000).toISOString().slice(0, 10)) : '';
    const timing = a.reportOnTime ? (language === 'vi' ? 'Đúng hạn' : 'On time') : language === 'vi' ? 'Muộn' : 'Late';
    return `${timing}${when ? ` (${when})` : ''}`;
  };
  const rows = report.agencies
    .map((a, i) => `<tr><td class="center">${i + 1}</td><td>${escapeHtml(a.agencyName)}</td>${tallyCells(a, language)}<td class="center">${escapeHtml(reportCell(a))}</td></tr>`)
    .join('');
  const h = report.headline;
  const totalRow = `<tr class="total"><td></td><td>${escapeHtml(t.grandTotal)}</td>${tallyCells(h, language)}<td class="center">${formatNumber(h.agenciesReported, language)}/${formatNumber(h.agenciesRequested, language)}</td></tr>`;
  const vi = language === 'vi';
  return table(
    [
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
    ],
    rows + totalRow,
  );
}

function taskTable(report: AnnualReport, language: Language): string {
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
  const parts: string[] = [];
  for (const r of report.tasks) {
    const section = JSON.stringify([r.sectionCode, r.section]);
    if (section !== lastSection) {
      lastSection = section;
      if (r.sectionCode || r.section) {
        const label = [r.sectionCode, r.section].filter(Boolean).join('. ');
        parts.push(`<tr class="section"><td colspan="${columns.length}">${escapeHtml(label)}</td></tr>`);
      }
    }
    const moved = r.dueDateMoved
      ? `<span class="small">${escapeHtml(language === 'vi' ? `(hạn ban đầu ${formatDate(r.originalDueDate)})` : `(originally ${formatDate(r.originalDueDate)})`)}</span>`
      : '';
    parts.push(
      `<tr><td class="center">${escapeHtml(r.number ?? '')}</td><td>${escapeHtml(r.title)}</td><td>${escapeHtml(r.leadAgencyName)}</td>` +
        `<td class="date">${formatDate(r.dueDate)}${moved}</td><td class="num">${formatNumber(r.progress, language)}</td>` +
        `<td>${escapeHtml(CLASS_LABELS[r.class][language])}</td><td>${r.note ? multiline(r.note) : ''}</td></tr>`,
    );
  }
  return table(columns, parts.join(''));
}

function fundingTable(report: AnnualReport, language: Language): string {
  const t = REPORT_TEXT[language];
  const cells = (r: ReportFundingRow) =>
    `${num(r.taskCount, language)}<td class="num">${formatAmount(r.recurrent, language)}</td><td class="num">${formatAmount(r.investment, language)}</td><td class="num">${formatAmount(r.total, language)}</td>`;
  const rows = report.funding.rows.map((r) => `<tr><td>${escapeHtml(fundingSourcesLabel(r.sources, language))}</td>${cells(r)}</tr>`).join('');
  const totalRow = `<tr class="total"><td>${escapeHtml(t.grandTotal)}</td>${cells(report.funding.total)}</tr>`;
  return table(
    [
      [t.fundingSource, 34],
      [t.taskCount, 12],
      [t.recurrent, 18],
      [t.investment, 18],
      [t.amountTotal, 18],
    ],
    rows + totalRow,
  );
}

function cancelledTable(report: AnnualReport, language: Language): string {
  const t = REPORT_TEXT[language];
  const rows = report.cancelled
    .map(
      (c) =>
        `<tr><td class="center">${escapeHtml(c.number ?? '')}</td><td>${escapeHtml(c.title)}</td><td>${escapeHtml(c.leadAgencyName)}</td><td class="date">${formatDate(c.dueDate)}</td><td>${c.note ? multiline(c.note) : ''}</td></tr>`,
    )
    .join('');
  return table(
    [
      [t.number, 6],
      [t.title, 40],
      [t.leadAgency, 20],
      [t.taskDueDate, 14],
      [t.note, 20],
    ],
    rows,
  );
}

export function renderAnnualReportHtml(report: AnnualReport, language: Language): string {
  const t = REPORT_TEXT[language];
  const vi = language === 'vi';
  const { plan, headline: h } = report;
  const kind = documentKind(plan.documentNumber, language);
  const docRef = vi
    ? `${kind} số ${plan.documentNumber} ngày ${formatDate(plan.issuedOn)} của ${plan.issuer}`
    : `${kind} No. ${plan.documentNumber} dated ${formatDate(plan.issuedOn)} of ${plan.issuer}`;
  const compiledOn = new Date(Date.parse(report.compiledAt) + 7 * 3600_000).toISOString().slice(0, 10);
  const n = (x: number) => formatNumber(x, language);
  const pct = (x: number) => (h.total === 0 ? '' : ` (${formatPercent(x / h.total, language)})`);
  const nameOf = (code: string) => report.agencies.find((a) => a.agencyCode === code)?.agencyName ?? code;

  const heading = `
<table class="heading"><tr>
  <td style="width:42%">
    <div class="issuer">${escapeHtml(upper(plan.issuer))}</div>
    <div class="body-name">${escapeHtml(upper(report.coordinator.name))}<span class="rule"></span></div>
    <div class="number">${vi ? 'Số' : 'No.'}: &nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/BC-${escapeHtml(report.coordinator.code)}</div>
  </td>
  <td style="width:58%">
    <div class="nation">${vi ? 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' : 'SOCIALIST REPUBLIC OF VIET NAM'}</div>
    <div class="motto">${vi ? 'Độc lập - Tự do - Hạnh phúc' : 'Independence - Freedom - Happiness'}<span class="rule"></span></div>
    <div class="date">${escapeHtml(placeAndDate(placeOf(plan.issuer), compiledOn, language))}</div>
  </td>
</tr></table>`;

  const title = `
<h1>${vi ? 'BÁO CÁO' : 'REPORT'}</h1>
<div class="subtitle">${escapeHtml(vi ? `Kết quả thực hiện ${docRef} năm ${report.year}` : `Results of implementing ${docRef} in ${report.year}`)}<span class="rule"></span></div>
<div class="plan-title">${escapeHtml(plan.title)}</div>
<div class="recipient">${vi ? 'Kính gửi' : 'To'}: ${escapeHtml(plan.issuer)}</div>`;

  const intro = vi
    ? `Thực hiện ${docRef}, ${report.coordinator.name} tổng hợp kết quả thực hiện năm ${report.year} (số liệu tính đến ngày ${formatDate(report.asOf)}, trên cơ sở báo cáo của các đơn vị chủ trì, hạn gửi báo cáo ngày ${formatDate(report.dueDate)}) như sau:`
    : `Pursuant to ${docRef}, ${report.coordinator.name} reports the results of ${report.year} (figures as of ${formatDate(report.asOf)}, based on the lead agencies' reports due ${formatDate(report.dueDate)}) as follows:`;

  const general = vi
    ? `Tổng số nhiệm vụ: ${n(h.total)}, trong đó: đã hoàn thành đúng hạn ${n(h.completedOnTime)}${pct(h.completedOnTime)}; hoàn thành quá hạn ${n(h.completedLate)}${pct(h.completedLate)}; đang thực hiện trong hạn ${n(h.inProgressOnTime)}${pct(h.inProgressOnTime)}; đang thực hiện quá hạn ${n(h.overdue)}${pct(h.overdue)}; chưa triển khai ${n(h.notStarted)}${pct(h.notStarted)}.`
    : `Total tasks: ${n(h.total)}, of which completed on time ${n(h.completedOnTime)}${pct(h.completedOnTime)}; completed late ${n(h.completedLate)}${pct(h.completedLate)}; in progress within deadline ${n(h.inProgressOnTime)}${pct(h.inProgressOnTime)}; in progress overdue ${n(h.overdue)}${pct(h.overdue)}; not started ${n(h.notStarted)}${pct(h.notStarted)}.`;
  const rate = `${t.onTimeRate}: ${formatPercent(h.onTimeRate, language)}.`;
  const cancelledLine = h.cancelled > 0 ? (vi ? `Ngoài ra có ${n(h.cancelled)} nhiệm vụ đã hủy, không tính vào các số liệu trên.` : `In addition, ${n(h.cancelled)} cancelled tasks are not counted above.`) : '';
  const missingNames = h.missingAgencyCodes.map(nameOf);
  const reporting = vi
    ? `Số đơn vị được đề nghị báo cáo: ${n(h.agenciesRequested)}; đã gửi báo cáo: ${n(h.agenciesReported)} (đúng hạn: ${n(h.agenciesReportedOnTime)}); chưa gửi báo cáo: ${n(h.agenciesMissing)}${missingNames.length ? ` (${missingNames.join('; ')})` : ''}.`
    : `Agencies asked to report: ${n(h.agenciesRequested)}; reported: ${n(h.agenciesReported)} (on time: ${n(h.agenciesReportedOnTime)}); not yet reported: ${n(h.agenciesMissing)}${missingNames.length ? ` (${missingNames.join('; ')})` : ''}.`;

  const summaries = report.agencies.filter((a) => a.summary);
  const summaryList = summaries.length
    ? `<p>${vi ? 'Tóm tắt báo cáo của các đơn vị:' : "Summary of the agencies' reports:"}</p><ul class="summaries">${summaries
        .map((a) => `<li><b>${escapeHtml(a.agencyName)}:</b> ${multiline(a.summary!)}</li>`)
        .join('')}</ul>`
    : '';

  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI'];
  const chapters: [string, string][] = [
    [
      vi ? 'TÌNH HÌNH CHUNG' : 'OVERVIEW',
      `<p>${escapeHtml(general)}</p><p>${escapeHtml(rate)} <span class="small">${escapeHtml(t.onTimeRateNote)}</span></p>${cancelledLine ? `<p>${escapeHtml(cancelledLine)}</p>` : ''}<p>${escapeHtml(reporting)}</p>${classTable(report, language)}`,
    ],
    [vi ? 'KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ' : 'RESULTS BY LEAD AGENCY', agencyTable(report, language) + summaryList],
    [vi ? 'KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ' : 'RESULTS BY TASK', taskTable(report, language)],
    [vi ? 'NGUỒN VỐN THỰC HIỆN' : 'FUNDING', fundingTable(report, language) + `<div class="small">${vi ? 'Đơn vị tính: triệu đồng.' : 'Amounts in million VND.'}</div>`],
  ];
  if (report.cancelled.length > 0) chapters.push([vi ? 'NHIỆM VỤ ĐÃ HỦY' : 'CANCELLED TASKS', cancelledTable(report, language)]);
  const body = chapters.map(([heading, content], i) => `<h2>${roman[i]}. ${escapeHtml(heading)}</h2>${content}`).join('\n');

  const signature = `
<table class="signature"><tr>
  <td style="width:50%" class="recipients"><b>${vi ? 'Nơi nhận:' : 'Recipients:'}</b><br>- ${escapeHtml(vi ? `${plan.issuer} (b/c);` : `${plan.issuer} (for information);`)}<br>- ${vi ? 'Các đơn vị chủ trì;' : 'Lead agencies;'}<br>- ${vi ? 'Lưu: VT.' : 'Archive.'}</td>
  <td style="width:50%" class="signer">${vi ? 'THỦ TRƯỞNG ĐƠN VỊ' : 'HEAD OF AGENCY'}<div class="hint">${vi ? '(Ký, ghi rõ họ tên và đóng dấu)' : '(Signature, full name and seal)'}</div><div class="space"></div></td>
</tr></table>`;

  const footer = `<div class="footer">${escapeHtml(
    vi
      ? `Tổng hợp tự động lúc ${formatInstant(report.compiledAt)} (lần ${report.version}), kế hoạch ${plan.code}.`
      : `Compiled automatically at ${formatInstant(report.compiledAt)} (version ${report.version}), plan ${plan.code}.`,
  )}</div>`;

  const docTitle = vi ? `Báo cáo năm ${report.year} - ${plan.documentNumber}` : `${report.year} report - ${plan.documentNumber}`;
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(docTitle)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="page">
${heading}
${title}
<p>${escapeHtml(intro)}</p>
${body}
${signature}
${footer}
</div>
</body>
</html>
`;
}
