/**
 * `npm run admin -- <command>`: the operator's shell tool, against the same database the service uses
 * (DATABASE_URL, or the embedded PGlite in DATA_DIR — stop `npm start` first, PGlite has one owner).
 *
 *   create-user --name "Nguyễn Văn A" --email a@sotttt.gov.vn --role coordinator|agency|viewer|admin [--agency CODE] [--language vi|en]
 *   list-users
 *   seed-agencies --province son-la|tay-ninh|generic
 */
import { parseArgs } from 'node:util';
import { asc } from 'drizzle-orm';
import { loadConfig } from '../runtime/config';
import { createLogger } from '../runtime/logger';
import { runMain } from '../runtime/lifecycle';
import { openDatabase } from '../db/client';
import { users } from '../db/schema';
import { createUser } from '../api/services/users';
import { CLI_ACTOR } from '../api/services/audit';
import { HttpError } from '../api/errors';
import { SEED_PROVINCES, seedAgencies, type SeedProvince } from '../db/seed/agencies';
import { ZodError } from 'zod';

const USAGE = `Usage:
  npm run admin -- create-user --name "Nguyễn Văn A" --email a@example.gov.vn --role coordinator|agency|viewer|admin [--agency CODE] [--language vi|en]
  npm run admin -- list-users
  npm run admin -- seed-agencies --province ${SEED_PROVINCES.join('|')}`;

const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');

await runMain(logger, async (lifecycle) => {
  const [command, ...rest] = process.argv.slice(2);
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir });
  lifecycle.add('database', () => database.close());
  await database.migrate();

  switch (command) {
    case 'create-user': {
      const { values } = parseArgs({
        args: rest,
        options: { name: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' }, agency: { type: 'string' }, language: { type: 'string' } },
      });
      try {
        const { id, token } = await createUser(database.db, {
          name: values.name ?? '',
          email: values.email ?? '',
          role: values.role as never,
          agencyCode: values.agency,
          language: (values.language as 'vi' | 'en' | undefined) ?? 'vi',
        }, CLI_ACTOR);
        console.log(`Created user ${id}.\nToken (shown only once; give it to the user):\n\n  ${token}\n`);
      } catch (err) {
        const problems = err instanceof ZodError ? err.issues.map((i) => `--${String(i.path[0] ?? '')}: ${i.message}`) : err instanceof HttpError ? err.details.map((d) => `${d.field}: ${d.message}`) : undefined;
        if (!problems) throw err;
        console.error(`Cannot create the user:\n  ${problems.join('\n  ')}\n\n${USAGE}`);
        process.exitCode = 1;
      }
      break;
    }
    case 'list-users': {
      const rows = await database.db.select({ id: users.id, name: users.name, email: users.email, role: users.role, agency: users.agencyCode }).from(users).orderBy(asc(users.createdAt));
      console.table(rows);
      break;
    }
    case 'seed-agencies': {
      // The directory of a typical province: departments, offices, agencies of the ministries, districts and groups.
      const { values } = parseArgs({ args: rest, options: { province: { type: 'string' } } });
      if (!SEED_PROVINCES.includes(values.province as SeedProvince)) {
        console.error(`--province must be one of ${SEED_PROVINCES.join(', ')}${values.province ? ` (not "${values.province}")` : ''}.\n\n${USAGE}`);
        process.exitCode = 1;
        break;
      }
      const added = await seedAgencies(database.db, { province: values.province as SeedProvince });
      console.log(`Agency directory of ${values.province}: ${added.agencies} agencies, ${added.aliases} aliases, ${added.members} group memberships added (existing rows kept).`);
      break;
    }
    default:
      console.error(USAGE);
      process.exitCode = 1;
  }
  await lifecycle.shutdown();
});
