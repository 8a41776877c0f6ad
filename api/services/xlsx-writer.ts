/**
 * A small XLSX (SpreadsheetML) writer for plain tables: text, numbers and dates, a few cell styles,
 * a frozen header, an autofilter, column widths and print setup. Nothing else (no formulas, merges,
 * images). It writes the XML text directly: exceljs builds an object per cell and a style object per
 * cell, which took about a second for the ~140,000 cells of a 10,000-task annual report.
 *
 * Text goes to the shared string table, as Excel itself writes it; a value is only ever a literal,
 * never a formula.
 */
import { deflateSegment, wholeEntry, zip, type Segment } from './zip';

export type CellValue = string | number | Date | null;

export interface CellStyle {
  /** Excel number format code, e.g. "0.0%" or "dd/mm/yyyy". */
  numFmt?: string;
  font?: 'bold' | 'italic';
  /** Solid background, ARGB ("FFE7EEF7"). */
  fill?: string;
  bottomBorder?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'center' | 'bottom';
  wrap?: boolean;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Control characters other than tab, line feed and carriage return, which XML 1.0 cannot hold
 * (exceljs drops them too; C1 controls are allowed and kept), and the non-characters U+FFFE/U+FFFF.
 */
const INVALID_XML = /(?![\t\n\r\u0080-\u009f])[\p{Cc}\ufffe\uffff]/gu;
/** A quick test first: most text has nothing to escape. */
const MAY_NEED_ESCAPE = /[&<>"\p{Cc}\ufffe\uffff]/u;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeXml(text: string): string {
  if (!MAY_NEED_ESCAPE.test(text)) return text;
  return text.replace(INVALID_XML, '').replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Days since 1899-12-30, the 1900 date system's serial number (Excel's "day 0" quirk included). */
const excelSerial = (d: Date): number => 25569 + d.getTime() / 86_400_000;

/** Large enough to be worth a deflate stream of its own (each takes a few hundred KiB of state). */
const CHUNK = 256 * 1024;

/**
 * The bytes of one part, in 256 KiB buffers; each full buffer starts deflating while the rest is
 * being written. Rows go to bytes as they are written: kept as strings until the end, 10,000 rows
 * would survive every young-generation GC on the way and make each one slow.
 */
class ByteSink {
  private readonly segments: Segment[] = [];
  private current = Buffer.allocUnsafe(CHUNK);
  private used = 0;

  write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    this.reserve(text.length * 3);
    this.used += this.current.write(text, this.used, 'utf8');
  }

  /** ASCII text, copied a character at a time: cheaper than a call into the encoder for short pieces. */
  ascii(text: string): void {
    this.reserve(text.length);
    const buf = this.current;
    let at = this.used;
    for (let i = 0; i < text.length; i++) buf[at++] = text.charCodeAt(i);
    this.used = at;
  }

  /** A non-negative integer in decimal, without making a string of it. */
  uint(n: number): void {
    this.reserve(16);
    const buf = this.current;
    const start = this.used;
    let end = start;
    do {
      buf[end++] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
    // The digits came least significant first.
    for (let i = start, j = end - 1; i < j; i++, j--) {
      const digit = buf[i]!;
      buf[i] = buf[j]!;
      buf[j] = digit;
    }
    this.used = end;
  }

  /** The part's segments: `head`, the bytes written, then `tail`, which ends it. */
  finish(head: string, tail: string): Segment[] {
    const rest = Buffer.concat([this.current.subarray(0, this.used), Buffer.from(tail)]);
    return [deflateSegment(Buffer.from(head), false), ...this.segments, deflateSegment(rest, true)];
  }

  /** Room for `bytes` more bytes in the current buffer. */
  private reserve(bytes: number): void {
    if (this.used + bytes <= this.current.length) return;
    this.segments.push(deflateSegment(this.current.subarray(0, this.used), false));
    this.current = Buffer.allocUnsafe(Math.max(CHUNK, bytes));
    this.used = 0;
  }
}

/** The shared string table: each distinct text once, cells refer to it by index. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items = new ByteSink();
  count = 0;

  indexOf(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(text, i);
      // Leading or trailing blanks and line breaks survive only with xml:space="preserve".
      const space = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : '';
      this.items.write(`<si><t${space}>${escapeXml(text)}</t></si>`);
    }
    return i;
  }

  /** The table as the archive's part; once, when the workbook is written. */
  segments(): Segment[] {
    return this.items.finish(`${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.index.size}">`, '</sst>');
  }
}

