import { Runtime } from '@temporalio/worker';
import type { LogLevel, LogMetadata, Logger as SdkLogger } from '@temporalio/common';
import type { Logger } from './logger';
import { ConfigError } from './config';

const LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/** The SDK's logger (workflow `log`, activity `log`, worker state) written through pino. */
function sdkLogger(logger: Logger): SdkLogger {
  const log = (level: LogLevel, message: string, meta?: LogMetadata) => {
    let pinoLevel = LEVELS[level];
    // Worker start-up chatter (bundle statistics, state changes) is only interesting when debugging.
    if (pinoLevel === 'info' && meta?.sdkComponent === 'worker') pinoLevel = 'debug';
    logger[pinoLevel](meta ?? {}, message);
  };
  return {
    log,
    trace: (m, meta) => log('TRACE', m, meta),
    debug: (m, meta) => log('DEBUG', m, meta),
    info: (m, meta) => log('INFO', m, meta),
    warn: (m, meta) => log('WARN', m, meta),
    error: (m, meta) => log('ERROR', m, meta),
  };
}

let installed = false;

export interface SdkRuntimeOptions {
  /**
   * `host:port` where the SDK core serves its worker metrics (task slots, poll and schedule-to-start
   * latencies, sticky cache…) in Prometheus format at `/metrics`; none when absent.
   */
  metricsAddress?: string;
}

/**
 * Install the SDK runtime once per process: our logger (for the core's messages too), and no signal
 * handlers of its own, so the process's Lifecycle decides the shutdown order (HTTP first, then the
 * worker, then pools). Only the first call's options count: the runtime cannot be replaced.
 */
export function installSdkRuntime(logger: Logger, opts: SdkRuntimeOptions = {}): void {
  if (installed) return;
  try {
    Runtime.install({
      logger: sdkLogger(logger.child({ component: 'temporal' })),
      shutdownSignals: [],
      telemetryOptions: {
        // The SDK core's own messages (its Rust side) go through the same logger, as JSON lines at LOG_LEVEL,
        // instead of straight to stderr in a format of their own.
        logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} },
        // Prometheus's own conventions (seconds, `_total` counters), so these sit beside prom-client's.
        ...(opts.metricsAddress
          ? { metrics: { prometheus: { bindAddress: opts.metricsAddress, countersTotalSuffix: true, unitSuffix: true, useSecondsForDurations: true } } }
          : {}),
      },
    });
  } catch (err) {
    // The exporter's port, taken between our check and its bind (two workers starting together).
    if (opts.metricsAddress) {
      throw new ConfigError(`The worker's metrics cannot be served at ${opts.metricsAddress} (${(err as Error).message}): set METRICS_WORKER_ADDRESS to a free host:port, or off.`);
    }
    throw err;
  }
  installed = true;
}
