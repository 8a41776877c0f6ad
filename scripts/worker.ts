/**
 * A Temporal worker alone (run any number side by side: `docker compose up --scale worker=N`):
 * needs TEMPORAL_ADDRESS and DATABASE_URL (workers share one Postgres read model). Its SDK metrics are
 * served by the SDK core at METRICS_WORKER_ADDRESS (default 127.0.0.1:9464) under /metrics.
 */
import { loadConfig, ConfigError } from '../runtime/config';
import { createLogger } from '../runtime/logger';
import { runMain } from '../runtime/lifecycle';
import { connectTemporal, startDatabase, startWorker, workerMetricsAddress } from '../runtime/services';

const logger = createLogger();

await runMain(logger, async (lifecycle) => {
  const config = loadConfig();
  if (!config.TEMPORAL_ADDRESS) throw new ConfigError('TEMPORAL_ADDRESS is required for a worker (e.g. temporal:7233).');
  if (!config.DATABASE_URL) throw new ConfigError('DATABASE_URL is required for a separate worker: the embedded PGlite belongs to one process.');
  // API and workers are separate processes: they must sign and check mail links with one secret.
  if (!config.LINK_SECRET) throw new ConfigError('LINK_SECRET is required when the API and workers run as separate services (at least 32 characters, the same for all).');
  const database = await startDatabase(config, logger, lifecycle);
  const temporal = await connectTemporal(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE, lifecycle);
  const metrics = await workerMetricsAddress(config, '127.0.0.1:9464', logger);
  await startWorker(config.TEMPORAL_ADDRESS, config, database, temporal, logger, lifecycle, { metricsAddress: metrics?.bind });
});