/** The id of `key` in `ids`, numbering new keys from `first` on. */
function idIn(ids: Map<string, number>, key: string, first: number): number {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = first + ids.size));
  return id;
}

/** Cell formats (cellXfs), each registered once; fonts, fills and borders are the few the styles use. */
class Styles {
  private readonly ids = new Map<string, number>();
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly numFmts = new Map<string, number>();
  private readonly fills = new Map<string, number>();

  /** The style index (the `s` attribute) of a style. */
  id(style: CellStyle): number {
    const key = JSON.stringify(style);
    const id = idIn(this.ids, key, 1);
    if (id === this.xfs.length) this.xfs.push(this.xf(style));
    return id;
  }

  private xf(s: CellStyle): string {
    // Custom number formats are numbered from 164: lower ids are Excel's built-in ones.
    const numFmtId = s.numFmt ? idIn(this.numFmts, s.numFmt, 164) : 0;
    const fontId = s.font === 'bold' ? 1 : s.font === 'italic' ? 2 : 0;
    // Fills 0 and 1 are reserved (none, gray125).
    const fillId = s.fill ? idIn(this.fills, s.fill, 2) : 0;
    const borderId = s.bottomBorder ? 1 : 0;
    const alignment = [
      s.horizontal && `horizontal="${s.horizontal}"`,
      s.vertical && `vertical="${s.vertical}"`,
      s.wrap && 'wrapText="1"',
    ].filter(Boolean);
    const apply = [
      numFmtId && 'applyNumberFormat="1"',
      fontId && 'applyFont="1"',
      fillId && 'applyFill="1"',
      borderId && 'applyBorder="1"',
      alignment.length > 0 && 'applyAlignment="1"',
    ].filter(Boolean);
    const attrs = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${apply.map((a) => ` ${a}`).join('')}`;
    return alignment.length > 0 ? `<xf ${attrs}><alignment ${alignment.join(' ')}/></xf>` : `<xf ${attrs}/>`;
  }

  toXml(): string {
    const font = (extra: string) => `<font>${extra}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    const fills = [...this.fills.keys()].map((argb) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/></patternFill></fill>`);
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : '') +
      `<fonts count="3">${font('')}${font('<b/>')}${font('<i/>')}</fonts>` +
      `<fills count="${2 + fills.length}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills.join('')}</fills>` +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }
}

export class Sheet {
  /** Column widths, in characters; set any time before the workbook is written. */
  widths: number[] = [];
  /** The last row of the autofilter range, which starts at row 1; null for no filter. */
  autoFilterTo: number | null = null;
  private rows = 0;
  private columns = 0;
  private readonly data = new ByteSink();
  private readonly refs: string[] = [];

  constructor(
    readonly name: string,
    /** Rows kept in view while scrolling, and repeated on every printed page. */
    private readonly headerRows: number,
    private readonly strings: SharedStrings,
  ) {}

  /** Append a row; `styles[i]` (from `XlsxWriter.style`) formats `values[i]`. A null value leaves a styled empty cell. */
  addRow(values: readonly CellValue[], styles: readonly number[]): void {
    // Text is in the shared strings: the row itself is ASCII, written piece by piece.
    const out = this.data;
    const r = String(++this.rows);
    out.ascii('<row r="');
    out.ascii(r);
    out.ascii('">');
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      out.ascii('<c r="');
      out.ascii(this.columnRef(i));
      out.ascii(r);
      out.ascii('" s="');
      out.uint(styles[i] ?? 0);
      const number = typeof v === 'number' ? v : v instanceof Date ? excelSerial(v) : NaN;
      if (typeof v === 'string') {
        out.ascii('" t="s"><v>');
        out.uint(this.strings.indexOf(v));
        out.ascii('</v></c>');
      } else if (Number.isFinite(number)) {
        out.ascii('"><v>');
        out.ascii(String(number));
        out.ascii('</v></c>');
      } else out.ascii('"/>');
    }
    out.ascii('</row>');
    this.columns = Math.max(this.columns, values.length);
  }

  private columnRef(i: number): string {
    return (this.refs[i] ??= columnName(i));
  }

  /** The print titles, as a defined name of the workbook. */
  printTitles(): string | null {
    return this.headerRows > 0 ? `'${this.name.replace(/'/g, "''")}'!$1:$${this.headerRows}` : null;
  }

  /** The sheet as the archive's part; once, when the workbook is written. */
  segments(): Segment[] {
    const { widths, headerRows, autoFilterTo } = this;
    const lastColumn = this.columnRef(Math.max(this.columns, widths.length, 1) - 1);
    const top = `A${headerRows + 1}`;
    const pane = headerRows > 0 ? `<pane ySplit="${headerRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>` : '';
    const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
    const head =
      `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
      `<dimension ref="A1:${lastColumn}${Math.max(this.rows, 1)}"/>` +
      `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (cols ? `<cols>${cols}</cols>` : '') +
      '<sheetData>';
    const tail =
      '</sheetData>' +
      (autoFilterTo ? `<autoFilter ref="A1:${lastColumn}${autoFilterTo}"/>` : '') +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      // A4 landscape, as wide as one page and as long as it takes.
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
      '</worksheet>';
    return this.data.finish(head, tail);
  }
}

export class XlsxWriter {
  private readonly strings = new SharedStrings();
  private readonly styles = new Styles();
  private readonly sheets: Sheet[] = [];

