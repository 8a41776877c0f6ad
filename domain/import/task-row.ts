import { parseTimeframe } from '../timeframe';
import { parseVnNumber } from '../vn-number';
import type { Funding } from '../vocabulary';
import { parseFundingSources, parseTaskKind } from './funding';
import { columnLabel, foldHeader } from './headers';
import { clean, dataCell, firstColumn, noteUnknown, textOf, type ImportContext, type SheetContext } from './sheet-context';
import type { ImportField, ImportProblem, ParsedTask } from './types';

/** A mark ("x", "✓") in a timeframe column headed by a period: the task runs in that period. */
const MARK = /^(?:x|✓|✔|v|có|co)$/i;

function parseAmounts(ctx: SheetContext, r: number, problems: ImportProblem[], row: number): Funding['amounts'] | undefined {
  const amounts: NonNullable<Funding['amounts']> = {};
  const keys: [ImportField, 'recurrent' | 'investment' | 'total'][] = [
    ['amountRecurrent', 'recurrent'],
    ['amountInvestment', 'investment'],
    ['amountTotal', 'total'],
  ];
  for (const [field, key] of keys) {
    for (const col of ctx.byField.get(field) ?? []) {
      // Money is never filled down a merged range: an amount merged over three tasks is one amount.
      const cell = ctx.grid.rows[r]?.[col.index];
      const text = clean(cell?.text);
      const merged = text ? ctx.grid.merges.find((m) => m.top === r && m.left === col.index && m.bottom > r) : undefined;
      if (merged) {
        problems.push({
          row,
          column: columnLabel(col),
          field: 'funding',
          severity: 'warning',
          message: `Kinh phí "${text}" ở ô gộp dòng ${r + 1}–${merged.bottom + 1} được ghi một lần, cho nhiệm vụ ở dòng ${r + 1}.`,
        });
      }
      if (!text || /^[-–—]$/.test(text)) continue;
      const value = cell?.number ?? parseVnNumber(text);
      if (value === undefined || value < 0) {
        problems.push({
          row,
          column: columnLabel(col),
          field: 'funding',
          severity: 'error',
          message: `Kinh phí "${text}" không phải số hợp lệ (viết kiểu Việt Nam: 1.200 hoặc 7.184,4).`,
        });
        continue;
      }
      // Round away binary noise after converting units (7184.4 × 1 stays 7184.4).
      const inMillions = Math.round(value * (col.unitFactor ?? 1) * 1e6) / 1e6;
      amounts[key] = (amounts[key] ?? 0) + inMillions;
    }
  }
  if (amounts.total === undefined && (amounts.recurrent !== undefined || amounts.investment !== undefined)) {
    amounts.total = Math.round(((amounts.recurrent ?? 0) + (amounts.investment ?? 0)) * 1e6) / 1e6;
  }
  return Object.keys(amounts).length ? amounts : undefined;
}

