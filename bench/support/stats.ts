/** Figures over the runs of a benchmark: medians across rounds, so one noisy run on a shared machine does not decide. */

/** The middle of the sorted values (the upper middle of an even count: always a measured value). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The p-th percentile, nearest rank (p99 of 200 values is the 198th smallest). */
export const percentile = (xs: readonly number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

export const perSecond = (count: number, ms: number): number => count / (ms / 1000);

/** A whole-number env var resizing a benchmark (EVENTS, ROUNDS, ...), or its default. */
export const envNumber = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
