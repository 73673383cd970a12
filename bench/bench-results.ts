/**
 * What one dialect's benchmark run reports, and the table printed from it.
 */
import type { Dialect, PhaseName } from './bench-options.js';

export interface PhaseResult {
  phase: PhaseName;
  /** What the phase does, for the table. */
  label: string;
  count: number;
  seconds: number;
  /** `count / seconds`. */
  rate: number;
  /** The rate the issue asks for, or null when it sets none. */
  target: number | null;
  /** Whether the target was met and the results were right; null without a target. */
  met: boolean | null;
  peakRssMB: number;
  /** `process.resourceUsage().maxRSS` at the end of the phase (the process's peak so far). */
  maxRssSoFarMB: number;
  /** RSS samples the sampling thread took during the phase (every 50 ms). */
  samples: number;
  /** Whether the phase's results were checked and found right (null: not checked). */
  verified: boolean | null;
}

export interface DialectResult {
  dialect: Dialect;
  /** The store's location (file path, or URL with the schema). */
  location?: string;
  /** Why the dialect was not measured. */
  skipped?: string;
  /** The error that stopped the run. */
  error?: string;
  phases: PhaseResult[];
  /** What was checked, and what was found wrong. */
  verification: { checks: string[]; failures: string[] };
  /** `process.resourceUsage().maxRSS` of the child process at its end. */
  maxRssMB: number;
  /** RSS when the child process started (Node, the tsx loader, the modules): part of every figure. */
  baselineRssMB: number;
  /** What the figures include, for the reader. */
  notes: string[];
}

export const MB = 1024 * 1024;

const formatRate = (n: number) => Math.round(n).toLocaleString('en-US');
const formatCount = (n: number) => n.toLocaleString('en-US');

/** The table of figures, one row per dialect and phase. */
export function formatTable(results: readonly DialectResult[]): string {
  const header = ['dialect', 'phase', 'count', 'seconds', 'rate/s', 'target/s', 'met', 'peak RSS MB'];
  const rows: string[][] = [];
  for (const result of results) {
    if (result.skipped) {
      rows.push([result.dialect, 'skipped (the reason is printed above)', '', '', '', '', '', '']);
      continue;
    }
    for (const phase of result.phases) {
      rows.push([
        result.dialect,
        phase.label,
        formatCount(phase.count),
        phase.seconds.toFixed(3),
        formatRate(phase.rate),
        phase.target === null ? '—' : formatRate(phase.target),
        phase.met === null ? (phase.verified === false ? 'WRONG' : '—') : phase.met ? 'yes' : phase.verified === false ? 'NO (wrong results)' : 'NO',
        phase.peakRssMB.toFixed(0),
      ]);
    }
    rows.push([result.dialect, `process maxRSS (whole run; ${result.baselineRssMB.toFixed(0)} MB at start)`, '', '', '', '', '', result.maxRssMB.toFixed(0)]);
    if (result.error) rows.push([result.dialect, `FAILED: ${result.error}`, '', '', '', '', '', '']);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const numeric = new Set([2, 3, 4, 5, 7]);
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
