import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SQLITE_ROWIDS } from '../sqlite/schema';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { HealthReporter, PartHealth } from '../../health/part-health';
import { CLOCK, type Clock } from '../../shared/clock';
import { IntervalJob } from '../../shared/interval-job';
import { EVENT_STORE, type EventStore } from '../event-store.port';
import { LogTreeFollower } from '../log-tree/log-tree-follower';
import type { VerifiedPointStore } from './integrity-gate-point';
import { gateVerifier, type TailVerifier, type VerifiedPoint } from './integrity-gate-tail';

export const VERIFIED_POINT_STORE = Symbol('VERIFIED_POINT_STORE');
export const TAIL_VERIFIER = Symbol('TAIL_VERIFIER');

/** The response header that marks every answer given while the ledger is not verified. */
export const INTEGRITY_HEADER = 'ledger-integrity';

/** A write (or a digest signature) refused because the ledger failed its integrity check. Mapped to 503 in the one filter. */
export class LedgerIntegrityError extends Error {
  readonly code = 'ledger-integrity-failed';
  constructor(readonly reasons: string[]) {
    super(
      `The ledger failed its integrity check; writes and digest signing are refused until an operator restores it: ${reasons.join('; ')}`,
    );
    this.name = 'LedgerIntegrityError';
  }
}

/** A read model (a projection, the log tree) whose checkpoint named a position beyond the ledger's head. */
export interface ReadModelAhead {
  readModel: string;
  checkpoint: number;
  /** The ledger's head position then (null: the ledger was empty). */
  head: number | null;
  /** Reset to be rebuilt from the ledger (projections); the log tree is not: its follower stops on it (logTree down). */
  rebuilt: boolean;
}

/** The log's head as the start-up check read it; `read: false` when the check could not run (head unknown). */
export type LedgerHeadRead = { read: true; head: VerifiedPoint | undefined } | { read: false };

interface CheckRecord {
  kind: 'start-up' | 'periodic';
  at: string;
  ok: boolean;
  eventsChecked: number;
  from: number | null;
}

/**
 * The service's own integrity check. At start-up (before any write: writes await it) it verifies
 * the log after its last verified point, persisted in the data directory, so a start reads only
 * what is new since the last check, however long the log; then again every
 * INTEGRITY_CHECK_INTERVAL_MINUTES. On a failure it stays failed until restart: writes and digest
 * signing are refused (LedgerIntegrityError, 503 ledger-integrity-failed), reads carry
 * `Ledger-Integrity: unverified`, /health reports the integrity part down with the reasons, and the
 * failure is logged once. Read models found ahead of the ledger are rebuilt by their owners, who
 * report it here: evidence of acknowledged events lost after the last verified point.
 */
