import type { AutocannonResult } from './project-under-load';
import { median } from './stats';

/** What one load run of an HTTP bench measures: 2xx answers a second, latency, the servers' CPU per answer, failures. */
export interface LoadFigures {
  rate: number;
  p50: number;
  p99: number;
  cpuUs: number;
  failed: number;
}

/** The figures of an autocannon run during which the servers spent `cpuMs` of CPU (per answer, 2xx or not). */
export function loadFigures(r: AutocannonResult, cpuMs: number): LoadFigures {
  const answered = Math.max(1, r['2xx'] + r.non2xx);
  return {
    rate: r['2xx'] / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    cpuUs: (cpuMs * 1000) / answered,
    failed: r.non2xx + r.errors + r.timeouts,
  };
}

/** One round's figures on one line; `per` names what the CPU is counted per (command, request). */
export const roundFigures = (f: LoadFigures, per: string): string =>
  `${f.rate.toFixed(0)}/s p50 ${f.p50} ms p99 ${f.p99} ms, ${f.cpuUs.toFixed(0)} us CPU/${per}, ${f.failed} failed`;

/** A system's table cells over its rounds: the medians of rate, p50, p99 and CPU, and every failure. */
export const medianCells = (fs: readonly LoadFigures[]): string =>
  `${median(fs.map((f) => f.rate)).toFixed(0)} | ${median(fs.map((f) => f.p50))} | ${median(fs.map((f) => f.p99))} | ${median(fs.map((f) => f.cpuUs)).toFixed(0)} | ${fs.reduce((a, f) => a + f.failed, 0)}`;
