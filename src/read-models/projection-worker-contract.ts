import type { RetryStatus } from '../shared/retry-policy';
import type { SupervisedState } from '../shared/supervised-loop';

/** What a projection worker is given and tells (its batching, its listener, its switch-over hook). */
export interface BatchOptions {
  /** Live (near the head of the log): commit after this many events... */
  batchSize: number;
  /** ...or once the oldest uncommitted event has waited this long. */
  batchMs: number;
  /**
   * Catching up (at least this many events behind the head): commit after this many events, or
   * after catchUpMs, so a rebuild writes each document once per large transaction, not once per
   * small batch. Documents and checkpoint still go in one transaction either way.
   */
  catchUpBatchSize: number;
  catchUpMs: number;
  /**
   * Rebuilding from empty (nothing committed yet, no reader served a document of this version):
   * commit after this many events, by count alone. A time bound made the number of commits, and
   * so of documents rewritten and snapshot layers written, grow with the machine's load: on a
   * shared machine the rebuild spent a third of its CPU on commits the hand-written limit never
   * makes (BENCHMARKS.md, Write path and rebuild limit).
   */
  rebuildBatchSize: number;
}

/** 'retrying': the last run failed; it resubscribes from its last committed checkpoint after a backoff. */
export type WorkerState = SupervisedState;

export interface WorkerListener<D> {
  /** `changedAt`: per document, the position of the last event that changed it (absent: `position`). */
  committed(projection: string, position: number, docs: Map<string, D>, changedAt?: Map<string, number>): void;
  /** A version built beside the served one now serves in its place, at `position`: every document may differ. */
  switchedOver(projection: string, version: number, position: number | undefined): void;
  /** A run failed; the worker retries as `retry` says. */
  failed(projection: string, error: Error, retry: RetryStatus): void;
}

/** Called with the projection's name and the version about to replace the served one. */
export type SwitchOverHook = (projection: string, version: number) => Promise<void>;
