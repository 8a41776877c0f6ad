import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startStack, type TestStack } from '../helpers/stack';
import { calendarDays } from '../../db/schema';
import { seedCalendarDays } from '../../db/seed/calendar-days';
import { createCalendarActivities } from '../../activities/calendar';
import { ANNOUNCEMENTS, WorkingCalendar } from '../../domain/calendar';
import { today } from '../helpers/dates';

let stack: TestStack;
let viewer: string;
let coordinator: string;

beforeAll(async () => {
  stack = await startStack({ label: 'calendar' });
  viewer = await stack.user({ role: 'viewer' });
  coordinator = await stack.user({ role: 'coordinator' });
});
afterAll(() => stack?.close());

const list = async (year: number, token = viewer) => {
  const res = await stack.request('GET', `/api/calendar/holidays?year=${year}`, { token });
  expect(res.status).toBe(200);
  return res.body.items as { date: string; kind: string; name: string; source: string }[];
};
const day = async (date: string) => (await list(Number(date.slice(0, 4)))).find((d) => d.date === date);

describe('GET /api/calendar/holidays', () => {
  it("lists a year's holidays, make-up days and swaps to any signed-in role", async () => {
    const items = await list(2026);
    // Tết Bính Ngọ (9441/TB-BNV), Giỗ Tổ on Sunday 26/4 made up on Monday 27/4, Saturday 10/1 worked (12729/VPCP-KGVX).
    expect(items).toContainEqual(expect.objectContaining({ date: '2026-02-17', kind: 'holiday', source: 'decree' }));
    expect(items).toContainEqual(expect.objectContaining({ date: '2026-04-27', kind: 'off', source: 'law' }));
    expect(items).toContainEqual(expect.objectContaining({ date: '2026-01-10', kind: 'work', source: 'decree' }));
    expect(items.map((d) => d.date)).toEqual([...items.map((d) => d.date)].sort());
    // No plain weekend is listed.
    expect(items.find((d) => d.date === '2026-03-07')).toBeUndefined();
    const byCoordinator = await stack.request('GET', '/api/calendar/holidays?year=2026', { token: coordinator });
    expect(byCoordinator.body.items).toEqual(items);
  });

  it('defaults to the current year in Asia/Ho_Chi_Minh', async () => {
    const res = await stack.request('GET', '/api/calendar/holidays', { token: viewer });
    expect(res.status).toBe(200);
    expect(res.body.year).toBe(Number(today().slice(0, 4)));
  });

  it('needs a token, and a year that is a number', async () => {
    expect((await stack.request('GET', '/api/calendar/holidays?year=2026')).status).toBe(401);
    const bad = await stack.request('GET', '/api/calendar/holidays?year=hai-nghin', { token: viewer });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([{ field: 'query.year', message: expect.any(String) }]);
  });
});

