import { waitUntil } from '../../bench/stats';

/** Poll `read` every 250 ms until `done(value)` holds; usable in hooks, where `expect.poll` is not. */
export const waitFor = <T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 60_000): Promise<T> =>
  waitUntil(read, done, what, timeoutMs, 250);
