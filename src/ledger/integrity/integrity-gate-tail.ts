import type { SignedDigest } from '../digests/signed-digest';
import { GENESIS_HASH, type StoredEvent } from '../event-envelope';
import { LedgerDigest } from '../digests/ledger-digest';
import { verifyDigestSignature } from '../digests/digest-signature';
import { streamCategory } from '../stream-name';
import { hashEvent } from './hash-chain';
import { GateTree } from './integrity-gate-tree';
import type { CompactRangeState } from './merkle';
import type { LedgerProblem } from './verify-store-problems';
import { VERIFY_PAGE, verifyLedger, type LedgerReader, type VerifyLedgerOptions } from './verify-store';

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
  /** The RFC 9162 tree over the log through this event, recomputed from the events (absent in older files). */
  tree?: CompactRangeState;
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

const pointOf = (e: StoredEvent): VerifiedPoint => ({
  position: e.position,
  streamId: e.streamId,
  revision: e.revision,
  hash: e.integrity.hash,
});
const at = (e: Pick<StoredEvent, 'id' | 'streamId' | 'revision' | 'position'>) =>
  `event ${e.id} (stream ${e.streamId}, revision ${e.revision}, position ${e.position})`;

/**
 * The gate's verifier. With a verified point: the log after it (verifyTail). Without one (the first
 * start on a ledger, or after the point was lost, itself a failure), the whole ledger through
 * verifyLedger, the one verifier verify-store uses: chains, dense positions where the engine's are,
 * and every recorded digest's log hash and tree root recomputed from the events.
 */
export function gateVerifier(options: Pick<VerifyLedgerOptions, 'positions'> = {}): TailVerifier {
  return async (reader, from) => {
    if (from) {
      if (await stillThere(reader, from)) return verifyTail(reader, from);
      const whole = await verifyWhole(reader, options);
      const lost = `the last verified event (stream ${from.streamId}, revision ${from.revision}, position ${from.position}) is no longer in the ledger as verified: the log lost its tail or was rewritten`;
      return { ...whole, ok: false, problems: [lost, ...whole.problems] };
    }
    return verifyWhole(reader, options);
  };
}

async function verifyWhole(reader: LedgerReader, options: Pick<VerifyLedgerOptions, 'positions'>): Promise<TailReport> {
  let last: StoredEvent | undefined;
  const tree = GateTree.empty();
  // The head and the tree through it, from verifyLedger's own reads: a read from the start restarts
  // them, one that carries on from the last event taken extends them, any other (a re-read of part
  // of the log for older digests) is left out, so each event counts once, in log order.
  const noting: LedgerReader = {
    readStream: (streamId, o) => reader.readStream(streamId, o),
    readAll: async (o) => {
      const page = await reader.readAll(o);
      if (o?.filter) return page;
      if (o?.after === undefined) {
        tree.restart();
        last = undefined;
      } else if (last === undefined || o.after !== last.position) return page;
      for (const e of page) tree.take(e);
      if (page.length > 0) last = page.at(-1)!;
      return page;
    },
  };
  const report = await verifyLedger(noting, options);
  const head = last && { ...pointOf(last), tree: tree.state() };
  return { ok: report.ok, problems: report.problems.map(describe), head, eventsChecked: report.eventsChecked };
}

/** A finding as one line that names where: the stream and position when the message does not already. */
function describe(p: LedgerProblem): string {
  const where =
    p.streamId !== undefined && !p.message.includes(p.streamId)
      ? ` (stream ${p.streamId}${p.position !== undefined ? `, position ${p.position}` : ''})`
      : '';
  return `${p.kind}: ${p.message}${where}`;
}

/**
 * The log after `from` (whose event is still there): each stream's chain over the new events,
 * linked to that stream's event before them, every recorded digest's signature, that no digest
 * covers a position beyond the head (a log cut short behind a digest), and the tree root of each
 * digest covering the tail, from the tree persisted with the point. A digest's flat log hash needs
 * the log from its start: the whole-ledger check (first start, verify-store) holds those.
 */
