/** Summaries of repeated measurements: the median of the repetitions and their spread. */
import { readFileSync } from 'node:fs';

export interface Summary {
  /** Median of the values. */
  median: number;
  min: number;
  max: number;
  /** (max − min) / median: how far apart the repetitions were. */
  spread: number;
  /** Every value, in the order measured. */
  values: number[];
}

/** The q-quantile (0…1) of values, interpolating linearly between the two nearest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('quantile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function summarize(values: readonly number[]): Summary {
  const median = quantile(values, 0.5);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { median, min, max, spread: median === 0 ? 0 : (max - min) / median, values: [...values] };
}

/** Percentiles of one repetition's latency samples, in milliseconds. */
export interface Latencies {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function latencies(samplesMs: readonly number[]): Latencies {
  return { n: samplesMs.length, p50: quantile(samplesMs, 0.5), p95: quantile(samplesMs, 0.95), p99: quantile(samplesMs, 0.99), max: Math.max(...samplesMs) };
}

/** A measured operation: runs once as sample `i` and answers its latency in ms. */
export type Sampled = (i: number) => Promise<number>;

/**
 * `count` samples of each operation, taken in turns (one of each, the first of the turn rotating)
 * rather than one operation's samples after the other's: a burst of background work on this noisy
 * machine then falls on every side alike instead of on whichever block it happened to meet.
 */
export async function interleaved<K extends string>(ops: Record<K, Sampled>, count: number): Promise<Record<K, number[]>> {
  const keys = Object.keys(ops) as K[];
  const out = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < keys.length; j++) {
      const k = keys[(i + j) % keys.length]!;
      out[k].push(await ops[k](i));
    }
  }
  return out;
}

/** Wall-clock milliseconds of `fn`, measured with the monotonic clock. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Run `fn` with at most `concurrency` calls in flight, over items in order. */
export async function pool<T>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(Math.max(1, concurrency), items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) await fn(items[i]!, i);
    }),
  );
}

/** Poll `read` until `done(value)` holds, or fail after `timeoutMs`. */
export async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs: number, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}; last value: ${JSON.stringify(value)?.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
export function processCpuMs(pid: number): number {
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}
