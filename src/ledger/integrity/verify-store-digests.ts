import { createHash, createPublicKey } from 'node:crypto';
import type { StoredEvent } from '../event-envelope';
import { digestIdFor } from '../digests/ledger-digest';
import { verifyDigestSignature } from '../digests/digest-signature';
import { CompactRange, eventLeafHash, hashLeaf, toHex } from './merkle';
import { type DigestCheck, type LedgerProblem, type SourcedDigest, sourceName } from './verify-store-problems';

/**
 * Whether a digest can be held against the log at all: its signature verifies (with the pinned key
 * when one is given, else with the key it carries) and it is shaped as the service records it.
 * Returns the problems; a digest with a bad signature is not checked further (its claims mean nothing).
 */
export function digestProblems(sourced: SourcedDigest, pinnedKeyPem?: string): { problems: LedgerProblem[]; checkable: boolean } {
  const problems = shapeAndSignature(sourced, pinnedKeyPem);
  const checkable = !problems.some((p) => p.kind === 'digest-signature-invalid');
  return { problems: checkable ? [...problems, ...placement(sourced, pinnedKeyPem)] : problems, checkable };
}

function shapeAndSignature({ digest: d, source }: SourcedDigest, pinnedKeyPem?: string): LedgerProblem[] {
  const at = { digestId: String(d?.digestId), digestSource: sourceName(source) };
  if (typeof d !== 'object' || d === null || !Number.isSafeInteger(d.position) || !Number.isSafeInteger(d.eventCount)) {
    return [{ kind: 'digest-signature-invalid', ...at, message: `digest ${at.digestId} (${at.digestSource}) is not a signed digest` }];
  }
  // A supplied digest is checked against the pinned key alone: the key it carries proves nothing.
  const signedBy = source.kind === 'supplied' && pinnedKeyPem ? { ...d, publicKeyPem: pinnedKeyPem } : d;
  if (!verifyDigestSignature(signedBy)) {
    return [{ kind: 'digest-signature-invalid', ...at, message: `digest ${d.digestId} (${at.digestSource}) does not verify with ${signedBy === d ? 'the key it carries' : 'the pinned public key'}` }];
  }
  return [];
}

function placement({ digest: d, source }: SourcedDigest, pinnedKeyPem?: string): LedgerProblem[] {
  const at = { digestId: d.digestId, digestSource: sourceName(source) };
  const problems: LedgerProblem[] = [];
  if (pinnedKeyPem && !sameKey(d.publicKeyPem, pinnedKeyPem) && source.kind === 'ledger') {
    problems.push({ kind: 'digest-key-not-pinned', ...at, message: `digest ${d.digestId} recorded in the ledger is signed by a key other than the pinned public key` });
  }
  if (d.digestId !== digestIdFor(d.position)) {
    problems.push({ kind: 'digest-malformed', ...at, message: `digest id ${d.digestId} does not name its position ${d.position}` });
  }
  // A digest covers the log before it was recorded: one at or after its own event is forged or moved.
  if (source.kind === 'ledger' && !(d.position < source.eventPosition)) {
    problems.push({ kind: 'digest-malformed', ...at, position: source.eventPosition, message: `digest ${d.digestId} covers position ${d.position}, but is itself recorded at position ${source.eventPosition}` });
  }
  return problems;
}

function sameKey(a: string, b: string): boolean {
  try {
    const der = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'der' });
    return der(a).equals(der(b));
  } catch {
    return false;
  }
}

interface Target {
  d: SourcedDigest;
  /** The first finding only: the rest of a digest's checks add nothing once it fails. */
  problem?: LedgerProblem;
  pendingByPosition: boolean;
  pendingBySize: boolean;
}

/**
 * Recomputes, from the events alone and in log order, the two commitments a digest may sign: the
 * RFC 9162 tree (size and root; leaf = eventLeafHash, index = ordinal in the log) and the flat log
 * hash with its event count (digests recorded before the tree). Checks every digest at the point of
 * the log it covers. Nothing is trusted but the events: not the service's log-tree file, nor its
 * running log hash.
 */
export class DigestTargets {
  private readonly range = CompactRange.empty();
  private readonly logHash = createHash('sha256');
  private readonly byPosition: Target[];
  private readonly bySize: Target[];
  private readonly all: Target[];

