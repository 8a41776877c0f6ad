/** The report page's stylesheet: A4 with the margins of Nghị định 30, on screen as on paper. */
export const STYLE = `
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
