/**
 * `npm run restore -- <file.tar.gz> [--force]`: a backup made by `npm run backup` into DATA_DIR, which
 * must be empty or new unless --force (then what is in it is replaced). The archive is unpacked beside
 * DATA_DIR, checked against its manifest (every SHA-256, the database's counts), and only then moved in.
 */
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError } from '../runtime/config';
import { createLogger } from '../runtime/logger';
import { runMain } from '../runtime/lifecycle';
import { refuseExternalStores, restoreBackup } from '../runtime/backup';

const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');

await runMain(logger, async () => {
  const { values, positionals } = parseArgs({ options: { force: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals.length !== 1) throw new ConfigError('Usage: npm run restore -- <backup file .tar.gz> [--force]');
  const config = loadConfig();
  refuseExternalStores(config, 'restore');
  const { manifest, replaced, warnings } = await restoreBackup({ file: positionals[0]!, dataDir: config.dataDir, force: values.force });
  for (const w of warnings) console.warn(`restore: ${w}`);
  const { counts } = manifest.readModel;
  console.log(
    `restore: the backup of ${manifest.createdAt} (plans: ${counts.plans}, tasks: ${counts.tasks}, mails: ${counts.outbox}, users: ${counts.users}) ` +
      `is in ${config.dataDir}${replaced ? ', replacing what was there' : ''}; every file matched its checksum. Start it with npm start.`,
  );
});