/** A task row → the task it asks for; what is wrong with it goes to `problems`. */
export function parseTaskRow(ctx: SheetContext, r: number, dirCtx: ImportContext, problems: ImportProblem[]): ParsedTask {
  const row = r + 1;
  const col = (field: ImportField) => firstColumn(ctx, field);
  const label = (field: ImportField) => {
    const c = col(field);
    return c ? columnLabel(c) : undefined;
  };
  const problem = (field: ImportField, severity: 'error' | 'warning', message: string, suggestions?: string[]) => {
    const p: ImportProblem = { row, field: field === 'fundingText' ? 'funding' : field, severity, message };
    const c = col(field);
    if (c) p.column = columnLabel(c);
    if (suggestions?.length) p.suggestions = suggestions;
    problems.push(p);
  };

  const title = textOf(ctx, r, 'title');
  if (!title) problem('title', 'error', `Dòng ${row}: thiếu tên nhiệm vụ ở cột ${label('title')}.`);

  // Đơn vị chủ trì.
  const leadText = textOf(ctx, r, 'lead');
  const leads: ParsedTask['leads'] = [];
  if (!leadText) {
    problem('lead', 'error', `Dòng ${row}: thiếu đơn vị chủ trì ở cột ${label('lead')}.`);
  } else {
    const resolved = ctx.resolveCell(leadText);
    for (const a of resolved.agencies) {
      leads.push({ code: a.code, kind: a.kind, members: a.members });
      if (!a.active) problem('lead', 'warning', `Dòng ${row}: đơn vị "${a.text}" (${a.name}) đã ngừng hoạt động trong danh mục.`);
    }
    for (const u of resolved.unresolved) {
      noteUnknown(ctx, 'lead', u.text, row);
      const hint = u.suggestions.length ? ` Có phải: ${u.suggestions.join('; ')}?` : '';
      problem('lead', 'error', `Dòng ${row}: không nhận ra đơn vị chủ trì "${u.text}".${hint}`, u.suggestions);
    }
    // A count written before a group that the directory does not match ("19 Sở, Ban, ngành"): shown, not blocking.
    for (const n of resolved.notes) problem('lead', 'warning', `Dòng ${row}: ${n.message}`);
    if (!resolved.agencies.length && !resolved.unresolved.length) {
      problem('lead', 'error', `Dòng ${row}: đơn vị chủ trì "${leadText}" không chỉ rõ cơ quan nào; hãy ghi tên đơn vị cụ thể.`);
    }
  }

  // Cơ quan phối hợp: an unknown name is a warning, the task can go ahead without it.
  const coordinatingText = textOf(ctx, r, 'coordinating');
  const coordinatingAgencyCodes: string[] = [];
  if (coordinatingText) {
    const resolved = ctx.resolveCell(coordinatingText);
    for (const a of resolved.agencies) {
      if (!leads.some((l) => l.code === a.code) && !coordinatingAgencyCodes.includes(a.code)) coordinatingAgencyCodes.push(a.code);
    }
    for (const u of resolved.unresolved) {
      noteUnknown(ctx, 'coordinating', u.text, row);
      const hint = u.suggestions.length ? ` Có phải: ${u.suggestions.join('; ')}?` : '';
      problem('coordinating', 'warning', `Dòng ${row}: không nhận ra cơ quan phối hợp "${u.text}"; tên này sẽ bị bỏ qua.${hint}`, u.suggestions);
    }
    for (const n of resolved.notes) problem('coordinating', 'warning', `Dòng ${row}: ${n.message}`);
  }

  // Loại: mới / chuyển tiếp / thường xuyên.
  const kindText = textOf(ctx, r, 'kind');
  let kind = parseTaskKind(kindText);
  if (!kind) {
    problem('kind', 'warning', `Dòng ${row}: không nhận ra loại nhiệm vụ "${kindText}"; coi là nhiệm vụ mới.`);
    kind = 'new';
  }

  // Thời gian: several columns → from the earliest start to the latest end.
  const timeframeTexts: string[] = [];
  let start: string | undefined;
  let end: string | undefined;
  for (const c of ctx.byField.get('timeframe') ?? []) {
    const cell = dataCell(ctx.grid, r, c.index);
    const text = clean(cell?.text);
    if (!text) continue;
    timeframeTexts.push(text);
    let span: { start: string; end: string } | undefined;
    if (MARK.test(text) && c.period) span = c.period;
    else {
      const parsed = parseTimeframe(cell?.date ?? text, dirCtx.plan);
      if (!parsed.ok) {
        problems.push({ row, column: columnLabel(c), field: 'timeframe', severity: 'error', message: `Dòng ${row}: ${parsed.message}` });
        continue;
      }
      span = parsed;
    }
    if (!start || span.start < start) start = span.start;
    if (!end || span.end > end) end = span.end;
  }
  // Blank (or unreadable, which is reported above and blocks the commit): the plan's period.
  if (!start || !end) {
    start = dirCtx.plan.periodStart;
    end = dirCtx.plan.periodEnd;
  }
  // Without a kind column, "Thường xuyên" / "Hằng năm" as the timeframe says what kind it is.
  if (!kindText && timeframeTexts.some((t) => /^(?:thuong xuyen|hang nam)$/.test(foldHeader(t)))) kind = 'recurring';

  // Nguồn vốn and kinh phí.
  let funding: Funding | undefined;
  const fundingText = textOf(ctx, r, 'fundingText');
  const amounts = parseAmounts(ctx, r, problems, row);
  if (fundingText || amounts) {
    const { sources, recognised } = parseFundingSources(fundingText);
    if (fundingText && !recognised) problem('fundingText', 'warning', `Dòng ${row}: không nhận ra nguồn vốn "${fundingText}"; ghi là nguồn khác.`);
    funding = { sources };
    if (fundingText) funding.text = fundingText;
    if (amounts) funding.amounts = amounts;
  }

  const descriptionCols = ctx.byField.get('description') ?? [];
  const descriptions = descriptionCols
    .map((c) => ({ c, text: clean(dataCell(ctx.grid, r, c.index)?.text) }))
    .filter((d) => d.text);
  const description =
    descriptions.length === 1 ? descriptions[0]!.text : descriptions.length > 1 ? descriptions.map((d) => `${d.c.header}: ${d.text}`).join('\n') : undefined;

  const task: ParsedTask = {
    row,
    title,
    leadText,
    leads,
    coordinatingAgencyCodes,
    kind,
    startDate: start,
    dueDate: end,
  };
  const number = textOf(ctx, r, 'number').replace(/\.$/, '');
  if (number) task.number = number;
  if (description) task.description = description;
  if (coordinatingText) task.coordinatingText = coordinatingText;
  if (kindText) task.kindText = kindText;
  if (timeframeTexts.length) task.timeframeText = timeframeTexts.join(' | ');
  if (funding) task.funding = funding;
  const note = textOf(ctx, r, 'note');
  if (note) task.note = note;
  return task;
}
