/**
 * `npm run backup [-- --out <file.tar.gz>]`: the embedded stack's DATA_DIR (PGlite, the Temporal dev
 * server's SQLite file, the link secret) into one archive with a manifest, taken while it is stopped.
 * Default file: backups/giaoviec-<UTC time>.tar.gz. With DATABASE_URL or TEMPORAL_ADDRESS set it refuses
 * and names the tools that back those stores up instead.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../runtime/config';
import { createLogger } from '../runtime/logger';
import { runMain } from '../runtime/lifecycle';
import { createBackup, defaultBackupFile, refuseExternalStores } from '../runtime/backup';

const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');

await runMain(logger, async () => {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const config = loadConfig();
  refuseExternalStores(config, 'back up');
  const { file, manifest } = await createBackup({ dataDir: config.dataDir, out: values.out ?? defaultBackupFile() });
  const { counts } = manifest.readModel;
  const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  console.log(
    `backup: ${file} — plans: ${counts.plans}, tasks: ${counts.tasks}, mails: ${counts.outbox}, users: ${counts.users}; ` +
      `${manifest.files.length} files (${(bytes / 1e6).toFixed(1)} MB before compression) from ${config.dataDir}`,
  );
});
