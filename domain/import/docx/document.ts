import type { Grid } from '../types';
import { captionOf, gridOf, tableName, type DocxLimits, type OpenTable, type RawCell } from './grid';
import { ListCounter, type ListLevel } from './numbering';
import { MC_NAMESPACE, NamespaceScopes, strictParser, W_NAMESPACES } from './package';

/** Subtrees whose text Word does not show: tracked deletions, field codes, drawings and text boxes, fallbacks. */
const SKIPPED = new Set(['del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'drawing', 'pict', 'object']);

/** A table over the limits: reading stops at once. */
export class TableLimitError extends Error {}

/** A positive integer w:val, or `fallback`. */
function count(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Walk document.xml's events into grids, one per table, in the order the tables open. */
export function documentReader(limits: DocxLimits, lists: Map<string, ListLevel[]>) {
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