export async function verifyTail(reader: LedgerReader, from: VerifiedPoint): Promise<TailReport> {
  const problems: string[] = [];
  // Only digests recorded after the point (each covers a position before its own event; those before
  // were checked up to the point): reading them all would scan the whole log on an engine that
  // filters while paging (SQLite), which is what a tail check must not cost.
  const digests = await recordedDigests(reader, from.position);
  const tree = GateTree.resume(from.tree);
  tree?.expect(digests.filter((d) => d.position > from.position));
  const chains = new Map<string, { revision: number; hash: string }>();
  let head = from;
  let eventsChecked = 0;
  for (let after = from.position; ;) {
    const page = await reader.readAll({ after, maxCount: VERIFY_PAGE });
    for (const e of page) {
      eventsChecked++;
      const problem = await checkLink(reader, e, chains);
      if (problem) problems.push(problem);
      problems.push(...(tree?.take(e) ?? []));
      head = pointOf(e);
    }
    if (page.length < VERIFY_PAGE) break;
    after = page.at(-1)!.position;
  }
  if (tree) head = { ...head, tree: tree.state() };
  problems.push(...(tree?.unmet(head.position) ?? []));
  for (const d of digests) {
    if (!verifyDigestSignature(d)) problems.push(`digest ${d.digestId} does not verify with its own public key`);
    if (d.position > head.position)
      problems.push(
        `digest ${d.digestId} covers position ${d.position}, beyond the ledger's head (${head.position}): the log lost its tail`,
      );
  }
  return { ok: problems.length === 0, problems, head, eventsChecked };
}

async function stillThere(reader: LedgerReader, p: VerifiedPoint): Promise<boolean> {
  const [e] = await reader.readStream(p.streamId, { fromRevision: p.revision, maxCount: 1 });
  return e !== undefined && e.revision === p.revision && e.position === p.position && e.integrity.hash === p.hash;
}

/** The first problem with this event's link into its stream, or undefined; keeps each stream's last hash. */
async function checkLink(
  reader: LedgerReader,
  e: StoredEvent,
  chains: Map<string, { revision: number; hash: string }>,
): Promise<string | undefined> {
  if (hashEvent(e, e.integrity.prevHash) !== e.integrity.hash) return `${at(e)} does not match its hash (altered)`;
  let last = chains.get(e.streamId);
  if (!last && e.revision === 0) last = { revision: -1, hash: GENESIS_HASH };
  if (!last) {
    // The stream's event before the tail: verified earlier, read once by revision.
    const [prev] = await reader.readStream(e.streamId, { fromRevision: e.revision - 1, maxCount: 1 });
    if (prev && prev.revision === e.revision - 1 && prev.position < e.position)
      last = { revision: prev.revision, hash: prev.integrity.hash };
  }
  chains.set(e.streamId, { revision: e.revision, hash: e.integrity.hash });
  if (!last || e.revision !== last.revision + 1)
    return `${at(e)} does not follow revision ${last?.revision ?? 'none'} of its stream (an event was removed, inserted or moved)`;
  if (e.integrity.prevHash !== last.hash)
    return `${at(e)} does not link to the event before it in its stream (prevHash mismatch)`;
  return undefined;
}

async function recordedDigests(reader: LedgerReader, from: number): Promise<SignedDigest[]> {
  const digests: SignedDigest[] = [];
  for (let after = from; ;) {
    const page = await reader.readAll({
      after,
      maxCount: VERIFY_PAGE,
      filter: { streamCategories: [LedgerDigest.category] },
    });
    for (const e of page)
      if (streamCategory(e.streamId) === LedgerDigest.category) digests.push(LedgerDigest.codec.decode(e).data);
    if (page.length < VERIFY_PAGE) return digests;
    after = page.at(-1)!.position;
  }
}
