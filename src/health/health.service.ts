import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from '../http/idempotency/idempotency.store';
import { IdempotencyPruner } from '../http/idempotency/idempotency-pruner';
import { EVENT_STORE, type EventStore } from '../ledger/event-store.port';
import { StoreUnavailableError } from '../ledger/store-errors';
import { IntegrityGate } from '../ledger/integrity/integrity-gate';
import { DigestScheduler } from '../ledger/digests/digest-scheduler';
import { LogTreeFollower } from '../ledger/log-tree/log-tree-follower';
import { PackJobRunner } from '../evidence';
import { RetentionScheduler, SUBJECT_KEYS, type SubjectKeys } from '../privacy/services';
import { ProjectionRunner } from '../read-models/projection-runner';
import { projectionsHealth } from '../read-models/projections-health';
import { ReadModelStore } from '../read-models/read-model-store';
import { CLOCK, type Clock } from '../shared/clock';
import type { HealthReporter, PartHealth } from './part-health';

export interface HealthReport {
  /** down: a required part is down (HTTP 503); degraded: something optional is not well (200). */
  status: 'up' | 'degraded' | 'down';
  checkedAt: string;
  /** Each probe's limit (STORE_DEADLINE_MS): a hung store answers "deadline exceeded" after it. */
  deadlineMs: number;
  /** Parts whose being down makes the service down. */
  required: string[];
  parts: {
    eventStore: PartHealth;
    readModelStore: PartHealth;
    keyStore: PartHealth;
    idempotencyStore: PartHealth;
    projections: Record<string, PartHealth>;
    packQueue: PartHealth;
    digestSchedule: PartHealth;
    retentionSchedule: PartHealth;
    /** Forgetting idempotency records past IDEMPOTENCY_RETENTION_HOURS: the last round. */
    idempotencyPrune: PartHealth;
    /** The log-level Merkle tree's follower: down when the tree does not match the log (never extended then). */
    logTree: PartHealth;
    /** The ledger's start-up and periodic integrity check: down (writes refused) when it failed, with why. */
    integrity: PartHealth;
  };
}

export const REQUIRED_PARTS = [
  'eventStore',
  'readModelStore',
  'keyStore',
  'idempotencyStore',
  'projections',
  'integrity',
] as const;

class DeadlineExceeded extends Error {}

/**
 * Asks every part how it is, each probe bounded by the store deadline, all at once: /health
 * answers within about one deadline whatever hangs. Parts are looked up loosely (ModuleRef, not
 * strict), so an app assembled without one of them reports it "absent" rather than failing to start.
 */
@Injectable()
export class HealthService implements OnModuleInit {
  private readModels?: ReadModelStore;
  private keys?: SubjectKeys;
  private reporters: Partial<
    Record<
      'packQueue' | 'digestSchedule' | 'retentionSchedule' | 'idempotencyPrune' | 'logTree' | 'integrity',
      HealthReporter
    >
  > = {};

  constructor(
    private readonly modules: ModuleRef,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionRunner,
  ) {}

  onModuleInit(): void {
    const find = <T>(token: abstract new (...a: never[]) => T): T | undefined => {
      try {
        return this.modules.get<T>(token, { strict: false });
      } catch {
        return undefined;
      }
    };
    this.readModels = find(ReadModelStore);
    try {
      this.keys = this.modules.get<SubjectKeys>(SUBJECT_KEYS, { strict: false });
    } catch {
      this.keys = undefined;
    }
    this.reporters = {
      packQueue: find(PackJobRunner),
      digestSchedule: find(DigestScheduler),
      retentionSchedule: find(RetentionScheduler),
      idempotencyPrune: find(IdempotencyPruner),
      logTree: find(LogTreeFollower),
      integrity: find(IntegrityGate),
    };
  }

  async check(): Promise<HealthReport> {
    const [eventStore, readModelStore, keyStore, idempotencyStore, projections] = await Promise.all([
      this.probe(() => this.store.ping(), { engine: this.config.store }),
      this.probe(async () => this.needed(this.readModels, 'read-model store').probe()),
      this.probe(async () => this.needed(this.keys, 'key store').probe()),
      this.probe(async () => this.idempotency.probe()),
      projectionsHealth(this.projections, (work) => this.withinDeadline(work)),
    ]);
    const parts: HealthReport['parts'] = {
      eventStore,
      readModelStore,
      keyStore,
      idempotencyStore,
      projections,
      packQueue: this.reported('packQueue'),
      digestSchedule: this.reported('digestSchedule'),
      retentionSchedule: this.reported('retentionSchedule'),
      idempotencyPrune: this.reported('idempotencyPrune'),
      logTree: this.reported('logTree'),
      integrity: this.reported('integrity'),
    };
    const statuses = Object.entries(parts).flatMap(([name, p]) =>
      (name === 'projections' ? Object.values(p as Record<string, PartHealth>) : [p as PartHealth]).map(
        (h) => [name, h.status] as const,
      ),
    );
    const down = statuses.some(([name, s]) => s === 'down' && (REQUIRED_PARTS as readonly string[]).includes(name));
    const unwell = statuses.some(([, s]) => s !== 'up' && s !== 'disabled');
    return {
      status: down ? 'down' : unwell ? 'degraded' : 'up',
      checkedAt: this.clock.now().toISOString(),
      deadlineMs: this.config.storeDeadlineMs,
      required: [...REQUIRED_PARTS],
      parts,
    };
  }

  private async probe(run: () => Promise<void>, facts: Record<string, unknown> = {}): Promise<PartHealth> {
    try {
      await this.withinDeadline(run());
      return { status: 'up', ...facts };
    } catch (err) {
      return { status: 'down', ...facts, reason: reasonOf(err) };
    }
  }

  private reported(name: keyof HealthService['reporters']): PartHealth {
    const reporter = this.reporters[name];
    if (!reporter) return { status: 'disabled', reason: 'not part of this application' };
    try {
      return reporter.health();
    } catch (err) {
      return { status: 'degraded', reason: reasonOf(err) };
    }
  }

  private needed<T>(part: T | undefined, name: string): T {
    if (!part) throw new Error(`no ${name} in this application`);
    return part;
  }

  /** The work, or a DeadlineExceeded after STORE_DEADLINE_MS; the work itself is left to finish (or hang) on its own. */
  private withinDeadline<T>(work: Promise<T>): Promise<T> {
    const ms = this.config.storeDeadlineMs;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeadlineExceeded(`deadline exceeded: no answer within ${ms} ms`)), ms);
    });
    work.catch(() => undefined); // a probe that fails after its deadline has nobody to tell
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  }
}

function reasonOf(err: unknown): string {
  if (err instanceof StoreUnavailableError)
    return `${err.outcomeUnknown ? 'outcome-unknown' : err.code}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}