@Injectable()
export class IntegrityGate implements OnApplicationBootstrap, OnApplicationShutdown, HealthReporter {
  private readonly logger = new Logger('IntegrityGate');
  private readonly job = new IntervalJob(() => this.periodic());
  private startup?: Promise<LedgerHeadRead>;
  private failure?: { reasons: string[]; at: string };
  /** Why the last check could not run (the store did not answer): not a failure, not verified either. */
  private unchecked?: string;
  private verified?: VerifiedPoint;
  private last?: CheckRecord;
  private readonly ahead: ReadModelAhead[] = [];
  private readonly verifier: TailVerifier;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(VERIFIED_POINT_STORE) private readonly points: VerifiedPointStore,
    @Optional() @Inject(TAIL_VERIFIER) verifier?: TailVerifier,
    @Optional() private readonly tree?: LogTreeFollower,
  ) {
    // SQLite's positions are its rowids, consecutive from 1 (the ledger never deletes): a gap is a deleted event.
    this.verifier = verifier ?? gateVerifier(config.store === 'sqlite' ? { positions: SQLITE_ROWIDS } : {});
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ready();
    this.job.start(this.config.integrityCheckIntervalMinutes);
  }

  onApplicationShutdown(): Promise<void> {
    return this.job.stop();
  }

  /** The start-up check, run once; resolves with the ledger's head as it read it (for the read models' start). */
  ready(): Promise<LedgerHeadRead> {
    this.startup ??= this.check('start-up').then(
      (head) => {
        this.noteTreeAhead(head);
        return { read: true as const, head };
      },
      (err: unknown) => {
        this.unchecked = err instanceof Error ? err.message : String(err);
        this.logger.error(`Start-up integrity check could not run: ${this.unchecked}`);
        return { read: false as const };
      },
    );
    return this.startup;
  }

  /** For the command runner and the digest signer: throws LedgerIntegrityError once the check has failed. */
  async assertWritable(): Promise<void> {
    await this.ready();
    if (this.failure) throw new LedgerIntegrityError(this.failure.reasons);
  }

  /** False while the ledger failed its check or could not be checked: every answer is then marked. */
  get verifiedNow(): boolean {
    return this.startup !== undefined && !this.failure && !this.unchecked;
  }

  /** Read models rebuilt at start-up because they stood ahead of the ledger: logged and kept for /health. */
  noteReadModelsAhead(found: ReadModelAhead[]): void {
    if (found.length === 0) return;
    this.ahead.push(...found);
    this.logger.warn(
      `Read models stood ahead of the ledger, evidence that acknowledged events were lost after the last verified point: ${found.map(describeAhead).join('; ')}`,
    );
  }

  /** The log tree's stored checkpoint beyond the head: the same evidence of a lost tail as a projection's. */
  private noteTreeAhead(head: VerifiedPoint | undefined): void {
    const last = this.tree?.health().lastPosition;
    if (typeof last !== 'number' || (head !== undefined && last <= head.position)) return;
    this.noteReadModelsAhead([
      { readModel: 'log-tree', checkpoint: last, head: head?.position ?? null, rebuilt: false },
    ]);
  }

  /** One round now (tests drive the schedule with this). */
  tick(): Promise<void> {
    return this.job.tick();
  }

  health(): PartHealth {
    const facts = {
      verifiedThrough: this.verified?.position ?? null,
      lastCheck: this.last ?? null,
      ...(this.ahead.length ? { readModelsAhead: this.ahead } : {}),
    };
    if (this.failure)
      return {
        status: 'down',
        reason: `ledger-integrity-failed: ${this.failure.reasons.join('; ')}`,
        failedAt: this.failure.at,
        problems: this.failure.reasons,
        ...facts,
      };
    if (this.unchecked)
      return { status: 'degraded', reason: `not verified: the check could not run: ${this.unchecked}`, ...facts };
    if (this.ahead.length)
      return {
        status: 'degraded',
        reason: `read models stood ahead of the ledger (acknowledged events lost after the last verified point): ${this.ahead.map(describeAhead).join('; ')}`,
        ...facts,
      };
    return { status: 'up', ...facts };
  }

  private async periodic(): Promise<void> {
    if (this.failure) return; // stays failed until restart: nothing to add to what was logged
    try {
      await this.check('periodic');
      this.unchecked = undefined;
    } catch (err) {
      this.unchecked = err instanceof Error ? err.message : String(err);
      throw err; // the job retries after a backoff
    }
  }

  private async check(kind: CheckRecord['kind']): Promise<VerifiedPoint | undefined> {
    const from = this.verified ?? this.points.load();
    const report = await this.verifier(this.store, from);
    this.last = {
      kind,
      at: this.clock.now().toISOString(),
      ok: report.ok,
      eventsChecked: report.eventsChecked,
      from: from?.position ?? null,
    };
    if (!report.ok) {
      this.failure = { reasons: firstOf(report.problems), at: this.last.at };
      this.logger.error(
        `Ledger integrity check (${kind}) failed: writes and digest signing are refused until an operator restores the ledger: ${report.problems.join('; ')}`,
      );
    } else if (report.head) {
      this.verified = report.head;
      try {
        this.points.save(report.head);
      } catch (err) {
        // Only costs the next start a longer read: not a reason to call the ledger unverified.
        this.logger.warn(`Could not persist the verified point: ${(err as Error).message}`);
      }
    }
    return report.head;
  }
}

/** Problems named in answers and /health: enough to act on, never the whole of a mass-tampered ledger (verify-store lists all). */
const NAMED_PROBLEMS = 20;
function firstOf(problems: string[]): string[] {
  if (problems.length <= NAMED_PROBLEMS) return problems;
  return [
    ...problems.slice(0, NAMED_PROBLEMS),
    `and ${problems.length - NAMED_PROBLEMS} more (npm run verify-store lists every one)`,
  ];
}

function describeAhead(a: ReadModelAhead): string {
  return `${a.readModel} at position ${a.checkpoint}, ledger head ${a.head ?? 'none (empty)'} (${a.rebuilt ? 'rebuilt from the ledger' : 'not rebuilt'})`;
}
