import JSZip from 'jszip';
import sax from 'sax';
import type { Grid, GridCell, MergeRange } from './read';

/**
 * Word document (.docx) → one grid per table, in document order. A plan is signed as a Word file
 * whose appendix is a table; its merged cells (w:gridSpan across, w:vMerge down) become the same
 * `MergeRange`s the XLSX reader gives, so header detection, section rows and the fill-down of
 * vertically merged cells read a Word table exactly as they read a worksheet.
 *
 * The document part is parsed as a stream of SAX events, never as a DOM: a DOM of a long appendix
 * takes some sixty times the XML's size in memory, the grids themselves a small fraction of it.
 *
 * A table nested in a cell is listed as a table of its own, right after the table around it (an
 * appendix laid inside a one-cell frame is still found), and its text also stays in the enclosing
 * cell, one line per row, its cells separated by tabs.
 */

/** Transitional and Strict OOXML (Word's "Strict Open XML Document"). */
const W_NAMESPACES = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/**
 * document.xml is inflated at most this far, so a ZIP bomb stops here. Word writes a few KB of XML
 * per table row: this holds appendices of over ten thousand rows.
 */
export const MAX_DOCUMENT_XML_BYTES = 64 * 1024 * 1024;
/** Package parts read only to find the main document (_rels/.rels, [Content_Types].xml). */
const MAX_SMALL_PART_BYTES = 1024 * 1024;

/** Documented (ZipObject#internalStream) but missing from JSZip's type declarations. */
type StreamingZipObject = JSZip.JSZipObject & { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> };

class PartTooLargeError extends Error {}
/** A table over the limits: reading stops at once. */
class TableLimitError extends Error {}

/**
 * Stream a part's XML into `parser`, refusing to inflate more than `limit` bytes. Text is decoded as
 * the XML spec allows it to be stored: UTF-8, or UTF-16 with its byte order mark.
 */
function streamPart(zip: JSZip, path: string, limit: number, parser: sax.SAXParser): Promise<boolean> {
  const file = zip.file(path) as StreamingZipObject | null;
  if (!file) return Promise.resolve(false);
  return new Promise((resolve, reject) => {
    let decoder: TextDecoder | undefined;
    let size = 0;
    let done = false;
    const stream = file.internalStream('uint8array');
    const stop = (err: unknown) => {
      if (done) return;
      done = true;
      stream.pause();
      reject(err);
    };
    stream
      .on('data', (chunk) => {
        if (done) return;
        size += chunk.byteLength;
        if (size > limit) return stop(new PartTooLargeError(path));
        try {
          if (!decoder) {
            const le = chunk[0] === 0xff && chunk[1] === 0xfe;
            const be = chunk[0] === 0xfe && chunk[1] === 0xff;
            decoder = new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8');
          }
          parser.write(decoder.decode(chunk, { stream: true }));
        } catch (err) {
          stop(err);
        }
      })
      .on('error', stop)
      .on('end', () => {
        if (done) return;
        try {
          if (decoder) parser.write(decoder.decode());
          parser.close();
          done = true;
          resolve(true);
        } catch (err) {
          stop(err);
        }
      })
      .resume();
  });
}

/** A strict parser that throws on malformed XML and on a DTD (OOXML never has one). */
function strictParser(): sax.SAXParser {
  const parser = sax.parser(true, { position: false });
  parser.onerror = (err) => {
    throw err;
  };
  parser.ondoctype = () => {
    throw new Error('DTD in an OOXML part');
  };
  return parser;
}

/**
 * Prefix → namespace URI, as the xmlns attributes in scope declare them. sax's own namespace mode
 * is six times slower on Word's XML, whose root declares some thirty namespaces.
 */
class NamespaceScopes {
  private scopes: { depth: number; map: Map<string, string> }[] = [];
  private depth = 0;

  open(attributes: Record<string, string>): void {
    this.depth++;
    let map: Map<string, string> | undefined;
    for (const key in attributes) {
      if (key === 'xmlns') (map ??= new Map()).set('', attributes[key]!);
      else if (key.startsWith('xmlns:')) (map ??= new Map()).set(key.slice(6), attributes[key]!);
    }
    if (map) this.scopes.push({ depth: this.depth, map });
  }

  close(): void {
    if (this.scopes[this.scopes.length - 1]?.depth === this.depth) this.scopes.pop();
    this.depth--;
  }

