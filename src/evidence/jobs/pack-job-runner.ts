import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { CommandRunner, type CommandContext } from '../../ledger/command-runner';
import { EVENT_STORE, type EventStore, type Subscription } from '../../ledger/event-store.port';
import { CLOCK, type Clock } from '../../shared/clock';
import { Retrier, type RetryStatus } from '../../shared/retry-policy';
import type { HealthReporter, PartHealth } from '../../health/part-health';
import { StoreUnavailableError } from '../../ledger/store-errors';
import { LOG_TREE, type LogTree } from '../../ledger/log-tree/log-tree.port';
import { EVIDENCE_PACK_CATEGORY, EvidencePack } from '../domain/evidence-pack';
import type { BuildPack } from '../pack/build/build-pack-contract';
import type { PackManifest } from '../pack/pack-manifest';
import { EvidencePackReader, type PackRecord } from '../queries/pack-reader';
import { EVIDENCE_DIGESTS, type EvidenceDigests } from './evidence-digests';
import { PACK_BUILDER } from './pack-builder.token';
import { PACK_FILES, type PackFiles } from './pack-files.port';
import { PACK_QUEUE_LEADERSHIP, PackQueueTurns, type PackQueueLeadership } from './pack-queue-leadership';
import { FencedOutError, type HeldLease } from '../../shared-state/postgres/leases';
import { PackProgressTracker } from './pack-progress';
import { SerialQueue } from './serial-queue';

const MAX_REASON = 500;
const REQUESTS = { streamCategories: [EVIDENCE_PACK_CATEGORY], eventTypePrefixes: ['evidence-pack-requested'] };

export const PACK_QUEUE_RETRIERS = Symbol('PACK_QUEUE_RETRIERS');
export interface PackQueueRetriers {
  follow: Retrier;
  builds: Retrier;
}

/** Whether the queue is following the log for requests (for /health). */
export interface PackQueueStatus {
  state: 'idle' | 'following' | 'retrying' | 'stopped';
  /** While retrying: the attempt, when the next starts, and the last error. */
  retry?: RetryStatus;
}

/**
 * Builds requested packs in the background, one at a time. It follows the log from the start for
 * 'evidence-pack-requested' events, so a pack requested while the process was down, or left
 * 'generating' by a crash, is queued again on boot; each job first re-reads the pack and skips it
 * unless it is still queued or generating. Generation events are recorded as the requester (the job
 * runs on their behalf, under the request's correlation id): there is no service identity.
 * With several instances (SHARED_STATE=postgres) only the pack queue's leader builds
 * (PackQueueLeadership); the others keep their queue and look again until the pack is built.
 */
