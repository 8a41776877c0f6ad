import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, agencyAliases } from '../../db/schema';
import { agencySeed } from '../../db/seed/agencies';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { runScript } from '../helpers/scripts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('admin_cli');
});
afterAll(() => database?.drop());

/** `npm run admin -- …` against the test database. */
const admin = (...args: string[]) => runScript('admin', args, { DATABASE_URL: database.url, LOG_LEVEL: 'warn' });

describe('npm run admin -- seed-agencies', () => {
  it("loads a province's directory once; a second run adds nothing", async () => {
    const seed = agencySeed('son-la');
    const first = await admin('seed-agencies', '--province', 'son-la');
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain(`${seed.agencies.length} agencies`);
    const [{ n }] = (await database.db.select({ n: count() }).from(agencies)) as [{ n: number }];
    expect(n).toBe(seed.agencies.length);
    expect((await database.db.select({ n: count() }).from(agencyAliases))[0]!.n).toBe(seed.aliases.length);

    const again = await admin('seed-agencies', '--province', 'son-la');
    expect(again.code).toBe(0);
    expect(again.output).toContain('0 agencies, 0 aliases, 0 group memberships added');
  });

  it('loads the generic directory into an empty database once too', async () => {
    const fresh = await createTestDatabase('admin_cli_generic');
    try {
      const run = (...args: string[]) => runScript('admin', args, { DATABASE_URL: fresh.url, LOG_LEVEL: 'warn' });
      const seed = agencySeed('generic');
      const first = await run('seed-agencies', '--province', 'generic');
      expect(first.code, first.output).toBe(0);
      expect(first.output).toContain(`${seed.agencies.length} agencies, ${seed.aliases.length} aliases, ${seed.groupMembers.length} group memberships added`);
      const again = await run('seed-agencies', '--province', 'generic');
      expect(again.code, again.output).toBe(0);
      expect(again.output).toContain('0 agencies, 0 aliases, 0 group memberships added');
      expect((await fresh.db.select({ n: count() }).from(agencies))[0]!.n).toBe(seed.agencies.length);
    } finally {
      await fresh.drop();
    }
  });

  it('an unknown province is refused with the list of known ones', async () => {
    const res = await admin('seed-agencies', '--province', 'ha-noi');
    expect(res.code).toBe(1);
    expect(res.output).toContain('--province must be one of son-la, tay-ninh, generic (not "ha-noi")');
    expect(res.output).not.toMatch(/\n\s+at /);
  });
});
