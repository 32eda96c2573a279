/** Whole mebibytes. */
export const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);

/** Mebibytes to one decimal, for file sizes. */
export const mbTenths = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

export interface Peak {
  rss: number;
  heap: number;
  heapTotal: number;
  external: number;
}

/**
 * Peak memory, sampled every `everyMs` while it runs (a timer: it sees what a phase held at its
 * worst, not only at its end). `reset` starts a new phase from what the process holds now.
 */
export class PeakMemory {
  readonly peak: Peak = { rss: 0, heap: 0, heapTotal: 0, external: 0 };
  private readonly timer: NodeJS.Timeout;

  constructor(everyMs: number) {
    this.reset();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  sample(): void {
    const m = process.memoryUsage();
    this.peak.rss = Math.max(this.peak.rss, m.rss);
    this.peak.heap = Math.max(this.peak.heap, m.heapUsed);
    this.peak.heapTotal = Math.max(this.peak.heapTotal, m.heapTotal);
    this.peak.external = Math.max(this.peak.external, m.external);
  }

  reset(): void {
    const m = process.memoryUsage();
    Object.assign(this.peak, { rss: m.rss, heap: m.heapUsed, heapTotal: m.heapTotal, external: m.external });
  }

  /** The peak so far (a copy), taking one last sample. */
  now(): Peak {
    this.sample();
    return { ...this.peak };
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