@Injectable()
export class PackJobRunner implements OnApplicationBootstrap, OnApplicationShutdown, HealthReporter {
  private readonly log = new Logger(PackJobRunner.name);
  private readonly queue = new SerialQueue(
    (packId) => this.build(packId),
    (packId, err) => this.buildFailed(packId, err),
  );
  private subscription?: Subscription;
  private following?: Promise<void>;
  private stopping = false;
  private state: PackQueueStatus['state'] = 'idle';
  /** The last request seen: a resubscription starts after it, so nothing is queued twice or missed. */
  private cursor?: number;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: CommandRunner,
    private readonly reader: EvidencePackReader,
    @Inject(PACK_FILES) private readonly files: PackFiles,
    private readonly progress: PackProgressTracker,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PACK_BUILDER) private readonly buildPack: BuildPack,
    @Optional() @Inject(EVIDENCE_DIGESTS) private readonly digests?: EvidenceDigests,
    /** Backoffs: between losing the log and resubscribing, and before building again after a store fault (tests pass their own). */
    @Optional()
    @Inject(PACK_QUEUE_RETRIERS)
    retriers: PackQueueRetriers = { follow: new Retrier(), builds: new Retrier() },
    /** The log tree the inclusion proofs come from (issue 12); without it a pack carries no digest. */
    @Optional() @Inject(LOG_TREE) private readonly logTree?: LogTree,
    /** Shared state only: which instance builds (embedded, this one always does). */
    @Optional() @Inject(PACK_QUEUE_LEADERSHIP) leadership?: PackQueueLeadership,
  ) {
    this.retrier = retriers.follow;
    this.buildRetrier = retriers.builds;
    this.turns = new PackQueueTurns(leadership, (packId) => this.queue.enqueue(packId), this.log);
  }

  private readonly retrier: Retrier;
  private readonly buildRetrier: Retrier;
  /** Whose turn it is to build (shared state): a pack led elsewhere is queued here again later. */
  private readonly turns: PackQueueTurns;

  onApplicationBootstrap(): void {
    this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
    this.files.removeIfTemporary();
  }

  /** Follows the log for requests; from the start, so anything left unbuilt is queued again. */
  start(): void {
    this.stopping = false;
    this.turns.start();
    this.state = 'following';
    this.following = this.follow();
  }

  /** Stops following the log and lets the build in hand finish (or fail) before the store closes under it. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.retrier.cancel();
    this.buildRetrier.cancel();
    await this.subscription?.close().catch(() => undefined);
    await this.following;
    this.turns.stop();
    await this.queue.drained();
    await this.turns.release();
    this.state = 'stopped';
  }

  status(): PackQueueStatus {
    return this.state === 'retrying' && this.retrier.status
      ? { state: this.state, retry: this.retrier.status }
      : { state: this.state };
  }

  /** Not a required part: without it the API answers, but requested packs wait (and are built once it is back). */
  health(): PartHealth {
    const { state, retry } = this.status();
    if (state !== 'retrying')
      return {
        status: state === 'stopped' ? 'degraded' : 'up',
        state,
        ...(state === 'stopped' ? { reason: 'not following the log' } : {}),
      };
    return {
      status: 'degraded',
      state,
      reason: `retrying: ${retry?.lastError ?? 'lost the log'}`,
      ...(retry ? { retry } : {}),
    };
  }

  /**
   * Until stop(): after any error (the store unreachable, a dropped subscription) it waits a
   * capped, jittered backoff and resubscribes after the last request it saw; never for good.
   */
  private async follow(): Promise<void> {
    while (!this.stopping) {
      try {
        if (this.state === 'retrying') {
          // Proves the store answers again before /health says so (a subscription reads lazily).
          await this.store.readAll({ after: this.cursor, maxCount: 1, filter: REQUESTS });
          this.state = 'following';
          this.retrier.recovered();
          // stop() may have come while the read was in flight: it closed no subscription, so open none.
          if (this.stopping) return;
        }
        const subscription = (this.subscription = this.store.subscribe({ after: this.cursor, filter: REQUESTS }));
        for await (const e of subscription) {
          this.cursor = e.position;
          this.queue.enqueue(EvidencePack.codec.decode(e).data.packId);
        }
        if (this.stopping) return;
        throw new Error('The subscription ended without being closed');
      } catch (err) {
        if (this.stopping) return;
        this.state = 'retrying';
        const wait = this.retrier.failed(err);
        const { attempt, nextRetryAt } = this.retrier.status!;
        this.log.error(
          `Evidence pack queue lost the log (attempt ${attempt}), resubscribing at ${nextRetryAt}: ${String(err)}`,
        );
        await this.subscription?.close().catch(() => undefined);
        await wait;
      }
    }
  }

  /**
   * A build cut short by a store fault may not even have recorded its failure (the pack then stays
   * queued or generating, which only a restart would pick up again): it is queued again after a
   * backoff. The job re-reads the pack first, so one recorded as failed or completed meanwhile is
   * skipped. Any other error was recorded on the pack as its failure.
   */
  private buildFailed(packId: string, err: unknown): void {
    this.log.error(`Evidence pack ${packId}: ${String(err)}`);
    // Deposed while building: the new leader builds it; this instance looks again like any follower.
    if (err instanceof FencedOutError) return this.turns.later(packId);
    if (!(err instanceof StoreUnavailableError) || this.stopping) return;
    void this.buildRetrier.failed(err).then(() => {
      if (!this.stopping) this.queue.enqueue(packId);
    });
  }

  /** Resolves once every pack queued so far has been built or has failed. */
  drained(): Promise<void> {
    return this.queue.drained();
  }

  private async build(packId: string): Promise<void> {
    const record = await this.reader.one(packId);
    if (record.state.status !== 'queued' && record.state.status !== 'generating') return;
    await this.turns.asLeader(packId, (lease) => this.buildAsLeader(record, lease));
  }

  private async buildAsLeader(record: PackRecord, lease: HeldLease | undefined): Promise<void> {
    const { packId } = record;
    const ctx = this.contextOf(record);
    await this.runner.run(EvidencePack, packId, { type: 'start-pack-generation', data: { packId } }, ctx);
    this.progress.set(packId, { phase: 'selecting', eventsWritten: 0 });
    let manifest: PackManifest;
    let bytes: number;
    try {
      ({ manifest, bytes } = await this.writePack(record, lease));
    } catch (err) {
      this.progress.clear(packId);
      // A deposed leader records nothing more: the pack is the new leader's to build.
      if (err instanceof FencedOutError) throw err;
      const reason = (err instanceof Error ? err.message : String(err)).slice(0, MAX_REASON) || 'unknown error';
      await this.runner.run(EvidencePack, packId, { type: 'fail-pack-generation', data: { packId, reason } }, ctx);
      throw err;
    }
    const eventsWritten = this.progress.get(packId)?.eventsWritten ?? 0;
    this.progress.clear(packId);
    const { rootHash, generatedAt, positions, files, digest } = manifest;
    const summary = {
      rootHash,
      bytes,
      eventsWritten,
      generatedAt,
      positions,
      files,
      ...(digest ? { digestId: digest.digestId } : {}),
    };
    await this.runner.run(
      EvidencePack,
      packId,
      { type: 'complete-pack-generation', data: { packId, ...summary } },
      ctx,
    );
    this.buildRetrier.recovered();
  }

  /** Streams the ZIP to a temporary file and keeps it (PackFiles) only when it is whole. */
  private async writePack(
    { packId, state }: PackRecord,
    lease: HeldLease | undefined,
  ): Promise<{ manifest: PackManifest; bytes: number }> {
    const temp = this.files.tempPathOf(packId);
    const out = createWriteStream(temp);
    try {
      const manifest = await this.buildPack(
        this.store,
        {
          packId,
          scope: state.scope!,
          requestedBy: state.requestedBy!,
          generatedAt: this.clock.now().toISOString(),
          digestCovering: this.digests ? (position) => this.digests!.latestCovering(position) : undefined,
          logTree: this.logTree,
          onProgress: (p) => this.progress.set(packId, p),
        },
        out,
      );
      if (!out.writableEnded) out.end();
      await finished(out);
      return { manifest, bytes: await this.files.keep(packId, lease) };
    } catch (err) {
      // The stream opens its file asynchronously: remove it only once the stream has closed, or an
      // open still in flight would create the file again after the removal and leave it behind.
      out.destroy();
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
      await rm(temp, { force: true });
      throw err;
    }
  }

  private contextOf({ events }: PackRecord): CommandContext {
    const { actor, correlationId } = events[0].metadata;
    return { actor, correlationId };
  }
}
