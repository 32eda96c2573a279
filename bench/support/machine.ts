import { execSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

/** What a figure was measured on, printed with every result (the machine is shared: load average too). */
export function machine(): {
  nproc: string;
  cores: number;
  cpu: string;
  memoryBytes: number;
  node: string;
  date: string;
} {
  return {
    nproc: execSync('nproc').toString().trim(),
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryBytes: totalmem(),
    node: process.version,
    date: new Date().toISOString(),
  };
}

/** The 1, 5 and 15 minute load averages, two decimals each. */
export const loadAverages = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
