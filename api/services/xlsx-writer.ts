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

/** Whitespace as a regular expression's `\s` matches it (ECMAScript WhiteSpace and LineTerminator). */
function isWhitespace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Leading or trailing blanks and line breaks survive only with xml:space="preserve". Character tests
 * rather than a regular expression: this runs once for every distinct text of the workbook.
 */
export const keepsBlanks = (text: string): boolean =>
  text.length > 0 && (isWhitespace(text.charCodeAt(0)) || isWhitespace(text.charCodeAt(text.length - 1)) || text.includes('\n'));

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Days since 1899-12-30, the 1900 date system's serial number (Excel's "day 0" quirk included). */
const excelSerial = (d: Date): number => 25569 + d.getTime() / 86_400_000;

/** ASCII `text` into `buf` at `at`, a character at a time (cheaper than a call into the encoder for short pieces); returns where it ends. */
function put(buf: Buffer, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) buf[at++] = text.charCodeAt(i);
  return at;
}

/** Below this, an integer's digits come from 32-bit integer arithmetic, far cheaper than floating-point division. */
const INT32_LIMIT = 2 ** 31;

/** An integer from 0 to 2³¹ − 1 in decimal into `buf` at `at`, without making a string of it; returns where it ends. */
function putUint(buf: Buffer, at: number, n: number): number {
  let end = at + 1;
  for (let rest = n; rest >= 10; rest = (rest / 10) | 0) end++;
  for (let i = end - 1; i >= at; i--) {
    const tenth = (n / 10) | 0;
    buf[i] = 48 + n - tenth * 10;
    n = tenth;
  }
  return end;
}

/**
 * Most bytes a row's own markup (`<row r="1048576">`, `</row>`) and one cell's take: `<c r="XFD1048576"`,
 * a style id, the type, and the longest number text (about 25 characters) or shared-string index.
 */
const ROW_BYTES = 32;
const CELL_BYTES = 80;

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
  /** Bytes of `current` written. */
  used = 0;

  write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    this.reserve(text.length * 3);
    this.used += this.current.write(text, this.used, 'utf8');
  }

  /** ASCII text, copied a character at a time: cheaper than a call into the encoder for short pieces. */
  ascii(text: string): void {
    this.reserve(text.length);
    this.used = put(this.current, this.used, text);
  }

  /** The buffer to write up to `bytes` more bytes into, from `used` on; the writer then moves `used` past them. */
  room(bytes: number): Buffer {
    this.reserve(bytes);
    return this.current;
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
      // Straight into the part's bytes: no string is made for the entry's markup.
      this.items.ascii(keepsBlanks(text) ? '<si><t xml:space="preserve">' : '<si><t>');
      this.items.write(escapeXml(text));
      this.items.ascii('</t></si>');
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

/** The markup after a cell's reference, for one style: up to a shared-string index, up to a number, or the whole empty cell. */
interface CellTail {
  text: string;
  number: string;
  empty: string;
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
  private readonly cellStarts: string[] = [];
  private readonly cellTails: CellTail[] = [];

  constructor(
    readonly name: string,
    /** Rows kept in view while scrolling, and repeated on every printed page. */
    private readonly headerRows: number,
    private readonly strings: SharedStrings,
  ) {}

  /** Append a row; `styles[i]` (from `XlsxWriter.style`) formats `values[i]`. A null value leaves a styled empty cell. */
  addRow(values: readonly CellValue[], styles: readonly number[]): void {
    // Text is in the shared strings, so the row is ASCII: written byte by byte into room reserved once
    // for the whole row, from pieces made once per column and per style rather than once per cell.
    const out = this.data;
    const buf = out.room(ROW_BYTES + values.length * CELL_BYTES);
    let at = put(buf, out.used, '<row r="');
    // The row number's digits, written once here and copied into each cell's reference.
    const digits = at;
    at = putUint(buf, at, ++this.rows);
    const digitsEnd = at;
    at = put(buf, at, '">');
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const style = this.styleOf(styles[i] ?? 0);
      at = put(buf, at, this.cellStart(i));
      for (let d = digits; d < digitsEnd; d++) buf[at++] = buf[d]!;
      const number = typeof v === 'number' ? v : v instanceof Date ? excelSerial(v) : NaN;
      if (typeof v === 'string') {
        at = put(buf, at, style.text);
        at = putUint(buf, at, this.strings.indexOf(v));
        at = put(buf, at, '</v></c>');
      } else if (Number.isFinite(number)) {
        at = put(buf, at, style.number);
        // Whole numbers (dates, counts) without making a string of them.
        at = Number.isInteger(number) && number >= 0 && number < INT32_LIMIT ? putUint(buf, at, number) : put(buf, at, String(number));
        at = put(buf, at, '</v></c>');
      } else at = put(buf, at, style.empty);
    }
    out.used = put(buf, at, '</row>');
    this.columns = Math.max(this.columns, values.length);
  }

  /** `<c r="B`: a cell of column `i`, up to its row number. */
  private cellStart(i: number): string {
    return (this.cellStarts[i] ??= `<c r="${this.columnRef(i)}`);
  }

  /** What follows a cell's reference for style id `s`, by what the cell holds. */
  private styleOf(s: number): CellTail {
    return (this.cellTails[s] ??= { text: `" s="${s}" t="s"><v>`, number: `" s="${s}"><v>`, empty: `" s="${s}"/>` });
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
