/**
 * Generated plans of any size, deterministic for a seed: the agency directory of a province (the seed
 * of db/seed plus communes, so that fifty agencies can lead tasks), appendices as CSV in the importer's
 * format, and task rows as the workflows would have projected them.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agencies, plans, tasks } from '../db/schema';
import { seedAgencies } from '../db/seed/agencies';
import { addDays, atLocalHour, localDate, WorkingCalendar } from '../domain/calendar';
import type { PlanSettings } from '../domain/plan-settings';
import { DEFAULT_REMINDER_POLICY } from '../domain/plan-settings';
import { decideReminders } from '../domain/reminder-plan';
import { currentDueDate, yearlyReportsFor } from '../domain/deadline';
import type { TaskStatus } from '../domain/task-status';
import { searchableText } from '../domain/text';
import type { Funding, FundingSource, TaskKind } from '../domain/vocabulary';
import { createCalendarActivities } from '../activities/calendar';

/** A small fast PRNG (mulberry32): the same seed gives the same plan. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Communes of Sơn La city, so the directory has more than fifty agencies that can lead a task. */
const COMMUNES = ['Chiềng Cơi', 'Chiềng Cọ', 'Chiềng Đen', 'Chiềng Ngần', 'Chiềng Xôm', 'Hua La', 'Chiềng Sinh', 'Chiềng An', 'Tô Hiệu', 'Quyết Thắng'];

export interface BenchAgency {
  code: string;
  name: string;
  email: string;
}

/**
 * The Sơn La directory of db/seed plus ten communes. Returns the agencies that can lead a task (not a
 * group, with a mailbox), sorted by code.
 */
