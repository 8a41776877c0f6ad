import { foldVietnamese } from './normalize';

/**
 * How appendices of other provinces lay out a lead or coordinating cell beyond a plain list of names:
 * parts labelled by level ("Cấp tỉnh: Sở TTTT Cấp huyện: UBND cấp huyện") and names written with the
 * number of agencies they stand for ("19 Sở, Ban, ngành, 09 UBND cấp huyện"). Pure string code.
 */

export interface LevelSegment {
  /** The label as written, without its colon ("Cấp tỉnh"); absent for text before the first label. */
  level?: string;
  text: string;
}

/**
 * "Cấp tỉnh:", "- Cấp huyện:", "Ở cấp xã:", "Đối với cấp trung ương:". The colon is required: "UBND cấp
 * huyện" is a name, not a label.
 */
const LEVEL_LABEL = /(?<![\p{L}\p{N}])(?:(?:o|doi voi|tai)\s+)?cap\s+(?:trung uong|tinh|huyen|xa|co so)\s*:/gu;

/** Separators, bullets and dashes left at the edges of a part once the labels are cut out. */
const EDGES = /^[\s\-–—•+*;,.:]+|[\s\-–—•+*;,.:]+$/g;

/** Fold `s` one character at a time, remembering where each folded character came from. */
function foldWithOffsets(s: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  let i = 0;
  for (const ch of s) {
    for (const f of foldVietnamese(ch)) {
      folded += f;
      from.push(i);
    }
    i += ch.length;
  }
  from.push(s.length);
  return { folded, from };
}

/**
 * Cut a cell at its level labels. A cell without labels comes back whole as one unlabelled segment;
 * empty segments (a label followed by nothing) are dropped.
 */
export function splitLevelLabels(text: string): LevelSegment[] {
  const { folded, from } = foldWithOffsets(text);
  const labels = [...folded.matchAll(LEVEL_LABEL)].map((m) => ({
    start: from[m.index]!,
    // The level itself starts at "cấp" ("Ở cấp tỉnh" is labelled "Cấp tỉnh").
    levelStart: from[m.index + m[0].lastIndexOf('cap')]!,
    end: from[m.index + m[0].length]!,
  }));
  if (!labels.length) return [{ text }];
  const segments: LevelSegment[] = [];
  const head = text.slice(0, labels[0]!.start).replace(EDGES, '');
  if (head) segments.push({ text: head });
  labels.forEach((label, k) => {
    const body = text.slice(label.end, labels[k + 1]?.start ?? text.length).replace(EDGES, '');
    const written = text
      .slice(label.levelStart, label.end)
      .replace(/\s*:$/, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (body) segments.push({ level: written.charAt(0).toUpperCase() + written.slice(1), text: body });
  });
  return segments;
}

/** "19 Sở, Ban, ngành", "09 UBND cấp huyện": a number of at most 3 digits, then a word. */
const LEADING_COUNT = /^(\d{1,3})\s+(?=\p{L})/u;
/** "Các sở, ban, ngành (19 đơn vị)", "UBND các huyện (09 huyện)": the count in closing brackets. */
const TRAILING_COUNT = /\s*\(\s*(\d{1,3})(?:\s+[\p{L}\p{M}\s,]*)?\)$/u;

/** The number of agencies written with a name and the name without it, or `undefined`. */
export function splitCount(text: string): { count: string; rest: string } | undefined {
  const lead = LEADING_COUNT.exec(text);
  if (lead) return { count: lead[1]!, rest: text.slice(lead[0].length) };
  const trail = TRAILING_COUNT.exec(text);
  if (trail && trail.index > 0) return { count: trail[1]!, rest: text.slice(0, trail.index) };
  return undefined;
}
