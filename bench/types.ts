/** What a benchmark case reports: our figure, the baseline's, and whether the target holds. */
import type { Summary } from './stats';

export interface Measured {
  /** The figure the ratio is made of (median of the repetitions). */
  summary: Summary;
  unit: string;
  label: string;
}

export interface CaseResult {
  name: string;
  ours: Measured;
  baseline?: Measured;
  /** ours / baseline (or ours / limit), as the target reads it. */
  ratio?: number;
  target: string;
  pass: boolean;
  /** A figure that explains another (where the time goes), with no target of its own. */
  informative?: boolean;
  /** Extra figures (latency percentiles, counts, sizes) kept in the JSON. */
  detail: Record<string, unknown>;
  notes: string[];
}

/** A case's line in the table: one figure, or several for latency (p50 and p95). */
export function measured(label: string, unit: string, summary: Summary): Measured {
  return { label, unit, summary };
}

/** Whether a result holds its target; informative figures have none. */
export const meetsTarget = (r: CaseResult): boolean => r.informative === true || r.pass;