  constructor(digests: SourcedDigest[]) {
    this.all = digests.map((d) => ({ d, pendingByPosition: true, pendingBySize: d.digest.treeSize !== undefined }));
    this.byPosition = [...this.all].sort((a, b) => a.d.digest.position - b.d.digest.position);
    this.bySize = this.all.filter((t) => t.pendingBySize).sort((a, b) => a.d.digest.treeSize! - b.d.digest.treeSize!);
  }

  /** Every event of the log, in log order. */
  add(e: StoredEvent): void {
    // Digests whose position the log passed over without an event there: that event is gone.
    while (this.byPosition.length > 0 && this.byPosition[0].d.digest.position < e.position) {
      const t = this.byPosition.shift()!;
      this.fail(t, { position: t.d.digest.position }, `position ${t.d.digest.position} it covers holds no event (the log goes on at position ${e.position})`);
    }
    this.range.append(leafOf(e));
    this.logHash.update(`${e.integrity.hash}\n`);
    while (this.byPosition.length > 0 && this.byPosition[0].d.digest.position === e.position) this.atPosition(this.byPosition.shift()!, e);
    while (this.bySize.length > 0 && this.bySize[0].d.digest.treeSize === this.range.size) this.atSize(this.bySize.shift()!, e);
  }

  get treeSize(): number {
    return this.range.size;
  }

  get treeRoot(): string {
    return toHex(this.range.root());
  }

  /** After the last event: digests still waiting cover more than the log holds. */
  finish(lastPosition: number | null): { checks: DigestCheck[]; problems: LedgerProblem[] } {
    const cut = (t: Target) => {
      const d = t.d.digest;
      const size = d.treeSize ?? d.eventCount;
      t.problem ??= {
        kind: 'log-cut-short', ...this.at(t), position: d.position,
        message: `digest ${d.digestId} (${sourceName(t.d.source)}) covers ${size} events up to position ${d.position}, but the log holds ${this.range.size} events ending at position ${lastPosition ?? 'none'}: ${Math.max(0, size - this.range.size)} or more events are gone`,
      };
    };
    for (const t of [...this.byPosition, ...this.bySize]) cut(t);
    this.localise();
    return {
      checks: this.all.map((t) => ({ digestId: t.d.digest.digestId, source: sourceName(t.d.source), position: t.d.digest.position, ...(t.d.digest.treeSize === undefined ? {} : { treeSize: t.d.digest.treeSize }), ok: !t.problem })),
      problems: this.all.flatMap((t) => (t.problem ? [t.problem] : [])),
    };
  }

  private atPosition(t: Target, e: StoredEvent): void {
    const d = t.d.digest;
    if (this.range.size !== d.eventCount) return this.fail(t, e, `the log holds ${this.range.size} events up to position ${d.position}, the digest signed ${d.eventCount}`);
    if (d.logHash !== undefined && this.logHash.copy().digest('hex') !== d.logHash) return this.fail(t, e, `the log hash of the events up to position ${d.position} is not the one signed`);
  }

  private atSize(t: Target, e: StoredEvent): void {
    const d = t.d.digest;
    if (e.position !== d.position) return this.fail(t, e, `event ${d.treeSize} of the log is at position ${e.position}, the digest signed position ${d.position}`);
    if (this.treeRoot !== d.treeRoot) return this.fail(t, e, `the tree of the first ${d.treeSize} events has root ${this.treeRoot}, the digest signed ${d.treeRoot}`);
  }

  private fail(t: Target, e: Partial<StoredEvent>, why: string): void {
    const d = t.d.digest;
    t.problem ??= {
      kind: 'digest-mismatch', ...this.at(t),
      ...(e.id === undefined ? {} : { eventId: e.id, streamId: e.streamId, revision: e.revision }),
      position: e.position,
      message: `digest ${d.digestId} (${sourceName(t.d.source)}): ${why}; an event at or before position ${d.position} was altered, removed, inserted or moved`,
    };
  }

  private at(t: Target) {
    return { digestId: t.d.digest.digestId, digestSource: sourceName(t.d.source) };
  }

  /** Brackets each failure by the latest earlier digest that verified: the change lies between the two. */
  private localise(): void {
    const ordered = [...this.all].sort((a, b) => a.d.digest.position - b.d.digest.position);
    let lastGood: Target | undefined;
    for (const t of ordered) {
      if (!t.problem) lastGood = t;
      else if (lastGood && t.problem.kind === 'digest-mismatch') t.problem.message += ` after position ${lastGood.d.digest.position} (digest ${lastGood.d.digest.digestId} verifies)`;
    }
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
