import type { StoredEvent } from '../event-envelope';
import type { EventStore } from '../event-store.port';
import { LedgerDigest } from '../digests/ledger-digest';
import { streamCategory } from '../stream-name';
import { ChainVerifier, type VerifyReport } from './chain-verifier';
import { digestProblems } from './verify-store-digests';
import { DigestTargets, localise } from './verify-store-targets';
import {
  type DigestClaims,
  type LedgerProblem,
  type LedgerReport,
  type SourcedDigest,
  sourceName,
} from './verify-store-problems';

/**
 * Events per read. Memory stays at one page however large the ledger grows. Larger pages save
 * little (SQLite is in-process; over a network 1,000 events per round trip is already plenty),
 * and a page of 5,000 parsed events outgrows V8's young generation: measurably slower to read.
 */
export const VERIFY_PAGE = 1000;

/** All the verifier reads: any event store, or a ledger file opened read-only (scripts/verify-store.ts). */
export type LedgerReader = Pick<EventStore, 'readAll' | 'readStream'>;

/**
 * Re-checks the hash chains a store holds. With a stream id it walks that stream by revision;
 * without, it walks the whole log in position order, which is the order that reveals events moved
 * around in the log ('reordered'). Either way it pages rather than loading the ledger.
 */
export async function verifyStore(
  store: LedgerReader,
  streamId?: string,
  pageSize = VERIFY_PAGE,
): Promise<VerifyReport> {
  const verifier = new ChainVerifier();
  for await (const event of streamId === undefined ? wholeLog(store, pageSize) : oneStream(store, streamId, pageSize)) {
    verifier.check(event);
  }
  return verifier.report();
}

export interface VerifyLedgerOptions {
  /** Digests published outside the ledger (annual report, website), held to `pinnedKeyPem`. */
  supplied?: SourcedDigest[];
  /** The partnership's public key (SPKI PEM): every digest, recorded or supplied, must be signed by it. */
  pinnedKeyPem?: string;
  /**
   * Set only by an engine whose positions are dense by construction (SQLite: the rowid of a table
   * that is never deleted from starts at 1 and takes max+1), so a position without an event is a
   * deleted one. The engine says where its numbering starts and what follows a position; left out
   * for engines whose positions have gaps (EventStoreDB): there positions are opaque and only the
   * digests prove what is missing.
   */
  positions?: DensePositions;
  pageSize?: number;
  /** Unsigned witnesses (the service's log-tree file): checked like digests, without a signature. */
  witnesses?: SourcedDigest[];
  /** Points of the log kept for digests met after the head they cover (tests lower it to force a second read). */
  recentPoints?: number;
}

/**
 * verify-store over the whole ledger (issue 12): each stream's hash chain, dense positions where
 * the engine's are, and the RFC 9162 tree and log hash recomputed from the events against every
 * signed digest recorded in the ledger and every one supplied. One read of the log, one page in
 * memory at a time; a recorded digest is met after the head it covers, so the last RECENT_POINTS
 * points of the log are kept to check it there; one covering an older head (never recorded so by
 * the service) costs a second read. Pure over the reader: the CLI (verify-store-cli.ts) and the
 * service's integrity gate share it.
 */
