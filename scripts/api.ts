/**
 * The API (and UI) alone, for a deployment where workers run as separate services
 * (docker-compose.yml): needs TEMPORAL_ADDRESS; DATABASE_URL for Postgres.
 */
import { loadConfig, ConfigError } from '../runtime/config';
import { createLogger } from '../runtime/logger';
import { runMain } from '../runtime/lifecycle';
import { bootstrapUsers, listen } from '../api/server';
import { connectTemporal, ensureAttachmentsDir, startDatabase } from '../runtime/services';

const logger = createLogger();

await runMain(logger, async (lifecycle) => {
  const config = loadConfig();
  ensureAttachmentsDir(config);
  if (!config.TEMPORAL_ADDRESS) throw new ConfigError('TEMPORAL_ADDRESS is required when the API runs on its own (e.g. temporal:7233).');
  // API and workers are separate processes: they must sign and check mail links with one secret.
  if (!config.LINK_SECRET) throw new ConfigError('LINK_SECRET is required when the API and workers run as separate services (at least 32 characters, the same for all).');
  const database = await startDatabase(config, logger, lifecycle);
  await bootstrapUsers(database.db, config, logger);
  const temporal = await connectTemporal(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE, lifecycle);
  await listen({ database, temporal, config, logger }, config.PORT, lifecycle);
});
