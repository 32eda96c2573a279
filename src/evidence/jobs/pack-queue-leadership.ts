import type { HeldLease, PgLeases } from '../../shared-state/postgres/leases';

/** The lease row the pack queue's leader holds (SHARED_STATE=postgres). */
export const PACK_QUEUE_LEASE = 'evidence-pack-queue';

/**
 * Which instance builds queued packs when several serve one ledger: exactly one at a time, the
 * holder of the pack queue's lease. Every instance follows the log and queues every request; the
 * others wait and look again every quarter lease, so when the leader dies one of them takes over
 * once its lease lapses (LEADER_LEASE_SECONDS after its last renewal, plus at most one look).
 */
export class PackQueueLeadership {
  constructor(
    private readonly leases: PgLeases,
    private readonly instanceId: string,
    /** LEADER_LEASE_SECONDS: a leader renews every third of it while it builds. */
    readonly leaseMs: number,
  ) {}

  /** Takes the lease (free or lapsed) or renews this instance's own; undefined while another holds it. */
  lead(): Promise<HeldLease | undefined> {
    return this.leases.acquire(PACK_QUEUE_LEASE, this.instanceId, this.leaseMs);
  }

  /** Gives the lease up at a clean shutdown, so another instance need not wait out its time. */
  release(lease: HeldLease): Promise<void> {
    return this.leases.release(lease);
  }
}

export const PACK_QUEUE_LEADERSHIP = Symbol('PACK_QUEUE_LEADERSHIP');

/**
 * The pack queue's turns on one instance: a build runs as leader (its lease renewed every third of
 * it meanwhile, and handed to the write that keeps the pack), or, while another instance leads, the
 * pack is queued here again after a quarter lease. Without leadership (embedded) every build runs.
 */
export class PackQueueTurns {
  private readonly waiting = new Map<string, NodeJS.Timeout>();
  private lease?: HeldLease;
  private stopped = false;

  constructor(
    private readonly leadership: PackQueueLeadership | undefined,
    private readonly requeue: (packId: string) => void,
    private readonly log: { warn(message: string): void },
  ) {}

  start(): void {
    this.stopped = false;
  }

  async asLeader(packId: string, build: (lease: HeldLease | undefined) => Promise<void>): Promise<void> {
    if (!this.leadership) return build(undefined);
    this.lease = await this.leadership.lead();
    if (!this.lease) return this.later(packId);
    const renewal = setInterval(() => void this.renew(), this.leadership.leaseMs / 3);
    try {
      await build(this.lease);
    } finally {
      clearInterval(renewal);
    }
  }

  /** Another instance leads (or took over): look again in a quarter lease; it may die, or build it. */
  later(packId: string): void {
    if (this.stopped || !this.leadership || this.waiting.has(packId)) return;
    const timer = setTimeout(() => {
      this.waiting.delete(packId);
      if (!this.stopped) this.requeue(packId);
    }, this.leadership.leaseMs / 4);
    timer.unref();
    this.waiting.set(packId, timer);
  }

  /** No more looks: shutdown. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
  }

  /** Gives the lease up at a clean shutdown (once no build runs), so another instance takes over at once. */
  async release(): Promise<void> {
    if (this.lease) await this.leadership?.release(this.lease).catch(() => undefined);
    this.lease = undefined;
  }

  /** A renewal that finds the lease lost leaves the build's write to be refused by its fencing token. */
  private async renew(): Promise<void> {
    try {
      this.lease = await this.leadership!.lead();
    } catch (err) {
      this.log.warn(`Evidence pack queue: renewing the lease failed: ${String(err)}`);
    }
  }
}
