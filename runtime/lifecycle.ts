import type { Logger } from './logger';
import { ConfigError } from './config';
import { DatabaseUnavailableError } from '../db/client';
import { MissingBinaryError } from './temporal-binaries';

/** Errors a person fixes by changing the environment: one sentence, no stack trace. */
const PLAIN_ERRORS = [ConfigError, DatabaseUnavailableError, MissingBinaryError];

/**
 * Resources closed in the reverse order they were opened, once, on SIGINT/SIGTERM or on failure:
 * stop accepting requests, let the worker finish its activities, then close pools and servers.
 */
export class Lifecycle {
  private readonly stack: { name: string; close: () => Promise<unknown> }[] = [];
  private closing: Promise<void> | undefined;

  constructor(private readonly logger: Logger) {}

  add(name: string, close: () => Promise<unknown>): void {
    this.stack.push({ name, close });
  }

  shutdown(): Promise<void> {
    this.closing ??= (async () => {
      for (const { name, close } of this.stack.reverse()) {
        try {
          await close();
          this.logger.debug({ name }, 'closed');
        } catch (err) {
          this.logger.warn({ err, name }, 'error while closing');
        }
      }
    })();
    return this.closing;
  }

  /** Shut down on the first signal; a second one exits at once. */
  handleSignals(): void {
    let received = 0;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        if (++received > 1) process.exit(130);
        this.logger.info({ signal }, 'shutting down');
        void this.shutdown().then(() => process.exit(0));
      });
    }
  }
}

/** Run an entry point: a configuration problem prints one clear sentence and exits 1. */
export async function runMain(logger: Logger, main: (lifecycle: Lifecycle) => Promise<void>): Promise<void> {
  const lifecycle = new Lifecycle(logger);
  lifecycle.handleSignals();
  try {
    await main(lifecycle);
  } catch (err) {
    await lifecycle.shutdown();
    if (PLAIN_ERRORS.some((E) => err instanceof E)) {
      process.stderr.write(`Giao việc: ${(err as Error).message}\n`);
    } else {
      logger.fatal({ err }, 'failed to start');
    }
    process.exit(1);
  }
}
