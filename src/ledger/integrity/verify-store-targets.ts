import { createHash, type Hash } from 'node:crypto';
import type { StoredEvent } from '../event-envelope';
import { CompactRange, compareStreamIds, eventLeafHash, hashLeaf, StreamHeadsTree, toHex } from './merkle';
import {
  type DigestCheck,
  digestLabel,
  type LedgerProblem,
  type SourcedDigest,
  sourceName,
} from './verify-store-problems';

/**
 * How many points of the log stay at hand for digests met after the head they cover. A recorded
 * digest comes right after that head (only writes landing between signing and recording come
 * between), so it is checked in the same read; one further back waits for a second read.
 */
export const RECENT_POINTS = 1024;

/**
 * The log just after one event: how many events so far and the tree over them; the log hash only
 * for the live point (copying a SHA-256 state per event would cost more than the rest of the check).
 */
interface Point {
  event: StoredEvent;
  size: number;
  range: CompactRange;
  logHash?: Hash;
  /** Its stream's head before this event (undefined: the stream began here), to step the heads back to an earlier point. */
  previousHead?: Buffer;
}

interface Target {
  d: SourcedDigest;
  /** The first finding only: the rest of a digest's checks add nothing once it fails. */
  problem?: LedgerProblem;
}

/**
 * Recomputes, from the events alone and in log order, the two commitments a digest may sign: the
 * RFC 9162 tree (size and root; leaf = eventLeafHash, index = ordinal in the log) and the flat log
 * hash with its event count (digests recorded before the tree). Checks every digest at the point of
 * the log it covers. Nothing is trusted but the events: not the service's log-tree file, nor its
 * running log hash. Digests known up front (supplied) wait for their point; digests met in the log
 * (addLate) are checked against the recent points kept, or handed back for a second read.
 */
export class DigestTargets {
  private readonly range = CompactRange.empty();
  private readonly logHash = createHash('sha256');
  /** Each stream's last event so far, as its leaf: one entry per stream, for digests that sign the stream heads. */
  private readonly heads = new Map<string, Buffer>();
  private readonly byPosition: Target[] = [];
  private readonly bySize: Target[] = [];
  private readonly all: Target[] = [];
  /** Ring of the last RECENT_POINTS points, oldest at `oldest`. */
  private readonly recent: Point[] = [];
  private oldest = 0;

  private readonly keep: number;

  constructor(digests: SourcedDigest[] = [], keep = RECENT_POINTS) {
    this.keep = Math.max(1, keep);
    for (const d of digests) this.wait(this.track(d), true, true);
  }

  /** Every event of the log, in log order. */
  add(e: StoredEvent): void {
    // Digests whose position the log passed over without an event there: that event is gone.
    while (this.byPosition.length > 0 && this.byPosition[0].d.digest.position < e.position)
      this.noEventAt(this.byPosition.shift()!, e);
    const leaf = leafOf(e);
    const previousHead = this.heads.get(e.streamId);
    this.range.append(leaf);
    this.heads.set(e.streamId, leaf);
    this.logHash.update(`${e.integrity.hash}\n`);
    const now: Point = { event: e, size: this.range.size, range: this.range, logHash: this.logHash };
    while (this.byPosition.length > 0 && this.byPosition[0].d.digest.position === e.position)
      this.atPosition(this.byPosition.shift()!, now, () => this.heads);
    while (this.bySize.length > 0 && this.bySize[0].d.digest.treeSize === this.range.size)
      this.atSize(this.bySize.shift()!, now);
    this.remember({ event: e, size: now.size, range: this.range.clone(), previousHead });
  }

