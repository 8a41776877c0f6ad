/**
 * `npm run verify`: every task workflow's live state against the read model, and the reminders it sent
 * against the outbox. Prints the mismatches and exits 1 on any.
 *
 *   npm run verify                                  # against DATABASE_URL and TEMPORAL_ADDRESS directly
 *   npm run verify -- --url http://localhost:3000   # ask a running service (token: --token or BOOTSTRAP_ADMIN_TOKEN)
 */
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError } from '../runtime/config';
import { createLogger } from '../runtime/logger';
import { runMain } from '../runtime/lifecycle';
import { openDatabase } from '../db/client';
import { connectTemporal } from '../runtime/services';
import { verifyConsistency, type VerifyReport } from '../api/services/verify';

const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');

function print(report: VerifyReport): void {
  for (const m of report.mismatches) console.log(`  ✗ ${m}`);
  console.log(
    `verify: ${report.tasksChecked} tasks, ${report.transitionsChecked} transitions, ${report.remindersChecked} reminders, ${report.mailsChecked} mails checked — ` +
      `${report.mismatches.length} mismatches, ${report.lost} lost, ${report.duplicated} duplicated`,
  );
  if (report.mismatches.length) process.exitCode = 1;
}

await runMain(logger, async (lifecycle) => {
  const { values } = parseArgs({ options: { url: { type: 'string' }, token: { type: 'string' } } });
  const config = loadConfig();
  if (values.url) {
    const token = values.token ?? config.BOOTSTRAP_ADMIN_TOKEN;
    if (!token) throw new ConfigError('An admin token is needed: --token or BOOTSTRAP_ADMIN_TOKEN.');
    const res = await fetch(new URL('/api/admin/verify', values.url), { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new ConfigError(`The service answered ${res.status}: ${await res.text()}`);
    print((await res.json()) as VerifyReport);
    return;
  }
  if (!config.DATABASE_URL || !config.TEMPORAL_ADDRESS) {
    throw new ConfigError('Set DATABASE_URL and TEMPORAL_ADDRESS, or pass --url of a running service (the embedded PGlite has one owner).');
  }
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir });
  lifecycle.add('database', () => database.close());
  const client = await connectTemporal(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE, lifecycle);
  print(await verifyConsistency(database.db, client, { smtpConfigured: Boolean(config.SMTP_URL) }));
  await lifecycle.shutdown();
});