describe('amending the calendar', () => {
  it('lets an admin add a day off, which the API and the workflows then see', async () => {
    const res = await stack.request('POST', '/api/calendar/holidays', {
      token: stack.adminToken,
      body: { date: '2026-03-04', kind: 'off', name: 'Nghỉ theo quyết định của Chủ tịch UBND tỉnh' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ date: '2026-03-04', kind: 'off', name: 'Nghỉ theo quyết định của Chủ tịch UBND tỉnh', source: 'admin' });
    expect(await day('2026-03-04')).toEqual({ date: '2026-03-04', kind: 'off', name: 'Nghỉ theo quyết định của Chủ tịch UBND tỉnh', source: 'admin' });

    // The activity workflows call reads it, and a calendar built from its answer skips the day.
    const { loadCalendar } = createCalendarActivities({ db: stack.database.db });
    const data = await loadCalendar({ fromYear: 2026, toYear: 2026 });
    expect(data.amendments).toContainEqual({ date: '2026-03-04', kind: 'off', name: 'Nghỉ theo quyết định của Chủ tịch UBND tỉnh', source: 'admin' });
    expect(new WorkingCalendar(data).addWorkingDays('2026-03-03', 1)).toBe('2026-03-05');
    expect((await loadCalendar({ fromYear: 2027, toYear: 2028 })).amendments.find((a) => a.date === '2026-03-04')).toBeUndefined();
  });

  it('replaces an earlier amendment of the same date', async () => {
    const body = { date: '2026-03-05', kind: 'off', name: 'Nghỉ lần 1' };
    expect((await stack.request('POST', '/api/calendar/holidays', { token: stack.adminToken, body })).status).toBe(201);
    expect((await stack.request('POST', '/api/calendar/holidays', { token: stack.adminToken, body: { ...body, kind: 'work', name: 'Đi làm' } })).status).toBe(201);
    expect(await day('2026-03-05')).toEqual({ date: '2026-03-05', kind: 'work', name: 'Đi làm', source: 'admin' });
  });

  it('is for admins only', async () => {
    const body = { date: '2026-03-06', kind: 'off', name: 'Nghỉ' };
    expect((await stack.request('POST', '/api/calendar/holidays', { token: coordinator, body })).status).toBe(403);
    expect((await stack.request('DELETE', '/api/calendar/holidays/2026-03-04', { token: viewer })).status).toBe(403);
    expect((await stack.request('POST', '/api/calendar/holidays', { body })).status).toBe(401);
  });

  it('422 names every invalid field', async () => {
    const res = await stack.request('POST', '/api/calendar/holidays', { token: stack.adminToken, body: { date: '2026-02-30', kind: 'holiday', name: ' ' } });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['date', 'kind', 'name']);
    const badParam = await stack.request('DELETE', '/api/calendar/holidays/30-04-2026', { token: stack.adminToken });
    expect(badParam.status).toBe(422);
    expect(badParam.body.error.details[0].field).toBe('path.date');
  });

  it('deletes an amendment (204) and 404s a date that has none, such as a holiday of the law', async () => {
    const del = await stack.request('DELETE', '/api/calendar/holidays/2026-03-04', { token: stack.adminToken });
    expect(del.status).toBe(204);
    expect(await day('2026-03-04')).toBeUndefined();
    expect((await stack.request('DELETE', '/api/calendar/holidays/2026-03-04', { token: stack.adminToken })).status).toBe(404);
    const law = await stack.request('DELETE', '/api/calendar/holidays/2026-04-30', { token: stack.adminToken });
    expect(law.status).toBe(404);
    expect(law.body.error.code).toBe('not_found');
  });
});

describe('the notices in the table', () => {
  it('seeds every shipped notice day once, as decree, leaving amendments alone', async () => {
    // An admin amended a notice's date before the seed ran: the seed must not take it back.
    await stack.request('POST', '/api/calendar/holidays', { token: stack.adminToken, body: { date: '2025-04-26', kind: 'off', name: 'Không làm bù' } });
    const shipped = ANNOUNCEMENTS.flatMap((a) => a.days);
    expect(await seedCalendarDays(stack.database.db)).toBe(shipped.length - 1);
    expect(await seedCalendarDays(stack.database.db)).toBe(0);
    const [kept] = await stack.database.db.select().from(calendarDays).where(eq(calendarDays.date, '2025-04-26'));
    expect(kept).toMatchObject({ kind: 'off', source: 'admin' });
    const [seeded] = await stack.database.db.select().from(calendarDays).where(eq(calendarDays.date, '2026-01-10'));
    expect(seeded).toMatchObject({ kind: 'work', source: 'decree' });
    await stack.request('DELETE', '/api/calendar/holidays/2025-04-26', { token: stack.adminToken });
  });

  it("refuses to delete a notice's day (409) but lets an admin override it, and falls back to the notice when the override goes", async () => {
    const del = await stack.request('DELETE', '/api/calendar/holidays/2026-01-02', { token: stack.adminToken });
    expect(del.status).toBe(409);
    expect(del.body.error.details[0].field).toBe('date');

    const override = await stack.request('POST', '/api/calendar/holidays', { token: stack.adminToken, body: { date: '2026-01-02', kind: 'work', name: 'Tỉnh làm việc ngày 2/1' } });
    expect(override.status).toBe(201);
    expect(await day('2026-01-02')).toEqual({ date: '2026-01-02', kind: 'work', name: 'Tỉnh làm việc ngày 2/1', source: 'admin' });

    expect((await stack.request('DELETE', '/api/calendar/holidays/2026-01-02', { token: stack.adminToken })).status).toBe(204);
    expect(await day('2026-01-02')).toMatchObject({ kind: 'off', source: 'decree', name: 'Nghỉ hoán đổi dịp Tết Dương lịch' });
  });
});
