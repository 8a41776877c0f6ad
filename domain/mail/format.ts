/** Small pure helpers the mail templates share: dates, one-line text. HTML escaping is React's (../html.tsx). */

/** A `YYYY-MM-DD` date as Vietnamese documents write it: dd/mm/yyyy. */
export const formatDate = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

const DAY_MS = 86_400_000;

/** Calendar days from `from` to `to` (both `YYYY-MM-DD`): positive when `to` is later. */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Whitespace (newlines included) collapsed, so a hostile title cannot break a header or a line layout. */
export const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** At most `max` characters, cut at a word where possible, with an ellipsis. */
export function truncate(s: string, max: number): string {
  const text = oneLine(s);
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** A note as plain text, each line indented under its label. */
export const indentLines = (s: string, indent: string): string =>
  s
    .trim()
    .split(/\r?\n/)
    .map((line) => indent + line)
    .join('\n');