  private uri(prefix: string): string {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const uri = this.scopes[i]!.map.get(prefix);
      if (uri !== undefined) return uri;
    }
    return '';
  }

  /** An element's namespace and local name (an unprefixed one is in the default namespace). */
  element(qname: string): { uri: string; local: string } {
    const i = qname.indexOf(':');
    return i < 0 ? { uri: this.uri(''), local: qname } : { uri: this.uri(qname.slice(0, i)), local: qname.slice(i + 1) };
  }

  /** The value of the prefixed attribute `local` in one of `namespaces` (w:val). */
  attribute(attributes: Record<string, string>, local: string, namespaces: Set<string>): string | undefined {
    for (const key in attributes) {
      const i = key.indexOf(':');
      if (i > 0 && key.slice(i + 1) === local && namespaces.has(this.uri(key.slice(0, i)))) return attributes[key];
    }
    return undefined;
  }
}

interface PlainElement {
  local: string;
  attributes: Record<string, string>;
}

/** The elements of a small part, in order, with their attributes by local name. */
async function partElements(zip: JSZip, path: string): Promise<PlainElement[] | undefined> {
  const out: PlainElement[] = [];
  const parser = strictParser();
  const ns = new NamespaceScopes();
  parser.onopentag = (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    ns.open(attributes);
    out.push({ local: ns.element(tag.name).local, attributes });
  };
  parser.onclosetag = () => ns.close();
  return (await streamPart(zip, path, MAX_SMALL_PART_BYTES, parser)) ? out : undefined;
}

/**
 * The main document part of a Word package ("word/document.xml" as Word writes it), found as the
 * package says (its officeDocument relationship and that part's content type); `undefined` for
 * any other ZIP, an XLSX among them.
 */