  /**
   * A digest met in the log after `add` of the events before it. False when the point it covers is
   * older than the points kept: the caller checks it on a second read (a new DigestTargets).
   */
  addLate(d: SourcedDigest): boolean {
    const points = this.points();
    const first = points[0];
    const { position, treeSize } = d.digest;
    const last = points.at(-1);
    // A digest without a tree is held to the log hash, known only live: past its point, it waits for the second read.
    const positionKnown =
      last === undefined ||
      position > last.event.position ||
      (treeSize === undefined ? position === last.event.position : first.event.position <= position);
    const sizeKnown = treeSize === undefined || last === undefined || treeSize > last.size || treeSize >= first.size;
    if (!positionKnown || !sizeKnown) return false;
    const t = this.track(d);
    if (last === undefined || position > last.event.position) this.wait(t, true, false);
    else {
      const i = points.findIndex((p) => p.event.position >= position);
      const at = points[i];
      if (at.event.position === position)
        this.atPosition(t, at === last ? { ...at, logHash: this.logHash } : at, () =>
          this.headsBack(points.slice(i + 1)),
        );
      else this.noEventAt(t, at.event);
    }
    if (treeSize !== undefined) {
      if (last === undefined || treeSize > last.size) this.wait(t, false, true);
      else if (treeSize >= 1) this.atSize(t, points[treeSize - first.size]);
    }
    return true;
  }

  get treeSize(): number {
    return this.range.size;
  }

  get treeRoot(): string {
    return toHex(this.range.root());
  }

  /** After the last event: digests still waiting cover more than the log holds. */
  finish(lastPosition: number | null): { checks: DigestCheck[]; problems: LedgerProblem[] } {
    for (const t of [...this.byPosition, ...this.bySize]) {
      const d = t.d.digest;
      const size = d.treeSize ?? d.eventCount;
      t.problem ??= {
        kind: 'log-cut-short',
        ...at(t),
        position: d.position,
        message: `${digestLabel(t.d)} covers ${size} events up to position ${d.position}, but the log holds ${this.range.size} events ending at position ${lastPosition ?? 'none'}: ${Math.max(0, size - this.range.size)} or more events are gone`,
      };
    }
    return {
      checks: this.all.map((t) => ({
        digestId: t.d.digest.digestId,
        source: sourceName(t.d.source),
        position: t.d.digest.position,
        ...(t.d.digest.treeSize === undefined ? {} : { treeSize: t.d.digest.treeSize }),
        ok: !t.problem,
      })),
      problems: this.all.flatMap((t) => (t.problem ? [t.problem] : [])),
    };
  }

  private track(d: SourcedDigest): Target {
    const t: Target = { d };
    this.all.push(t);
    return t;
  }

  /** Queues a target for the point it covers, keeping each queue in log order. */
  private wait(t: Target, byPosition: boolean, bySize: boolean): void {
    const insert = (queue: Target[], key: (x: Target) => number) => {
      const i = queue.findIndex((x) => key(x) > key(t));
      queue.splice(i < 0 ? queue.length : i, 0, t);
    };
    if (byPosition) insert(this.byPosition, (x) => x.d.digest.position);
    if (bySize && t.d.digest.treeSize !== undefined) insert(this.bySize, (x) => x.d.digest.treeSize!);
  }

  private remember(p: Point): void {
    if (this.recent.length < this.keep) this.recent.push(p);
    else {
      this.recent[this.oldest] = p;
      this.oldest = (this.oldest + 1) % this.keep;
    }
  }

  /** The kept points, oldest first: consecutive sizes. */
  private points(): Point[] {
    return [...this.recent.slice(this.oldest), ...this.recent.slice(0, this.oldest)];
  }

  private noEventAt(t: Target, next: StoredEvent): void {
    this.fail(
      t,
      { position: t.d.digest.position },
      `position ${t.d.digest.position} it covers holds no event (the log goes on at position ${next.position})`,
    );
  }

  /** The stream heads as they were before `later` (kept points, oldest first) were added: the live ones, stepped back. */
  private headsBack(later: Point[]): Map<string, Buffer> {
    const heads = new Map(this.heads);
    for (const p of later.reverse()) {
      if (p.previousHead) heads.set(p.event.streamId, p.previousHead);
      else heads.delete(p.event.streamId);
    }
    return heads;
  }

