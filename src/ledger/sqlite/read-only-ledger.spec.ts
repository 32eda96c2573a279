import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { verifyStore } from '../integrity/verify-store';
import { ReadOnlySqliteLedger } from './read-only-ledger';
import type { SqliteEventStore } from './sqlite-event-store';
import { namedEvent, temporarySqliteLedger } from '../testing/temporary-sqlite-ledger';

describe('ReadOnlySqliteLedger (verify-store beside the running service)', () => {
  let ledger: ReturnType<typeof temporarySqliteLedger>;
  let dir: string;
  let file: string;
  let writer: SqliteEventStore;
  beforeEach(async () => {
    ledger = temporarySqliteLedger('read-only-ledger-');
    ({ dir, file, store: writer } = ledger);
    for (let i = 0; i < 5; i++) await writer.append(`thing-${i % 2}`, [namedEvent(`e${i}`)], 'any');
  });
  afterEach(() => ledger.remove());

  it('given a ledger its owner still has open, then it reads the same log and streams, in pages', async () => {
    const reader = new ReadOnlySqliteLedger(file);
    try {
      expect(await reader.readAll()).toEqual(await writer.readAll());
      const [first] = await writer.readAll({ maxCount: 1 });
      expect(await reader.readAll({ after: first.position, maxCount: 2 })).toEqual(
        await writer.readAll({ after: first.position, maxCount: 2 }),
      );
      expect(await reader.readStream('thing-0', { fromRevision: 1, maxCount: 1 })).toEqual(
        await writer.readStream('thing-0', { fromRevision: 1, maxCount: 1 }),
      );
      // Appends by the owner after opening are seen (WAL readers see each new commit).
      await writer.append('thing-9', [namedEvent('e9')], 'no_stream');
      expect(await verifyStore(reader)).toEqual({ ok: true, streamsChecked: 3, eventsChecked: 6, problems: [] });
    } finally {
      reader.close();
    }
  });

  it('given a missing file, then it refuses and creates nothing', () => {
    const missing = join(dir, 'nope.sqlite');
    expect(() => new ReadOnlySqliteLedger(missing)).toThrow();
    expect(existsSync(missing)).toBe(false);
  });

  it('given a read, then the ledger file is left as it was (nothing written through this connection)', async () => {
    const before = statSync(file);
    const reader = new ReadOnlySqliteLedger(file);
    await reader.readAll();
    reader.close();
    const after = statSync(file);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
  });
});