export async function wordDocumentPart(zip: JSZip): Promise<string | undefined> {
  try {
    const rels = await partElements(zip, '_rels/.rels');
    const main = rels?.find((r) => r.local === 'Relationship' && /\/officeDocument$/.test(r.attributes.Type ?? ''));
    const target = main?.attributes.Target?.replace(/^\//, '');
    if (target) {
      const types = await partElements(zip, '[Content_Types].xml');
      const type = types?.find((o) => o.local === 'Override' && o.attributes.PartName?.replace(/^\//, '') === target)?.attributes.ContentType;
      // .docx, .docm and .dotx all say "wordprocessingml" here; an XLSX says "spreadsheetml".
      if (type) return /wordprocessingml/.test(type) && zip.file(target) ? target : undefined;
    }
  } catch {
    // A broken package description: fall back to where Word keeps the document.
  }
  return zip.file('word/document.xml') ? 'word/document.xml' : undefined;
}

// ------------------------------------------------------------------------------------ list numbering

/**
 * Word's automatic list numbering, for the cells that show it: an STT column numbered "1.", "2.", … or
 * section rows numbered "I.", "II." by Word rather than typed. Only numbering set on the paragraph
 * itself (w:numPr) is followed, not numbering inherited from a paragraph style; bullets add nothing.
 */
interface ListLevel {
  start: number;
  format: string;
  text: string;
}

const MAX_NUMBERING_BYTES = 4 * 1024 * 1024;

/** The part a relationship of the main document points to ("numbering" → word/numbering.xml). */
async function relatedPart(zip: JSZip, main: string, type: string): Promise<string | undefined> {
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const rels = await partElements(zip, `${dir}_rels/${main.slice(dir.length)}.rels`);
  const target = rels?.find((r) => r.local === 'Relationship' && r.attributes.Type?.endsWith(`/${type}`))?.attributes.Target;
  if (!target || /^[a-z]+:/i.test(target)) return undefined;
  // Targets are relative to the main part's folder, or absolute from the package root.
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const path: string[] = [];
  for (const seg of parts) {
    if (seg === '..') path.pop();
    else if (seg && seg !== '.') path.push(seg);
  }
  return path.join('/');
}

/** numId → its levels (with any start override), from the numbering part. */
async function readNumbering(zip: JSZip, main: string): Promise<Map<string, ListLevel[]>> {
  const out = new Map<string, ListLevel[]>();
  const part = await relatedPart(zip, main, 'numbering');
  if (!part) return out;
  const abstracts = new Map<string, ListLevel[]>();
  const nums: { id: string; abstract: string; overrides: Map<number, number> }[] = [];
  const parser = strictParser();
  const ns = new NamespaceScopes();
  let abstract: ListLevel[] | undefined;
  let level: ListLevel | undefined;
  let num: (typeof nums)[number] | undefined;
  let overrideLevel = -1;
  parser.onopentag = (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    ns.open(attributes);
    const t = ns.element(tag.name);
    if (!W_NAMESPACES.has(t.uri)) return;
    const val = ns.attribute(attributes, 'val', W_NAMESPACES);
    switch (t.local) {
      case 'abstractNum':
        abstract = [];
        abstracts.set(ns.attribute(attributes, 'abstractNumId', W_NAMESPACES) ?? '', abstract);
        break;
      case 'lvl': {
        const ilvl = Number(ns.attribute(attributes, 'ilvl', W_NAMESPACES));
        level = { start: 1, format: 'decimal', text: '' };
        if (abstract && Number.isInteger(ilvl) && ilvl >= 0 && ilvl < 9) abstract[ilvl] = level;
        break;
      }
      case 'start': {
        const n = Number(val);
        if (level) level.start = Number.isInteger(n) && n >= 0 ? n : 1;
        break;
      }
      case 'numFmt':
        if (level && val) level.format = val;
        break;
      case 'lvlText':
        if (level) level.text = val ?? '';
        break;
      case 'num':
        num = { id: ns.attribute(attributes, 'numId', W_NAMESPACES) ?? '', abstract: '', overrides: new Map() };
        nums.push(num);
        break;
      case 'abstractNumId':
        if (num) num.abstract = val ?? '';
        break;
      case 'lvlOverride':
        overrideLevel = Number(ns.attribute(attributes, 'ilvl', W_NAMESPACES));
        break;
      case 'startOverride':
        if (num && overrideLevel >= 0) num.overrides.set(overrideLevel, Number(val) || 0);
        break;
    }
  };
  parser.onclosetag = (name) => {
    ns.close();
    const local = name.slice(name.indexOf(':') + 1);
    if (local === 'abstractNum') abstract = undefined;
    else if (local === 'lvl') level = undefined;
    else if (local === 'num') num = undefined;
    else if (local === 'lvlOverride') overrideLevel = -1;
  };
  await streamPart(zip, part, MAX_NUMBERING_BYTES, parser);
  for (const n of nums) {
    const levels = abstracts.get(n.abstract);
    if (!levels) continue;
    out.set(
      n.id,
      levels.map((l, i) => (l && n.overrides.has(i) ? { ...l, start: n.overrides.get(i)! } : l)),
    );
  }
  return out;
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

function roman(n: number): string {
  let s = '';
  for (const [v, r] of ROMAN) for (; n >= v; n -= v) s += r;
  return s;
}

/** A counter as a level's format writes it; `undefined` for formats that show no number (bullets). */
function formatCounter(n: number, format: string): string | undefined {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
    case 'lowerLetter': {
      // Word repeats the letter past Z: AA, BB, …
      const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter : letter.toLowerCase();
    }
    case 'bullet':
    case 'none':
      return undefined;
    default:
      return String(n);
  }
}

/** Counts numbered paragraphs as Word does: per list, a level restarting the levels below it. */
class ListCounter {
  private counters = new Map<string, number[]>();
  constructor(private readonly lists: Map<string, ListLevel[]>) {}

  /** The label Word shows before a paragraph of list `numId` at level `ilvl` ("1.", "II."), or ''. */
  next(numId: string, ilvl: number): string {
    const levels = this.lists.get(numId);
    const level = levels?.[ilvl];
    if (!levels || !level) return '';
    const counts = this.counters.get(numId) ?? [];
    this.counters.set(numId, counts);
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl]! + 1;
    counts.length = ilvl + 1;
    if (formatCounter(counts[ilvl]!, level.format) === undefined) return '';
    return level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels[i];
      return l ? (formatCounter(counts[i] ?? l.start, l.format) ?? '') : '';
    });
  }
}

// ------------------------------------------------------------------------------------- WordprocessingML

