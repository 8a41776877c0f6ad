import pino, { type Logger } from 'pino';

export type { Logger };

/** pino to stdout: human-readable in a terminal, one JSON object per line otherwise (containers, CI). */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', name = 'giao-viec'): Logger {
  const pretty = process.stdout.isTTY && process.env.LOG_FORMAT !== 'json';
  return pino({
    name,
    level,
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
      : {}),
  });
}
