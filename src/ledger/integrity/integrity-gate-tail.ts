import type { SignedDigest } from '../../evidence/pack/pack-types';
import { GENESIS_HASH, type StoredEvent } from '../event-envelope';
import { LedgerDigest } from '../digests/ledger-digest';
import { verifyDigestSignature } from '../digests/digest-signature';
import { LogHasher } from '../digests/log-hash';
import { streamCategory } from '../stream-name';
import { hashEvent } from './hash-chain';
import { VERIFY_PAGE, type LedgerReader } from './verify-store';

/**
 * The last event the gate verified, persisted so the next check reads only what came after it.
 * Its stream and revision let the next check find it again without reading by position (positions
 * are opaque: the port reads a stream by revision, the log only "after" a position).
 */
export interface VerifiedPoint {
  position: number;
  streamId: string;
  revision: number;
  hash: string;
}

export interface TailReport {
  ok: boolean;
  /** One line per problem, naming the event, stream, position or digest. */
  problems: string[];
  /** The last event of the log as read now (undefined: the log is empty). */
  head?: VerifiedPoint;
  eventsChecked: number;
}

/** "Verify the tail since X": the gate's one dependency on a verifier (from undefined: the whole log). */
export type TailVerifier = (reader: LedgerReader, from: VerifiedPoint | undefined) => Promise<TailReport>;

const pointOf = (e: StoredEvent): VerifiedPoint => ({ position: e.position, streamId: e.streamId, revision: e.revision, hash: e.integrity.hash });
const at = (e: Pick<StoredEvent, 'id' | 'streamId' | 'revision' | 'position'>) => `event ${e.id} (stream ${e.streamId}, revision ${e.revision}, position ${e.position})`;

/**
 * Verifies the log after `from`: that the event there is still what was verified (else the tail
 * was lost or rewritten), each stream's chain over the new events, linked to that stream's event
 * before them, every recorded digest's signature, that no digest covers a position beyond the head
 * (a log cut short behind a digest), and, when reading from the start, each digest's log hash.
 */
export const verifyTail: TailVerifier = async (reader, from) => {
  const problems: string[] = [];
  if (from && !(await stillThere(reader, from))) {
    problems.push(`the last verified event (stream ${from.streamId}, revision ${from.revision}, position ${from.position}) is no longer in the ledger as verified: the log lost its tail or was rewritten`);
    from = undefined; // read it all again to find the head and what else is wrong
  }
  const digests = await recordedDigests(reader);
  const coverage = from ? undefined : new DigestCoverage(digests);
  const chains = new Map<string, { revision: number; hash: string }>();
  let head = from;
  let eventsChecked = 0;
  for (let after = from?.position; ;) {
    const page = await reader.readAll({ after, maxCount: VERIFY_PAGE });
    for (const e of page) {
      eventsChecked++;
      const problem = (await checkLink(reader, e, chains, from !== undefined)) ?? coverage?.take(e);
      if (problem) problems.push(problem);
      head = pointOf(e);
    }
    if (page.length < VERIFY_PAGE) break;
    after = page.at(-1)!.position;
  }
  for (const d of digests) {
    if (!verifyDigestSignature(d)) problems.push(`digest ${d.digestId} does not verify with its own public key`);
    if (head === undefined || d.position > head.position) problems.push(`digest ${d.digestId} covers position ${d.position}, beyond the ledger's head (${head?.position ?? 'empty'}): the log lost its tail`);
  }
  if (coverage) problems.push(...coverage.unmet(head));
  return { ok: problems.length === 0, problems, head, eventsChecked };
};

async function stillThere(reader: LedgerReader, p: VerifiedPoint): Promise<boolean> {
  const [e] = await reader.readStream(p.streamId, { fromRevision: p.revision, maxCount: 1 });
  return e !== undefined && e.revision === p.revision && e.position === p.position && e.integrity.hash === p.hash;
}

/** The first problem with this event's link into its stream, or undefined; keeps each stream's last hash. */
async function checkLink(reader: LedgerReader, e: StoredEvent, chains: Map<string, { revision: number; hash: string }>, tail: boolean): Promise<string | undefined> {
  if (hashEvent(e, e.integrity.prevHash) !== e.integrity.hash) return `${at(e)} does not match its hash (altered)`;
  let last = chains.get(e.streamId);
  if (!last && e.revision === 0) last = { revision: -1, hash: GENESIS_HASH };
  if (!last && tail) {
    // The stream's event before the tail: verified earlier, read once by revision.
    const [prev] = await reader.readStream(e.streamId, { fromRevision: e.revision - 1, maxCount: 1 });
    if (prev && prev.revision === e.revision - 1 && prev.position < e.position) last = { revision: prev.revision, hash: prev.integrity.hash };
  }
  chains.set(e.streamId, { revision: e.revision, hash: e.integrity.hash });
  if (!last || e.revision !== last.revision + 1) return `${at(e)} does not follow revision ${last?.revision ?? 'none'} of its stream (an event was removed, inserted or moved)`;
  if (e.integrity.prevHash !== last.hash) return `${at(e)} does not link to the event before it in its stream (prevHash mismatch)`;
  return undefined;
}

async function recordedDigests(reader: LedgerReader): Promise<SignedDigest[]> {
  const digests: SignedDigest[] = [];
  for (let after: number | undefined; ;) {
    const page = await reader.readAll({ after, maxCount: VERIFY_PAGE, filter: { streamCategories: [LedgerDigest.category] } });
    for (const e of page) if (streamCategory(e.streamId) === LedgerDigest.category) digests.push(LedgerDigest.codec.decode(e).data);
    if (page.length < VERIFY_PAGE) return digests;
    after = page.at(-1)!.position;
  }
}

/** Reading the whole log: the running log hash, checked against each digest at the position it covers. */
class DigestCoverage {
  private readonly hasher = new LogHasher();
  private readonly pending: Map<number, SignedDigest[]> = new Map();

  constructor(digests: SignedDigest[]) {
    for (const d of digests) this.pending.set(d.position, [...(this.pending.get(d.position) ?? []), d]);
  }

  take(e: StoredEvent): string | undefined {
    try {
      this.hasher.add(e.integrity.hash);
    } catch {
      return `${at(e)} holds a malformed hash`;
    }
    const due = this.pending.get(e.position);
    if (!due) return undefined;
    this.pending.delete(e.position);
    const logHash = this.hasher.current();
    const wrong = due.filter((d) => d.logHash !== logHash || d.eventCount !== this.hasher.eventCount);
    return wrong.length ? wrong.map((d) => `digest ${d.digestId}: the log up to position ${d.position} no longer hashes to what it signed (events before it were changed, removed, added or moved)`).join('; ') : undefined;
  }

  /** Digests whose position names no event read (beyond the head is reported as a lost tail instead). */
  unmet(head: VerifiedPoint | undefined): string[] {
    return [...this.pending.values()].flat().filter((d) => head !== undefined && d.position <= head.position).map((d) => `digest ${d.digestId} covers position ${d.position}, which names no event in the ledger`);
  }
}
