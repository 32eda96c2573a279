import type { StoredEvent } from '../event-envelope';
import type { EventStore } from '../event-store.port';
import { ChainVerifier, type VerifyReport } from './chain-verifier';

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
export async function verifyStore(store: LedgerReader, streamId?: string, pageSize = VERIFY_PAGE): Promise<VerifyReport> {
  const verifier = new ChainVerifier();
  for await (const event of streamId === undefined ? wholeLog(store, pageSize) : oneStream(store, streamId, pageSize)) {
    verifier.check(event);
  }
  return verifier.report();
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