  /** `created` dates the document and the archive's entries, so the same content gives the same bytes. */
  constructor(private readonly properties: { creator: string; title: string; created: Date }) {}

  style(style: CellStyle): number {
    return this.styles.id(style);
  }

  /** A new sheet whose first `headerRows` rows are frozen and printed on every page. */
  addSheet(name: string, headerRows: number): Sheet {
    const sheet = new Sheet(name, headerRows, this.strings);
    this.sheets.push(sheet);
    return sheet;
  }

  async toBuffer(): Promise<Buffer> {
    return zip(
      [
        wholeEntry('[Content_Types].xml', this.contentTypes()),
        wholeEntry('_rels/.rels', this.packageRels()),
        wholeEntry('docProps/core.xml', this.coreProperties()),
        wholeEntry('xl/workbook.xml', this.workbook()),
        wholeEntry('xl/_rels/workbook.xml.rels', this.workbookRels()),
        wholeEntry('xl/styles.xml', this.styles.toXml()),
        { name: 'xl/sharedStrings.xml', segments: this.strings.segments() },
        ...this.sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, segments: s.segments() })),
      ],
      this.properties.created,
    );
  }

  private contentTypes(): string {
    const type = (kind: string) => `application/vnd.openxmlformats-officedocument.spreadsheetml.${kind}+xml`;
    const override = (part: string, contentType: string) => `<Override PartName="/${part}" ContentType="${contentType}"/>`;
    return (
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      override('xl/workbook.xml', type('sheet.main')) +
      this.sheets.map((_, i) => override(`xl/worksheets/sheet${i + 1}.xml`, type('worksheet'))).join('') +
      override('xl/styles.xml', type('styles')) +
      override('xl/sharedStrings.xml', type('sharedStrings')) +
      override('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
      '</Types>'
    );
  }

  private packageRels(): string {
    return (
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="${PACKAGE_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/>` +
      '</Relationships>'
    );
  }

  private coreProperties(): string {
    const { creator, title, created } = this.properties;
    const at = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
    return (
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>${escapeXml(creator)}</dc:creator><dc:title>${escapeXml(title)}</dc:title>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
      '</cp:coreProperties>'
    );
  }

  private workbook(): string {
    // Sheet relationships come after styles (rId1) and shared strings (rId2).
    const sheets = this.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`).join('');
    const titles = this.sheets
      .map((s, i) => [s.printTitles(), i] as const)
      .filter(([ref]) => ref !== null)
      .map(([ref, i]) => `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(ref!)}</definedName>`)
      .join('');
    return (
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      `<bookViews><workbookView/></bookViews><sheets>${sheets}</sheets>` +
      (titles ? `<definedNames>${titles}</definedNames>` : '') +
      '</workbook>'
    );
  }

  private workbookRels(): string {
    const rel = (id: number, type: string, target: string) => `<Relationship Id="rId${id}" Type="${REL_NS}/${type}" Target="${target}"/>`;
    return (
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">` +
      rel(1, 'styles', 'styles.xml') +
      rel(2, 'sharedStrings', 'sharedStrings.xml') +
      this.sheets.map((_, i) => rel(i + 3, 'worksheet', `worksheets/sheet${i + 1}.xml`)).join('') +
      '</Relationships>'
    );
  }
}