  private atPosition(t: Target, p: Point, headsThen: () => Map<string, Buffer>): void {
    const d = t.d.digest;
    if (p.size !== d.eventCount)
      return this.fail(
        t,
        p.event,
        `the log holds ${p.size} events up to position ${d.position}, the digest signed ${d.eventCount}`,
      );
    // The stream heads, recomputed (sorted once per digest) for a digest that signs them.
    if (d.streamHeadsSize !== undefined || d.streamHeadsRoot !== undefined) {
      const heads = headsTree(headsThen());
      const root = toHex(heads.root());
      if (heads.size !== d.streamHeadsSize || root !== d.streamHeadsRoot) {
        return this.fail(
          t,
          p.event,
          `the last events of the ${heads.size} streams up to position ${d.position} give stream-heads root ${root}, the digest signed ${d.streamHeadsSize} streams with root ${d.streamHeadsRoot}`,
        );
      }
    }
    // The tree commits to every event hash in order, and to its stream and revision besides: a
    // digest with a tree is held to the tree; the log hash is checked for digests signed before it.
    if (d.treeSize !== undefined) return;
    if (!p.logHash)
      throw new Error(
        `digest ${d.digestId} without a tree was checked away from the live point (addLate defers those)`,
      );
    if (p.logHash.copy().digest('hex') !== d.logHash)
      return this.fail(t, p.event, `the log hash of the events up to position ${d.position} is not the one signed`);
  }

  private atSize(t: Target, p: Point): void {
    const d = t.d.digest;
    if (p.event.position !== d.position)
      return this.fail(
        t,
        p.event,
        `event ${d.treeSize} of the log is at position ${p.event.position}, the digest signed position ${d.position}`,
      );
    const root = toHex(p.range.root());
    if (root !== d.treeRoot)
      return this.fail(
        t,
        p.event,
        `the tree of the first ${d.treeSize} events has root ${root}, the digest signed ${d.treeRoot}`,
      );
  }

  private fail(t: Target, e: Partial<StoredEvent>, why: string): void {
    const d = t.d.digest;
    t.problem ??= {
      kind: 'digest-mismatch',
      ...at(t),
      ...(e.id === undefined ? {} : { eventId: e.id, streamId: e.streamId, revision: e.revision }),
      position: e.position,
      message: `${digestLabel(t.d)}: ${why}; an event at or before position ${d.position} was altered, removed, inserted or moved`,
    };
  }
}

const at = (t: Target) => ({ digestId: t.d.digest.digestId, digestSource: sourceName(t.d.source) });

/** Brackets each mismatch by the latest earlier digest that verified: the change lies between the two. */
export function localise(checks: DigestCheck[], problems: LedgerProblem[]): void {
  let lastGood: DigestCheck | undefined;
  for (const c of [...checks].sort((a, b) => a.position - b.position)) {
    const problem = problems.find(
      (p) => p.kind === 'digest-mismatch' && p.digestId === c.digestId && p.digestSource === c.source,
    );
    if (!problem && c.ok) lastGood = c;
    else if (problem && lastGood)
      problem.message += ` after position ${lastGood.position} (digest ${lastGood.digestId} verifies)`;
  }
}

/** An event whose stored hash is not even well-formed still takes its place in the tree, as a leaf no digest can match. */
function leafOf(e: StoredEvent): Buffer {
  try {
    return eventLeafHash(e);
  } catch {
    return hashLeaf(Buffer.from(`malformed\x00${JSON.stringify([e.streamId, e.revision, e.integrity?.hash])}`, 'utf8'));
  }
}

/** The stream-heads tree over leaves already computed (stream-heads.ts: ascending streamId, code-unit order). */
function headsTree(heads: Map<string, Buffer>): StreamHeadsTree {
  const ids = [...heads.keys()].sort(compareStreamIds);
  return StreamHeadsTree.fromLeaves(
    ids,
    ids.map((id) => heads.get(id)!),
  );
}
