/**
 * The authorisation matrix (issue 10): every endpoint in `allRoutes`, called by every kind of caller,
 * against the real stack. The expected status of each call is written in the table below, keyed by
 * `METHOD path`; an endpoint missing from the table fails ("route added without a rule"), and the
 * table is checked against each route's declared `auth` and `agencyScope`, so neither can drift from
 * the other unnoticed.
 *
 * Each call is a minimal valid request, so a permitted caller gets the route's success status and
 * a refused one is refused for who it is, not for what it sent. Refused callers go first; commands
 * that consume a task's state get a fresh task.
 *
 * The Temporal dev server (not the time-skipping one) runs here: creating a plan creates its yearly
 * Schedule, which the test server does not implement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../api/routes';
import type { RouteSpec } from '../../api/route';
import { agencies, annualCycles, calendarDays, importJobs, outbox, users } from '../../db/schema';
import { createAnnualReportActivities } from '../../activities/annual-report';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createLinkSigner, loadLinkSecret } from '../../runtime/links';
import { createSignInLinkSigner } from '../../runtime/sign-in-links';
import { startStack, type ApiResponse, type TestStack } from '../helpers/stack';
import { testConfig } from '../helpers/temporal';
import { assignTask, command, expectErrorEnvelope, LEAD, OTHER, PARTNER, seedWorld, type World } from './helpers';

const CALLERS = ['none', 'admin', 'coordinator', 'viewer', 'lead', 'partner', 'other'] as const;
type Caller = (typeof CALLERS)[number];
/** Expected status per caller, in the order of CALLERS. */
type Row = readonly [none: number, admin: number, coordinator: number, viewer: number, lead: number, partner: number, other: number];

interface Call {
  /** Values for path parameters that differ from the shared fixtures (a fresh task, a request id…). */
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  rawBody?: string | FormData;
  headers?: Record<string, string>;
}

interface Rule {
  expect: Row;
  /** The minimal valid request; may create the fixture it consumes (for `perCaller`, the caller's own). */
  call?(caller?: Caller): Promise<Call> | Call;
  /** For a route everyone may call but whose answer is limited to the caller's agency. */
  filtered?(caller: Caller, res: ApiResponse): void | Promise<void>;
  /** Build the request anew for each caller: a single-use resource (a mail link) is spent by the first. */
  perCaller?: boolean;
  /** Bookkeeping after a permitted call: a rotated token replaces the caller's for the rest of the table. */
  after?(caller: Caller, res: ApiResponse): void;
}

const CYCLE_YEAR = 2026;
let stack: TestStack;
let world: World;
/** The shared fixtures that fill path parameters. */
const fx = {
  taskId: '',
  userId: '',
  jobId: '',
  messageId: '',
  attachmentId: '',
  holiday: '2031-06-10',
  agencyToEdit: 'SXD',
  agencyToMerge: 'SGTVT',
  agencyMergedInto: 'SGTVT-MOI',
};

const freshTask = async () => (await assignTask(stack, world)).id;

/**
 * The table. Columns: no token · admin · coordinator · viewer · lead agency of the task (Sở TTTT) ·
 * its coordinating agency (Sở Tài chính) · an unrelated agency (Sở Nội vụ).
 */
