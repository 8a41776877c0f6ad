import { Runtime } from '@temporalio/worker';
import type { LogLevel, LogMetadata, Logger as SdkLogger } from '@temporalio/common';
import type { Logger } from './logger';

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

/**
 * Install the SDK runtime once per process: our logger (for the core's messages too), and no signal
 * handlers of its own, so the process's Lifecycle decides the shutdown order (HTTP first, then the
 * worker, then pools).
 */
export function installSdkRuntime(logger: Logger): void {
  if (installed) return;
  installed = true;
  Runtime.install({
    logger: sdkLogger(logger.child({ component: 'temporal' })),
    shutdownSignals: [],
    // The SDK core's own messages (its Rust side) go through the same logger, as JSON lines at LOG_LEVEL,
    // instead of straight to stderr in a format of their own.
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} } },
  });
}