/** Subtrees whose text Word does not show: tracked deletions, field codes, drawings and text boxes, fallbacks. */
const SKIPPED = new Set(['del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'drawing', 'pict', 'object']);

interface RawCell {
  text: string;
  span: number;
  /** w:vMerge: "restart" opens a vertical merge, "continue" (or no value) extends the one above. */
  vMerge?: 'restart' | 'continue';
  /** w:hMerge, the Word 97-era horizontal merge. */
  hMerge?: 'restart' | 'continue';
}

interface RawRow {
  gridBefore: number;
  cells: RawCell[];
  deleted: boolean;
}

interface OpenCell {
  span: number;
  vMerge?: 'restart' | 'continue';
  hMerge?: 'restart' | 'continue';
  lines: string[];
  /** Paragraphs since the last nested table: the caption of the next one. */
  above: string[];
}

interface OpenTable {
  index: number;
  caption?: string;
  rows: RawRow[];
  row?: RawRow;
  cell?: OpenCell;
}

export interface DocxLimits {
  maxRows: number;
  maxColumns: number;
}

const CAPTION_PARAGRAPHS = 3;
const CAPTION_LENGTH = 200;

/** The last few paragraphs above a table, e.g. "PHỤ LỤC I … (Kèm theo Kế hoạch số 45/KH-UBND …)". */
function captionOf(paragraphs: string[]): string | undefined {
  const text = paragraphs
    .slice(-CAPTION_PARAGRAPHS)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .join(' ')
    .normalize('NFC');
  if (!text) return undefined;
  if (text.length <= CAPTION_LENGTH) return text;
  const cut = text.slice(0, CAPTION_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), CAPTION_LENGTH / 2))}…`;
}

const tableName = (index: number) => `Bảng ${index + 1}`;

/** Raw Word rows → a grid: w:gridSpan and w:vMerge as merged ranges, text in the top-left cell. */
function gridOf(table: OpenTable): Grid {
  const rows: (GridCell | undefined)[][] = [];
  const merges: MergeRange[] = [];
  type Master = { range: MergeRange; cell: GridCell };
  /** Vertical merges still open, by their left grid column. */
  let open = new Map<number, Master>();
  for (const [r, raw] of table.rows.entries()) {
    const cells: (GridCell | undefined)[] = [];
    const stillOpen = new Map<number, Master>();
    let previous: Master | undefined;
    let col = raw.gridBefore;
    for (const c of raw.cells) {
      // Word shows a continuation cell's own text inside the merged cell, below the first one's.
      const append = (target: GridCell) => {
        if (c.text) target.text = target.text ? `${target.text}\n${c.text}` : c.text;
      };
      if (c.hMerge === 'continue' && previous && previous.range.right === col - 1 && previous.range.top === r) {
        previous.range.right = col + c.span - 1;
        append(previous.cell);
        col += c.span;
        continue;
      }
      const above = c.vMerge === 'continue' ? open.get(col) : undefined;
      if (above) {
        above.range.bottom = r;
        append(above.cell);
        stillOpen.set(col, above);
        previous = undefined;
        col += c.span;
        continue;
      }
      const master: Master = { range: { top: r, left: col, bottom: r, right: col + c.span - 1 }, cell: { text: c.text } };
      while (cells.length < col) cells.push(undefined);
      cells[col] = master.cell;
      merges.push(master.range);
      previous = master;
      // A "continue" with nothing above to continue starts a merge of its own.
      if (c.vMerge) stillOpen.set(col, master);
      col += c.span;
    }
    // A column whose merge this row did not continue closes it.
    open = stillOpen;
    rows.push(cells);
  }
  // Empty and covered cells are absent, as in the other readers.
  let width = 0;
  for (const cells of rows) {
    for (let c = 0; c < cells.length; c++) if (cells[c] && !cells[c]!.text) cells[c] = undefined;
    while (cells.length && cells[cells.length - 1] === undefined) cells.pop();
    width = Math.max(width, cells.length);
  }
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  const grid: Grid = { name: tableName(table.index), rows, merges: merges.filter((m) => m.bottom > m.top || m.right > m.left), width };
  if (table.caption) grid.caption = table.caption;
  return grid;
}

/** A positive integer w:val, or `fallback`. */
function count(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Walk document.xml's events into grids, one per table, in the order the tables open. */
function documentReader(limits: DocxLimits, lists: Map<string, ListLevel[]>) {
  const parser = strictParser();
  const counter = new ListCounter(lists);
  /** w:numPr of the open paragraph. */
  let numbering: { numId?: string; ilvl: number } | undefined;
  const grids: { index: number; grid: Grid }[] = [];
  /** Open elements: "w:<local>" for WordprocessingML, "<uri> <local>" for the rest. */
  const stack: string[] = [];
  const tables: OpenTable[] = [];
  let bodyAbove: string[] = [];
  let tableCount = 0;
  let skipDepth = 0;
  let runDepth = 0;
  let inText = false;
  let paragraph: string | undefined;
  let sawBody = false;

  const parent = (k = 1) => stack[stack.length - k];
  const innermost = () => tables[tables.length - 1];

  const ns = new NamespaceScopes();

  parser.onopentag = (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    ns.open(attributes);
    const t = ns.element(tag.name);
    const isW = W_NAMESPACES.has(t.uri);
    const name = isW ? `w:${t.local}` : `${t.uri} ${t.local}`;
    const val = () => ns.attribute(attributes, 'val', W_NAMESPACES);
    if (skipDepth > 0 || (isW && SKIPPED.has(t.local)) || (t.uri === MC_NAMESPACE && t.local === 'Fallback')) {
      // A tracked deletion of a whole row is marked in its properties.
      if (isW && t.local === 'del' && parent() === 'w:trPr' && parent(2) === 'w:tr' && innermost()?.row) innermost()!.row!.deleted = true;
      skipDepth++;
      stack.push(name);
      return;
    }
    stack.push(name);
    if (!isW) return;
    const table = innermost();
    switch (t.local) {
      case 'body':
        sawBody = true;
        break;
      case 'tbl': {
        const above = table?.cell ? table.cell.above : bodyAbove;
        const caption = captionOf(above);
        above.length = 0;
        tables.push({ index: tableCount++, rows: [], ...(caption ? { caption } : {}) });
        break;
      }
      case 'tr':
        if (table) table.row = { gridBefore: 0, cells: [], deleted: false };
        break;
      case 'tc':
        if (table?.row) table.cell = { span: 1, lines: [], above: [] };
        break;
      case 'gridBefore':
        if (parent(2) === 'w:trPr' && parent(3) === 'w:tr' && table?.row) table.row.gridBefore = count(val(), 0);
        break;
      case 'gridSpan':
        if (parent(2) === 'w:tcPr' && parent(3) === 'w:tc' && table?.cell) table.cell.span = count(val(), 1);
        break;
      case 'vMerge':
        if (parent(2) === 'w:tcPr' && parent(3) === 'w:tc' && table?.cell) table.cell.vMerge = val() === 'restart' ? 'restart' : 'continue';
        break;
      case 'hMerge':
        if (parent(2) === 'w:tcPr' && parent(3) === 'w:tc' && table?.cell) table.cell.hMerge = val() === 'restart' ? 'restart' : 'continue';
        break;
      case 'p':
        paragraph = '';
        numbering = undefined;
        break;
      case 'numId':
      case 'ilvl':
        if (parent(2) === 'w:numPr' && parent(3) === 'w:pPr' && parent(4) === 'w:p') {
          numbering ??= { ilvl: 0 };
          if (t.local === 'numId') numbering.numId = val();
          else numbering.ilvl = Number(val()) || 0;
        }
        break;
      case 'r':
        runDepth++;
        break;
      case 't':
        if (runDepth > 0) inText = true;
        break;
      case 'tab':
        if (runDepth > 0 && paragraph !== undefined) paragraph += '\t';
        break;
      case 'br':
      case 'cr':
        if (runDepth > 0 && paragraph !== undefined) paragraph += '\n';
        break;
      case 'noBreakHyphen':
        if (runDepth > 0 && paragraph !== undefined) paragraph += '-';
        break;
    }
  };

  const onText = (text: string) => {
    if (inText && skipDepth === 0 && paragraph !== undefined) paragraph += text;
  };
  parser.ontext = onText;
  parser.oncdata = onText;

  parser.onclosetag = () => {
    ns.close();
    const name = stack.pop();
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    if (!name?.startsWith('w:')) return;
    const table = innermost();
    switch (name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:r':
        runDepth = Math.max(0, runDepth - 1);
        break;
      case 'w:p': {
        // A numbered paragraph shows its label first, then a tab (Word's default).
        const label = numbering?.numId && numbering.numId !== '0' ? counter.next(numbering.numId, numbering.ilvl) : '';
        const text = label ? (paragraph ? `${label}\t${paragraph}` : label) : (paragraph ?? '');
        paragraph = undefined;
        numbering = undefined;
        if (table?.cell) {
          table.cell.lines.push(text);
          if (text.trim()) table.cell.above.push(text);
        } else if (!table && text.trim()) {
          bodyAbove.push(text);
        }
        break;
      }
      case 'w:tc': {
        const cell = table?.cell;
        if (!cell || !table.row) break;
        table.cell = undefined;
        const before = table.row.gridBefore + table.row.cells.reduce((n, c) => n + c.span, 0);
        if (before + cell.span > limits.maxColumns) {
          throw new TableLimitError(`${tableName(table.index)} có hơn ${limits.maxColumns} cột, không phải bảng phụ lục đọc được.`);
        }
        const raw: RawCell = { text: cell.lines.join('\n').normalize('NFC').trim(), span: cell.span };
        if (cell.vMerge) raw.vMerge = cell.vMerge;
        if (cell.hMerge) raw.hMerge = cell.hMerge;
        table.row.cells.push(raw);
        break;
      }
      case 'w:tr': {
        const row = table?.row;
        if (!row) break;
        table.row = undefined;
        if (row.deleted) break;
        table.rows.push(row);
        if (table.rows.length > limits.maxRows) throw new TableLimitError(`${tableName(table.index)} có hơn ${limits.maxRows} dòng, quá giới hạn của một phụ lục.`);
        break;
      }
      case 'w:tbl': {
        if (!table) break;
        tables.pop();
        grids.push({ index: table.index, grid: gridOf(table) });
        const outer = innermost();
        if (outer?.cell) {
          // The nested table's text stays in the enclosing cell too.
          for (const row of table.rows) outer.cell.lines.push(row.cells.map((c) => c.text.replace(/\s*\n\s*/g, ' ')).join('\t'));
        } else if (!outer) {
          bodyAbove = [];
        }
        break;
      }
    }
  };

  return {
    parser,
    result() {
      if (!sawBody) return undefined;
      // Nested tables close before the tables around them: put them back in the order they open.
      return grids.sort((a, b) => a.index - b.index).map((g) => g.grid);
    },
  };
}

export type DocxReadResult = { ok: true; grids: Grid[] } | { ok: false; message: string };

/** Every table of the Word document in `zip` (whose main part is `part`) as a grid named "Bảng n". */
export async function readDocx(zip: JSZip, part: string, limits: DocxLimits): Promise<DocxReadResult> {
  // Unreadable numbering leaves the cells their typed text.
  const lists = await readNumbering(zip, part).catch(() => new Map<string, ListLevel[]>());
  const reader = documentReader(limits, lists);
  try {
    await streamPart(zip, part, MAX_DOCUMENT_XML_BYTES, reader.parser);
  } catch (err) {
    if (err instanceof TableLimitError) return { ok: false, message: `Tài liệu Word: ${err.message}` };
    if (err instanceof PartTooLargeError) {
      return { ok: false, message: `Tài liệu Word quá lớn để đọc (hơn ${MAX_DOCUMENT_XML_BYTES / 1024 / 1024} MB văn bản khi giải nén). Hãy tách riêng bảng phụ lục ra một tệp.` };
    }
    return { ok: false, message: 'Tài liệu Word (.docx) bị hỏng, không đọc được nội dung. Hãy mở bằng Word, lưu lại rồi tải lên lần nữa, hoặc lưu phụ lục dưới dạng .xlsx.' };
  }
  const grids = reader.result();
  if (!grids) return { ok: false, message: 'Tệp có cấu trúc của tài liệu Word nhưng không có nội dung văn bản đọc được. Hãy lưu lại bằng Word dưới dạng .docx.' };
  if (!grids.some((g) => g.rows.length)) {
    return {
      ok: false,
      message: grids.length
        ? 'Tài liệu Word chỉ có bảng trống. Phụ lục nhiệm vụ cần nằm trong một bảng có dòng tiêu đề cột (Tên nhiệm vụ, Đơn vị chủ trì…).'
        : 'Tài liệu Word không có bảng nào. Phụ lục nhiệm vụ cần nằm trong một bảng (Insert → Table) có dòng tiêu đề cột (Tên nhiệm vụ, Đơn vị chủ trì…).',
    };
  }
  return { ok: true, grids };
}