export async function seedBenchDirectory(db: Db): Promise<BenchAgency[]> {
  await seedAgencies(db, { province: 'son-la' });
  await db
    .insert(agencies)
    .values(
      COMMUNES.map((c, i) => ({
        code: `XA${String(i + 1).padStart(2, '0')}`,
        name: `UBND xã ${c}`,
        shortName: `Xã ${c}`,
        kind: 'commune' as const,
        emails: [`vanthu.xa${i + 1}@sonla.gov.vn`],
      })),
    )
    .onConflictDoNothing();
  const rows = await db.select({ code: agencies.code, name: agencies.name, kind: agencies.kind, emails: agencies.emails }).from(agencies).where(eq(agencies.active, true));
  return rows
    .filter((a) => a.kind !== 'group' && a.emails.length > 0)
    .map((a) => ({ code: a.code, name: a.name, email: a.emails[0]! }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

export async function insertPlan(db: Db, opts: { code: string; periodStart: string; periodEnd: string; settings?: PlanSettings; coordinator?: string }): Promise<string> {
  const [plan] = await db
    .insert(plans)
    .values({
      code: opts.code,
      title: `Kế hoạch phát triển chính quyền số (${opts.code})`,
      documentNumber: `${opts.code}/KH-UBND`,
      issuer: 'UBND tỉnh Sơn La',
      issuedOn: opts.periodStart,
      periodStart: opts.periodStart,
      periodEnd: opts.periodEnd,
      coordinatorAgencyCode: opts.coordinator ?? 'STTTT',
      settings: opts.settings ?? {},
    })
    .returning({ id: plans.id });
  return plan!.id;
}

const VERBS = ['Xây dựng', 'Nâng cấp', 'Triển khai', 'Duy trì, vận hành', 'Số hóa', 'Kiện toàn', 'Đào tạo, bồi dưỡng về', 'Rà soát, chuẩn hóa', 'Tích hợp, kết nối'];
const OBJECTS = [
  'hệ thống quản lý văn bản và điều hành',
  'cơ sở dữ liệu đất đai',
  'Cổng dịch vụ công trực tuyến',
  'mạng truyền số liệu chuyên dùng',
  'hệ thống thông tin giải quyết thủ tục hành chính',
  'hệ thống hội nghị truyền hình trực tuyến',
  'cơ sở dữ liệu cán bộ, công chức, viên chức',
  'nền tảng chia sẻ, tích hợp dữ liệu (LGSP)',
  'hồ sơ sức khỏe điện tử',
  'hệ thống camera giám sát an ninh',
  'kho dữ liệu dùng chung của tỉnh',
  'trung tâm giám sát, điều hành đô thị thông minh',
];
const SECTIONS = [
  'Phát triển hạ tầng số',
  'Phát triển dữ liệu số',
  'Phát triển nền tảng, ứng dụng chính quyền số',
  'Bảo đảm an toàn, an ninh mạng',
  'Phát triển nguồn nhân lực số',
];
const ROMAN = ['I', 'II', 'III', 'IV', 'V'];
const FUNDING_TEXTS: [string, FundingSource[]][] = [
  ['Ngân sách tỉnh', ['province']],
  ['Ngân sách tỉnh, huyện', ['province', 'district']],
  ['Ngân sách trung ương', ['central']],
  ['Xã hội hóa', ['socialized']],
  ['', []],
];
const KINDS: [string, TaskKind][] = [
  ['Nhiệm vụ mới', 'new'],
  ['Nhiệm vụ chuyển tiếp', 'carried_over'],
  ['Nhiệm vụ thường xuyên', 'recurring'],
];

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
/** 1200.5 → "1.200,5", as Vietnamese documents write amounts. */
const vnNumber = (n: number) => {
  const [int, frac] = n.toFixed(1).split('.') as [string, string];
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${frac === '0' ? '' : `,${frac}`}`;
};

/**
 * A plan appendix of `count` tasks as a province publishes it: five Roman-numbered sections, STT
 * restarting in each, one lead agency per row (by its full name), up to two coordinating agencies,
 * a timeframe inside 2026–2030, funding text and an amount in triệu đồng.
 */
export function planCsv(opts: { count: number; leads: BenchAgency[]; seed: number; label: string }): string {
  const r = rng(opts.seed);
  const header = ['STT', 'Tên nhiệm vụ, dự án', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Loại nhiệm vụ', 'Thời gian thực hiện', 'Nguồn vốn', 'Kinh phí (triệu đồng)', 'Ghi chú'];
  const lines = [header.map(csvCell).join(',')];
  const perSection = Math.ceil(opts.count / SECTIONS.length);
  for (let i = 0; i < opts.count; i++) {
    if (i % perSection === 0) {
      const s = Math.floor(i / perSection);
      lines.push([ROMAN[s]!, SECTIONS[s]!, '', '', '', '', '', '', ''].map(csvCell).join(','));
    }
    const lead = opts.leads[i % opts.leads.length]!;
    const others = opts.leads.filter((a) => a.code !== lead.code);
    const coordinating = Array.from({ length: Math.floor(r() * 3) }, () => pick(r, others).name);
    const from = 2026 + Math.floor(r() * 3);
    const timeframe = pick(r, [`${from}`, `${from}-${from + 1 + Math.floor(r() * 2)}`, `Quý ${pick(r, ['II', 'III', 'IV'])}/${from + 1}`, `Năm ${from + 1}`]);
    const [fundingText] = pick(r, FUNDING_TEXTS);
    lines.push(
      [
        String((i % perSection) + 1),
        `${pick(r, VERBS)} ${pick(r, OBJECTS)} (${opts.label}, mục ${i + 1})`,
        lead.name,
        [...new Set(coordinating)].join(', '),
        pick(r, KINDS)[0],
        timeframe,
        fundingText,
        fundingText ? vnNumber(Math.round(r() * 50_000) / 10) : '',
        r() < 0.3 ? 'Theo Quyết định giao dự toán hằng năm' : '',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The working-day calendar as the workflows load it, for reminder plans computed here. */
export async function workingCalendar(db: Db, fromYear: number, toYear: number): Promise<WorkingCalendar> {
  return new WorkingCalendar(await createCalendarActivities({ db }).loadCalendar({ fromYear, toYear }));
}

/**
 * Rows of `assigned` tasks, not yet started (lastSeq 0), as an import or the API inserts them before
 * their workflows start. Leads rotate over `leads`.
 */
export async function insertAssignedTasks(
  db: Db,
  opts: { planId: string; count: number; leads: BenchAgency[]; dueDate: string | ((i: number) => string); startDate: string; label: string; coordinating?: boolean },
): Promise<string[]> {
  const ids: string[] = [];
  const rows: (typeof tasks.$inferInsert)[] = [];
  for (let i = 0; i < opts.count; i++) {
    const id = randomUUID();
    ids.push(id);
    const lead = opts.leads[i % opts.leads.length]!;
    const dueDate = typeof opts.dueDate === 'string' ? opts.dueDate : opts.dueDate(i);
    const title = `${VERBS[i % VERBS.length]} ${OBJECTS[i % OBJECTS.length]} (${opts.label}, mục ${i + 1})`;
    rows.push({
      id,
      planId: opts.planId,
      position: i + 1,
      title,
      titleSearch: searchableText(title),
      leadAgencyCode: lead.code,
      coordinatingAgencyCodes: opts.coordinating ? [opts.leads[(i + 1) % opts.leads.length]!.code] : [],
      kind: 'new',
      startDate: opts.startDate,
      dueDate,
      originalDueDate: dueDate,
      currentDueDate: dueDate,
    });
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insert(tasks).values(rows.slice(i, i + 1000));
  return ids;
}

/** How many tasks of the plan have been projected by a running workflow that reached its first timer. */
export function countSettled(db: Db, planId: string): Promise<number> {
  // A workflow projects its created event (last_seq 1), then its reminder plan before its first timer.
  return db.$count(tasks, and(eq(tasks.planId, planId), gte(tasks.lastSeq, 1), sql`${tasks.reminderPlan} <> '[]'::jsonb`));
}

const STATUS_MIX: [TaskStatus, number][] = [
  ['assigned', 0.2],
  ['in_progress', 0.45],
  ['completion_submitted', 0.05],
  ['completed', 0.25],
  ['cancelled', 0.05],
];

/**
 * A plan's tasks as years of work leave them in the read model: every status, due dates from 2022 to
 * 2030 (so a share is overdue), acknowledgements, progress, completions on time and late, funding with
 * amounts, and the reminder plan each open one's workflow projected. Inserted directly: the cases that
 * use them read the read model only.
 */
export async function insertProjectedTasks(db: Db, opts: { planId: string; count: number; leads: BenchAgency[]; seed: number; now: number }): Promise<string[]> {
  const r = rng(opts.seed);
  const cal = await workingCalendar(db, 2021, 2031);
  const ids: string[] = [];
  const rows: (typeof tasks.$inferInsert)[] = [];
  const perSection = Math.ceil(opts.count / SECTIONS.length);
  for (let i = 0; i < opts.count; i++) {
    const id = randomUUID();
    ids.push(id);
    const lead = opts.leads[i % opts.leads.length]!;
    let x = r();
    let status: TaskStatus = 'assigned';
    for (const [s, share] of STATUS_MIX) {
      if (x < share) {
        status = s;
        break;
      }
      x -= share;
    }
    const startYear = 2021 + Math.floor(r() * 5);
    const startDate = `${startYear}-01-01`;
    // Due in a later year of the plan period (to 2030), never before the task starts.
    const dueDate = addDays(`${startYear + 1 + Math.floor(r() * (2030 - startYear))}-01-01`, Math.floor(r() * 365));
    const assignedAt = atLocalHour(startDate, 9);
    const acknowledgedAt = status === 'assigned' ? null : new Date(assignedAt + (1 + Math.floor(r() * 10)) * 86_400_000);
    const finishedOn = addDays(dueDate, Math.floor(r() * 60) - 40);
    const finishedAt = new Date(Math.min(atLocalHour(finishedOn, 15), opts.now - 86_400_000));
    const submittedAt = status === 'completion_submitted' || status === 'completed' ? finishedAt : null;
    const [fundingText, sources] = pick(r, FUNDING_TEXTS);
    const amount = Math.round(r() * 50_000) / 10;
    const funding: Funding | null = fundingText ? { text: fundingText, sources, amounts: r() < 0.5 ? { total: amount } : { recurrent: amount, investment: Math.round(amount / 2) } } : null;
    const open = status === 'assigned' || status === 'in_progress';
    const title = `${pick(r, VERBS)} ${pick(r, OBJECTS)} (mục ${i + 1})`;
    // Drawn in the order they always were, so a seed gives the same plan as before.
    const coordinatingAgencyCodes = [...new Set(Array.from({ length: Math.floor(r() * 3) }, () => pick(r, opts.leads).code))].filter((c) => c !== lead.code);
    const kind = pick(r, KINDS)[1];
    // A recurring task has reported every year before this one (domain/deadline judges it by this year's report).
    const yearly = yearlyReportsFor({ kind, isGroup: false }, '12-20', startDate);
    if (yearly) for (let y = startYear; y < Number(localDate(opts.now).slice(0, 4)); y++) yearly.reported.push(y);
    const subject = { status, isGroup: false, assignedAt: new Date(assignedAt).toISOString(), kind, startDate, dueDate, yearly, deadlineSetAt: new Date(assignedAt).toISOString() };
    const s = Math.floor(i / perSection);
    rows.push({
      id,
      planId: opts.planId,
      position: i + 1,
      sectionCode: ROMAN[s] ?? null,
      section: SECTIONS[s] ?? null,
      number: String((i % perSection) + 1),
      title,
      titleSearch: searchableText(title),
      leadAgencyCode: lead.code,
      leadAgencyText: lead.name,
      coordinatingAgencyCodes,
      kind,
      startDate,
      dueDate,
      originalDueDate: r() < 0.1 ? addDays(dueDate, -90) : dueDate,
      currentDueDate: currentDueDate(subject),
      timeframeText: `${startDate.slice(0, 4)}-${dueDate.slice(0, 4)}`,
      funding,
      note: r() < 0.3 ? 'Theo Quyết định giao dự toán hằng năm' : null,
      status,
      progress: status === 'completed' ? 100 : status === 'assigned' ? 0 : Math.floor(r() * 95),
      acknowledgedAt,
      submittedAt,
      completedAt: status === 'completed' ? new Date(finishedAt.getTime() + 2 * 86_400_000) : null,
      cancelledAt: status === 'cancelled' ? finishedAt : null,
      reminderPlan: open ? decideReminders(subject, DEFAULT_REMINDER_POLICY, cal, opts.now, new Set()).upcoming : [],
      lastSeq: status === 'assigned' ? 1 : 2 + Math.floor(r() * 8),
      createdAt: new Date(assignedAt),
    });
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insert(tasks).values(rows.slice(i, i + 1000));
  return ids;
}