const RULES: Record<string, Rule> = {
  // ---- system ----
  'GET /healthz': { expect: [200, 200, 200, 200, 200, 200, 200] },

  // ---- users ----
  'POST /api/users': {
    expect: [401, 201, 403, 403, 403, 403, 403],
    call: () => ({ body: { name: 'Phạm Thị Mới', email: `moi${Date.now()}@example.gov.vn`, role: 'viewer' } }),
  },
  'GET /api/users': { expect: [401, 200, 403, 403, 403, 403, 403] },
  'GET /api/users/:id': { expect: [401, 200, 403, 403, 403, 403, 403] },
  // Account actions on an account of their own, never on a caller of the table.
  'POST /api/users/:id/disable': { expect: [401, 200, 403, 403, 403, 403, 403], call: async () => ({ params: { id: await throwawayUser() } }) },
  'POST /api/users/:id/enable': { expect: [401, 200, 403, 403, 403, 403, 403], call: async () => ({ params: { id: await throwawayUser() } }) },
  'POST /api/users/:id/token': { expect: [401, 200, 403, 403, 403, 403, 403], call: async () => ({ params: { id: await throwawayUser() } }) },
  'DELETE /api/users/:id/token': { expect: [401, 200, 403, 403, 403, 403, 403], call: async () => ({ params: { id: await throwawayUser() } }) },
  'POST /api/users/:id/sign-in-link': { expect: [401, 201, 403, 403, 403, 403, 403], call: async () => ({ params: { id: await throwawayUser() } }) },
  'GET /api/me': { expect: [401, 200, 200, 200, 200, 200, 200] },
  // Everyone may rotate their own token: the new one replaces the caller's for the rest of the table.
  'POST /api/me/token': {
    expect: [401, 200, 200, 200, 200, 200, 200],
    after(caller, res) {
      if (caller !== 'none') world.tokens[caller] = res.body.token;
    },
  },

  // ---- plans ----
  'GET /api/plans': { expect: [401, 403, 200, 200, 200, 200, 200] },
  'POST /api/plans': {
    expect: [401, 403, 201, 403, 403, 403, 403],
    call: () => ({
      body: {
        code: 'KH-MATRIX-01',
        title: 'Kế hoạch chuyển đổi số năm 2027',
        documentNumber: '15/KH-UBND',
        issuedOn: '2027-01-10',
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        coordinatorAgencyCode: 'VPUBND',
      },
    }),
  },
  'GET /api/plans/:id': { expect: [401, 403, 200, 200, 200, 200, 200] },
  'PATCH /api/plans/:id': { expect: [401, 403, 200, 403, 403, 403, 403], call: () => ({ body: { issuer: 'UBND tỉnh Sơn La' } }) },
  'GET /api/plans/:id/stats': { expect: [401, 403, 200, 200, 403, 403, 403] },
  'GET /api/plans/:id/leadership': { expect: [401, 403, 200, 403, 403, 403, 403] },

  // ---- agencies ----
  'GET /api/agencies/resolve': { expect: [401, 200, 200, 403, 403, 403, 403], call: () => ({ query: `name=${encodeURIComponent('Sở TTTT, UBND các huyện, thành phố')}` }) },
  'GET /api/agencies': { expect: [401, 200, 200, 200, 200, 200, 200] },
  'GET /api/agencies/:code': { expect: [401, 200, 200, 200, 200, 200, 200] },
  'POST /api/agencies': {
    expect: [401, 201, 403, 403, 403, 403, 403],
    call: () => ({ body: { code: 'SDL', name: 'Sở Du lịch', kind: 'department', emails: ['vanthu@sdl.example.gov.vn'] } }),
  },
  'PATCH /api/agencies/:code': { expect: [401, 200, 403, 403, 403, 403, 403], call: () => ({ params: { code: fx.agencyToEdit }, body: { shortName: 'Sở XD' } }) },
  'POST /api/agencies/:code/merge': {
    expect: [401, 202, 403, 403, 403, 403, 403],
    call: () => ({ params: { code: fx.agencyToMerge }, body: { into: fx.agencyMergedInto, effectiveDate: '2026-12-01' } }),
  },

  // ---- calendar ----
  'GET /api/calendar/holidays': { expect: [401, 200, 200, 200, 200, 200, 200], call: () => ({ query: 'year=2026' }) },
  'POST /api/calendar/holidays': { expect: [401, 201, 403, 403, 403, 403, 403], call: () => ({ body: { date: '2031-06-11', kind: 'off', name: 'Nghỉ bù' } }) },
  'DELETE /api/calendar/holidays/:date': { expect: [401, 204, 403, 403, 403, 403, 403] },

  // ---- tasks ----
  'POST /api/plans/:id/tasks': {
    expect: [401, 403, 201, 403, 403, 403, 403],
    call: () => ({ body: { title: 'Số hóa hồ sơ lưu trữ', leadAgency: LEAD, coordinatingAgencies: [PARTNER], dueDate: '2027-09-30' } }),
  },
  'GET /api/tasks': {
    expect: [401, 403, 200, 200, 200, 200, 200],
    filtered(caller, res) {
      const ids = (res.body.items as { id: string; leadAgency: string; coordinatingAgencies: string[] }[]).map((t) => t.id);
      // Sở Nội vụ neither leads nor coordinates the task: it must not see it.
      if (caller === 'other') expect(ids).not.toContain(fx.taskId);
      else expect(ids).toContain(fx.taskId);
      if (caller === 'other' || caller === 'lead' || caller === 'partner') {
        const code = { lead: LEAD, partner: PARTNER, other: OTHER }[caller];
        for (const t of res.body.items) expect([t.leadAgency, ...t.coordinatingAgencies]).toContain(code);
      }
    },
  },
  'GET /api/tasks/export': {
    expect: [401, 403, 200, 200, 200, 200, 200],
    // A workbook: its rows must be exactly the tasks the list gives the same caller (filtered above).
    async filtered(caller) {
      const res = await fetch(`${stack.url}/api/tasks/export`, { headers: { authorization: `Bearer ${tokenOf(caller)}` } });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const exported: string[] = [];
      wb.worksheets[0]!.eachRow((row, n) => n > 1 && exported.push(String(row.getCell(4).value)));
      expect(exported).toEqual(await listedTitles(caller));
    },
  },
  'GET /api/tasks/:id': { expect: [401, 403, 200, 200, 200, 200, 403] },
  'GET /api/tasks/:id/reminders': { expect: [401, 403, 200, 200, 200, 200, 403] },
  'PATCH /api/tasks/:id': { expect: [401, 403, 200, 403, 403, 403, 403], call: async () => ({ params: { id: await freshTask() }, body: { title: 'Xây dựng Trung tâm dữ liệu tỉnh (giai đoạn 2)' } }) },
  'POST /api/tasks/:id/acknowledge': { expect: [401, 403, 403, 403, 200, 403, 403], call: async () => ({ params: { id: await freshTask() } }) },
  'POST /api/tasks/:id/progress': { expect: [401, 403, 403, 403, 200, 403, 403], call: async () => ({ params: { id: await freshTask() }, body: { percent: 30, note: 'Đã khảo sát' } }) },
  'POST /api/tasks/:id/completion': {
    expect: [401, 403, 403, 403, 200, 403, 403],
    async call() {
      const id = await freshTask();
      await command(stack, world.tokens.lead, id, 'acknowledge');
      return { params: { id }, body: { note: 'Đã hoàn thành' } };
    },
  },
  'POST /api/tasks/:id/contributions': { expect: [401, 403, 403, 403, 403, 201, 403], call: async () => ({ params: { id: await freshTask() }, body: { note: 'Đã bố trí kinh phí' } }) },
  'POST /api/tasks/:id/extension-requests': {
    expect: [401, 403, 403, 403, 201, 403, 403],
    call: async () => ({ params: { id: await freshTask() }, body: { newDueDate: '2027-12-31', reason: 'Chờ phân bổ vốn' } }),
  },
  'POST /api/tasks/:id/extension-requests/:rid/decision': {
    expect: [401, 403, 200, 403, 403, 403, 403],
    async call() {
      const id = await freshTask();
      const requested = await command(stack, world.tokens.lead, id, 'extension-requests', { newDueDate: '2027-12-31', reason: 'Chờ phân bổ vốn' });
      return { params: { id, rid: requested.body.requestId }, body: { approve: true, note: 'Đồng ý' } };
    },
  },
  'POST /api/tasks/:id/acceptance': {
    expect: [401, 403, 200, 403, 403, 403, 403],
    async call() {
      const id = await freshTask();
      await command(stack, world.tokens.lead, id, 'acknowledge');
      await command(stack, world.tokens.lead, id, 'completion', {});
      return { params: { id }, body: {} };
    },
  },
  'POST /api/tasks/:id/return': {
    expect: [401, 403, 200, 403, 403, 403, 403],
    async call() {
      const id = await freshTask();
      await command(stack, world.tokens.lead, id, 'acknowledge');
      await command(stack, world.tokens.lead, id, 'completion', {});
      return { params: { id }, body: { reason: 'Thiếu biên bản nghiệm thu' } };
    },
  },
  'POST /api/tasks/:id/cancel': { expect: [401, 403, 200, 403, 403, 403, 403], call: async () => ({ params: { id: await freshTask() }, body: { reason: 'Không còn phù hợp' } }) },
  'POST /api/tasks/:id/reassign': { expect: [401, 403, 200, 403, 403, 403, 403], call: async () => ({ params: { id: await freshTask() }, body: { leadAgency: 'SKHCN' } }) },
  // The discussion: the coordinator and the task's agencies, not leadership.
  'POST /api/tasks/:id/comments': { expect: [401, 403, 201, 403, 201, 201, 403], call: () => ({ body: { text: 'Đề nghị các đơn vị phối hợp chặt chẽ.' } }) },

  // ---- evidence files ----
  // A multipart body is read once: each caller sends its own.
  'POST /api/tasks/:id/attachments': { expect: [401, 403, 201, 403, 201, 201, 403], perCaller: true, call: () => ({ rawBody: pdfForm() }) },
  'GET /api/tasks/:id/attachments': { expect: [401, 403, 200, 200, 200, 200, 403] },
  'GET /api/attachments/:id': { expect: [401, 403, 200, 200, 200, 200, 403] },
  // Each caller meets a fresh, uncited file: its own agency's for a clerk of the task, the lead's otherwise.
  'DELETE /api/attachments/:id': {
    expect: [401, 403, 204, 403, 204, 204, 403],
    perCaller: true,
    async call(caller) {
      const uploader = caller === 'partner' ? world.tokens.partner : world.tokens.lead;
      const uploaded = await stack.request('POST', `/api/tasks/${fx.taskId}/attachments`, { token: uploader, rawBody: pdfForm() });
      expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
      return { params: { id: uploaded.body.id } };
    },
  },

  // ---- import ----
  'POST /api/plans/:id/import': {
    expect: [401, 403, 200, 403, 403, 403, 403],
    call: () => ({
      query: 'dryRun=true',
      rawBody: 'STT,Tên nhiệm vụ,Đơn vị chủ trì,Thời gian thực hiện\n1,Triển khai chữ ký số,Sở Thông tin và Truyền thông,2027\n',
      headers: { 'content-type': 'text/csv' },
    }),
  },
  'GET /api/plans/:id/imports/:jobId': { expect: [401, 403, 200, 403, 403, 403, 403] },
  // A coordinator resolving a name an appendix used; each call a new name, so each is a new alias.
  'POST /api/plans/:id/import/agency-names': { expect: [401, 403, 200, 403, 403, 403, 403], call: () => ({ body: { text: `Sở Xây dựng ${Math.random().toString(36).slice(2, 8)}`, agencyCode: 'SXD' } }) },

  // ---- annual reports ----
  'GET /api/plans/:id/annual-cycles': { expect: [401, 403, 200, 200, 403, 403, 403] },
  'POST /api/plans/:id/annual-cycles': { expect: [401, 403, 201, 403, 403, 403, 403], call: () => ({ body: { year: 2025 } }) },
  'GET /api/plans/:id/annual-cycles/:year': {
    expect: [401, 403, 200, 200, 200, 200, 200],
    filtered(caller, res) {
      const codes = (res.body.agencies as { code: string }[]).map((a) => a.code);
      if (caller === 'lead') expect(codes).toEqual([LEAD]);
      // Agencies not asked to report see no line at all, and never another agency's.
      if (caller === 'partner' || caller === 'other') expect(codes).toEqual([]);
      if (caller === 'coordinator' || caller === 'viewer') expect(codes).toContain(LEAD);
    },
  },
  'POST /api/plans/:id/annual-cycles/:year/reports': {
    expect: [401, 403, 403, 403, 201, 403, 403],
    // The report names the task Sở TTTT leads: only Sở TTTT may report on it.
    call: () => ({ body: { summary: 'Đã triển khai đúng tiến độ.', tasks: [{ taskId: fx.taskId, percent: 40, note: 'Đã lắp đặt thiết bị' }] } }),
  },
  'GET /api/plans/:id/annual-cycles/:year/report': { expect: [401, 403, 200, 200, 403, 403, 403] },

  // ---- mail ----
  'GET /api/outbox': { expect: [401, 403, 200, 403, 403, 403, 403] },
  'GET /api/outbox/:id': { expect: [401, 403, 200, 403, 403, 403, 403] },

  // ---- one-click links: the signed token is the credential, whoever (if anyone) is signed in ----
  'GET /l/:token': { expect: [200, 200, 200, 200, 200, 200, 200], perCaller: true, call: async () => ({ params: { token: await ackLink() } }) },
  'POST /l/:token': { expect: [200, 200, 200, 200, 200, 200, 200], perCaller: true, call: async () => ({ params: { token: await ackLink() } }) },

  // ---- administration ----
  'GET /api/admin/verify': { expect: [401, 200, 403, 403, 403, 403, 403] },
  'GET /api/audit-log': { expect: [401, 200, 403, 403, 403, 403, 403], call: () => ({ query: 'action=user&limit=5' }) },

  // ---- signing in: public, whoever (if anyone) is signed in ----
  'GET /api/auth/options': { expect: [200, 200, 200, 200, 200, 200, 200] },
  // No SMTP_URL on this stack: the answer says to ask an administrator, to everyone alike.
  'POST /api/auth/sign-in-links': { expect: [409, 409, 409, 409, 409, 409, 409], call: () => ({ body: { email: 'lanhdao@sonla.example.gov.vn' } }) },
  'POST /api/auth/sessions': { expect: [201, 201, 201, 201, 201, 201, 201], perCaller: true, call: async () => ({ body: { link: (await signInSigner.sign(fx.userId)).token } }) },
  'DELETE /api/auth/session': { expect: [401, 204, 204, 204, 204, 204, 204] },
  // OpenID Connect is not configured on this stack: the same 404 page for everyone (tests/api/oidc.test.ts covers it configured).
  'GET /auth/oidc/start': { expect: [404, 404, 404, 404, 404, 404, 404] },
  'GET /auth/oidc/callback': { expect: [404, 404, 404, 404, 404, 404, 404], call: () => ({ query: 'code=abc&state=def' }) },
};