export async function verifyLedger(reader: LedgerReader, options: VerifyLedgerOptions = {}): Promise<LedgerReport> {
  const pageSize = options.pageSize ?? VERIFY_PAGE;
  const chains = new ChainVerifier();
  const problems: LedgerProblem[] = [];
  const recorded: SourcedDigest[] = [];
  const deferred: SourcedDigest[] = [];
  const checkable = (d: SourcedDigest) => {
    const found = digestProblems(d, options.pinnedKeyPem);
    problems.push(...found.problems);
    return found.checkable;
  };
  const targets = new DigestTargets(
    [...(options.supplied ?? []).filter(checkable), ...(options.witnesses ?? [])],
    options.recentPoints,
  );
  const dense = options.positions;
  let expected = dense?.first;
  let lastPosition: number | null = null;
  for await (const e of wholeLog(reader, pageSize)) {
    chains.check(e);
    // Only for a dense engine, which says what follows each of its positions.
    if (dense && expected !== undefined) {
      if (e.position !== expected) problems.push(missingBefore(e, expected, dense));
      expected = dense.next(e.position);
    }
    targets.add(e);
    if (streamCategory(e.streamId) === LedgerDigest.category && e.type === 'ledger-digest-recorded') {
      const d: SourcedDigest = {
        digest: e.data as DigestClaims,
        source: { kind: 'ledger', eventPosition: e.position },
      };
      recorded.push(d);
      if (checkable(d) && !targets.addLate(d)) deferred.push(d);
    }
    lastPosition = e.position;
  }
  const chainReport = chains.report();
  problems.push(...unrecorded(options.supplied ?? [], recorded));
  const results = [targets.finish(lastPosition)];
  if (deferred.length > 0) {
    const again = new DigestTargets(deferred);
    for await (const e of wholeLog(reader, pageSize)) again.add(e);
    results.push(again.finish(lastPosition));
  }
  const checks = results.flatMap((r) => r.checks);
  const found: LedgerProblem[] = [...chainReport.problems, ...problems, ...results.flatMap((r) => r.problems)];
  localise(checks, found);
  return {
    ok: found.length === 0,
    streamsChecked: chainReport.streamsChecked,
    eventsChecked: chainReport.eventsChecked,
    lastPosition,
    treeSize: targets.treeSize,
    treeRoot: targets.treeRoot,
    // A digest is ok only if no finding names it, whatever check made it.
    digests: checks.map((c) => ({
      ...c,
      ok: c.ok && !found.some((p) => p.digestId === c.digestId && p.digestSource === c.source),
    })),
    keyPinned: options.pinnedKeyPem !== undefined,
    problems: found,
  };
}

/**
 * The service records every digest it signs in the ledger before anyone can publish it, so a
 * published digest the ledger has no record of means the ledger lost the record (its tail cut, an
 * older copy restored), even when the events the digest covers are all still there.
 */
function unrecorded(supplied: SourcedDigest[], recorded: SourcedDigest[]): LedgerProblem[] {
  const ids = new Set(recorded.map((r) => r.digest.digestId));
  return supplied
    .filter((s) => !ids.has(s.digest.digestId))
    .map((s) => ({
      kind: 'digest-not-recorded' as const,
      digestId: s.digest.digestId,
      digestSource: sourceName(s.source),
      position: s.digest.position,
      message: `digest ${s.digest.digestId} was published but the ledger holds no record of it: the ledger lost its tail or is an older copy`,
    }));
}

function missingBefore(e: StoredEvent, expected: number, dense: DensePositions): LedgerProblem {
  return {
    kind: 'positions-missing',
    streamId: e.streamId,
    eventId: e.id,
    revision: e.revision,
    position: e.position,
    message: `positions ${expected} to ${dense.previous(e.position)} hold no event (deleted) before event ${e.id} (${e.streamId} revision ${e.revision}, position ${e.position})`,
  };
}

/** How a dense engine numbers its positions: where it starts, and what follows and precedes each one. */
export interface DensePositions {
  first: number;
  next(position: number): number;
  previous(position: number): number;
}

async function* wholeLog(store: LedgerReader, maxCount: number): AsyncGenerator<StoredEvent> {
  let after: number | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount });
    yield* page;
    if (page.length < maxCount) return;
    after = page[page.length - 1].position;
  }
}

async function* oneStream(store: LedgerReader, streamId: string, maxCount: number): AsyncGenerator<StoredEvent> {
  let fromRevision = 0;
  for (;;) {
    const page = await store.readStream(streamId, { fromRevision, maxCount });
    yield* page;
    if (page.length < maxCount) return;
    // From the last revision read, not a count: a removed event leaves a gap the verifier must see.
    fromRevision = page[page.length - 1].revision + 1;
  }
}
