import type JSZip from 'jszip';
import { NamespaceScopes, relatedPart, strictParser, streamPart, W_NAMESPACES } from './package';

/**
 * Word's automatic list numbering, for the cells that show it: an STT column numbered "1.", "2.", … or
 * section rows numbered "I.", "II." by Word rather than typed. Only numbering set on the paragraph
 * itself (w:numPr) is followed, not numbering inherited from a paragraph style; bullets add nothing.
 */
export interface ListLevel {
  start: number;
  format: string;
  text: string;
}

const MAX_NUMBERING_BYTES = 4 * 1024 * 1024;

/** numId → its levels (with any start override), from the numbering part. */
export async function readNumbering(zip: JSZip, main: string): Promise<Map<string, ListLevel[]>> {
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
export class ListCounter {
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