/** A small PDF as a browser uploads it. */
function pdfForm(): FormData {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'bien-ban.pdf');
  return form;
}

const linkSigner = createLinkSigner(loadLinkSecret(testConfig));
const signInSigner = createSignInLinkSigner(loadLinkSecret(testConfig));
let throwaways = 0;
/** An account no caller of the table uses, for the account actions to act on. */
const throwawayUser = async () => {
  const email = `tam${++throwaways}@example.gov.vn`;
  await stack.user({ role: 'viewer', name: `Tài khoản tạm ${throwaways}`, email });
  const [row] = await stack.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
};
/** A fresh task's acknowledgement link, as its lead agency's mail carries it. */
const ackLink = async () => linkSigner.sign({ purpose: 'ack', taskId: await freshTask(), agencyCode: LEAD });

const routeKey = (r: Pick<RouteSpec, 'method' | 'path'>) => `${r.method.toUpperCase()} ${r.path}`;

/** Path parameters from the shared fixtures, by name and by the resource the path is about. */
function fillPath(path: string, overrides: Record<string, string> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    if (overrides[name] !== undefined) return encodeURIComponent(overrides[name]);
    const shared: Record<string, string | undefined> = {
      id: {
        plans: world.planId,
        tasks: fx.taskId,
        users: fx.userId,
        outbox: fx.messageId,
        attachments: fx.attachmentId,
      }[path.split('/')[2] ?? ''],
      code: LEAD,
      jobId: fx.jobId,
      year: String(CYCLE_YEAR),
      date: fx.holiday,
    };
    const value = shared[name];
    if (!value) throw new Error(`No fixture for :${name} in ${path}: add one to the authorisation matrix.`);
    return encodeURIComponent(value);
  });
}

const tokenOf = (caller: Caller): string | undefined => (caller === 'none' ? undefined : world.tokens[caller]);

/** The titles of every task `GET /api/tasks` lists for the caller, page after page. */
async function listedTitles(caller: Caller): Promise<string[]> {
  const titles: string[] = [];
  for (let cursor: string | null = ''; cursor !== null; ) {
    const page: ApiResponse = await stack.request('GET', `/api/tasks?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { token: tokenOf(caller) });
    titles.push(...(page.body.items as { title: string }[]).map((t) => t.title));
    cursor = page.body.nextCursor;
  }
  return titles;
}
const allowed = (status: number) => status !== 401 && status !== 403 && status < 500;

beforeAll(async () => {
  stack = await startStack({ label: 'authz_matrix', temporal: 'local', app: { authFailuresPerWindow: 10_000 } });
  world = await seedWorld(stack);
  const { db } = stack.database;
  fx.taskId = (await assignTask(stack, world)).id;
  const uploaded = await stack.request('POST', `/api/tasks/${fx.taskId}/attachments`, { token: world.tokens.lead, rawBody: pdfForm() });
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
  fx.attachmentId = uploaded.body.id;
  const [someone] = await db.select({ id: users.id }).from(users).where(eq(users.name, 'Lãnh đạo UBND tỉnh'));
  fx.userId = someone!.id;
  await db.insert(agencies).values([
    { code: fx.agencyToEdit, name: 'Sở Xây dựng', shortName: 'Sở XD', kind: 'department', emails: [] },
    { code: fx.agencyToMerge, name: 'Sở Giao thông vận tải', shortName: 'Sở GTVT', kind: 'department', emails: [] },
    { code: fx.agencyMergedInto, name: 'Sở Xây dựng và Giao thông', shortName: 'Sở XD-GT', kind: 'department', emails: [] },
  ]);
  await db.insert(calendarDays).values({ date: fx.holiday, kind: 'off', name: 'Nghỉ bù (điều chỉnh)', source: 'admin' });
  const [job] = await db
    .insert(importJobs)
    .values({ planId: world.planId, fileName: 'phu-luc.csv', fileSha256: 'a'.repeat(64), rowCount: 3, taskCount: 1, status: 'started', startedCount: 1 })
    .returning({ id: importJobs.id });
  fx.jobId = job!.id;
  const [message] = await db
    .insert(outbox)
    .values({
      idempotencyKey: `matrix-${world.planId}`,
      kind: 'digest',
      recipient: `agency:${LEAD}`,
      recipientAgencyCode: LEAD,
      to: ['vanthu@stttt.example.gov.vn'],
      subject: '[Giao việc] Nhắc việc',
      text: 'Nhắc việc',
      html: '<p>Nhắc việc</p>',
      scheduledFor: new Date(),
      messageId: `<matrix-${world.planId}@giaoviec.test>`,
    })
    .returning({ id: outbox.id });
  fx.messageId = message!.id;
  // The year's cycle, opened and compiled by the product's own activities.
  const cycles = createAnnualReportActivities({ db });
  const opened = await cycles.openCycle({ planId: world.planId, year: CYCLE_YEAR });
  await cycles.compileCycle({ planId: world.planId, year: CYCLE_YEAR, version: opened.version + 1 });
  const [cycle] = await db.select({ status: annualCycles.status, agencyCodes: annualCycles.agencyCodes }).from(annualCycles).where(eq(annualCycles.planId, world.planId));
  expect(cycle).toEqual({ status: 'compiled', agencyCodes: [LEAD] });
});
afterAll(() => stack?.close());

describe('the table', () => {
  it('has a rule for every route (a route added without a rule fails here)', () => {
    const missing = allRoutes.map(routeKey).filter((k) => !(k in RULES));
    expect(missing, 'route added without a rule in tests/security/authorization-matrix.test.ts').toEqual([]);
  });

  it('has no rule for a route that no longer exists', () => {
    const known = new Set(allRoutes.map(routeKey));
    expect(Object.keys(RULES).filter((k) => !known.has(k))).toEqual([]);
  });

  it("agrees with each route's declared roles and agency scope", () => {
    const problems: string[] = [];
    for (const spec of allRoutes) {
      const rule = RULES[routeKey(spec)];
      if (!rule) continue;
      const at = (c: Caller) => rule.expect[CALLERS.indexOf(c)]!;
      const say = (c: Caller, what: string) => problems.push(`${routeKey(spec)} · ${c}: ${what}, table says ${at(c)}`);
      if (spec.auth === 'public') {
        for (const c of CALLERS) if (!allowed(at(c))) say(c, 'public route');
        continue;
      }
      if (at('none') !== 401) say('none', 'no token must be 401');
      for (const role of ['admin', 'coordinator', 'viewer'] as const) {
        if (spec.auth.includes(role) !== allowed(at(role))) say(role, spec.auth.includes(role) ? 'role is allowed' : 'role is not allowed (403)');
      }
      const agencyCallers = ['lead', 'partner', 'other'] as const;
      if (!spec.auth.includes('agency')) {
        for (const c of agencyCallers) if (at(c) !== 403) say(c, 'agencies are not allowed (403)');
        continue;
      }
      const own: Record<string, readonly Caller[]> = { 'lead-agency': ['lead'], 'coordinating-agency': ['partner'], 'own-agency': ['lead', 'partner'] };
      const scope = spec.agencyScope ?? 'none';
      for (const c of agencyCallers) {
        const mine = scope === 'none' || own[scope]!.includes(c);
        if (mine && !allowed(at(c))) say(c, `the agency is ${scope === 'none' ? 'allowed' : 'its own'}`);
        // Another agency's resource is refused, unless the route answers with the caller's own share only.
        if (!mine && at(c) !== 403 && !(rule.filtered && allowed(at(c)))) say(c, 'not its agency (403, or a filtered answer)');
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('every route × every caller', () => {
  for (const spec of allRoutes) {
    const key = routeKey(spec);
    it(key, async () => {
      const rule = RULES[key];
      if (!rule) throw new Error(`${key}: route added without a rule in the authorisation matrix`);
      const shared: Call = rule.perCaller ? {} : ((await rule.call?.()) ?? {});
      // Refused callers first: a permitted command may change the state the others would meet.
      const order = [...CALLERS].sort((a, b) => Number(allowed(rule.expect[CALLERS.indexOf(a)]!)) - Number(allowed(rule.expect[CALLERS.indexOf(b)]!)));
      const seen: string[] = [];
      for (const caller of order) {
        const expected = rule.expect[CALLERS.indexOf(caller)]!;
        const call: Call = rule.perCaller ? ((await rule.call?.(caller)) ?? {}) : shared;
        const path = fillPath(spec.path, call.params) + (call.query ? `?${call.query}` : '');
        const res = await stack.request(spec.method.toUpperCase(), path, { token: tokenOf(caller), body: call.body, rawBody: call.rawBody, headers: call.headers });
        seen.push(`${caller}=${res.status}`);
        expect(res.status, `${key} as ${caller}: ${JSON.stringify(res.body)?.slice(0, 400)}`).toBe(expected);
        if (expected >= 400 && !(spec.auth === 'public' && spec.path.startsWith('/auth/'))) {
          expectErrorEnvelope(res, `${key} as ${caller}`);
          if (expected === 401) expect(res.body.error.code).toBe('unauthorized');
          // The API says `forbidden`; a refusal by the task workflow's validator carries its domain type `Forbidden`.
          if (expected === 403) expect(res.body.error.code.toLowerCase()).toBe('forbidden');
        } else if (expected < 400) {
          await rule.filtered?.(caller, res);
          rule.after?.(caller, res);
        }
      }
      expect(seen).toHaveLength(CALLERS.length);
    });
  }
});

describe('beyond the table', () => {
  it('a bad or disabled token is refused like no token on every non-public route', async () => {
    // fx.userId is the viewer: its token stops working the moment the account is disabled.
    await stack.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, fx.userId));
    try {
      for (const spec of allRoutes.filter((r) => r.auth !== 'public')) {
        // Authentication comes first: any request id will do.
        const path = fillPath(spec.path, { rid: 'any-request' });
        for (const token of ['gv_not-a-real-token', world.tokens.viewer]) {
          const res = await stack.request(spec.method.toUpperCase(), path, { token, body: spec.method === 'get' || spec.method === 'delete' ? undefined : {} });
          expect(res.status, `${routeKey(spec)} with ${token === world.tokens.viewer ? 'a disabled user' : 'a bad token'}`).toBe(401);
        }
      }
    } finally {
      await stack.database.db.update(users).set({ disabledAt: null }).where(eq(users.id, fx.userId));
    }
  });

  it('an agency cannot list, or filter for, another agency’s tasks', async () => {
    const res = await stack.request('GET', `/api/tasks?agency=${LEAD}`, { token: world.tokens.other });
    expect(res.status).toBe(403);
    expectErrorEnvelope(res, 'agency filter');
    const byPlan = await stack.request('GET', `/api/tasks?plan=${world.planId}&limit=200`, { token: world.tokens.other });
    expect(byPlan.status).toBe(200);
    expect(byPlan.body.items).toEqual([]);
  });

  it('an agency may not report progress in a yearly report for a task it only coordinates', async () => {
    const res = await stack.request('POST', `/api/plans/${world.planId}/annual-cycles/${CYCLE_YEAR}/reports`, {
      token: world.tokens.partner,
      body: { summary: 'Báo cáo phối hợp', tasks: [{ taskId: fx.taskId, percent: 100 }] },
    });
    expect(res.status).toBe(403);
    const task = await stack.request('GET', `/api/tasks/${fx.taskId}`, { token: world.tokens.coordinator });
    expect(task.body.progress).not.toBe(100);
  });
});
