import Database from 'better-sqlite3';
import { namedEvent, temporarySqliteLedger } from '../testing/temporary-sqlite-ledger';
import { readAllSql } from './schema';
import type { SqliteEventStore } from './sqlite-event-store';

/**
 * Readers that start at boot from the beginning of the log with a category filter (the pack queue,
 * the data subjects' erasures) must cost what their category holds: at 1,000,000 events a scan of
 * the whole log made start-up several seconds long (BENCHMARKS.md, Start-up).
 */
describe('SQLite reads filtered by stream category', () => {
  let ledger: ReturnType<typeof temporarySqliteLedger>;
  let store: SqliteEventStore;
  beforeEach(async () => {
    ledger = temporarySqliteLedger('category-reads-');
    store = ledger.store;
    for (let i = 0; i < 6; i++) await store.append(`thing-${i}`, [namedEvent(`t${i}`)], 'no_stream');
    await store.append('pack-1', [namedEvent('p1', 'pack-requested')], 'no_stream');
    await store.append('thing', [namedEvent('bare', 'bare-noted')], 'no_stream');
    await store.append('pack-2', [namedEvent('p2', 'pack-built')], 'no_stream');
  });
  afterEach(() => ledger.remove());

  it('given events of several categories, then a filtered page holds exactly its category, in log order', async () => {
    const packs = await store.readAll({ filter: { streamCategories: ['pack'] } });
    expect(packs.map((e) => e.id)).toEqual(['p1', 'p2']);
    const after = await store.readAll({ after: packs[0].position, filter: { streamCategories: ['pack', 'thing'] } });
    expect(after.map((e) => e.id)).toEqual(['bare', 'p2']);
    const typed = await store.readAll({ filter: { streamCategories: ['pack'], eventTypePrefixes: ['pack-b'] } });
    expect(typed.map((e) => e.id)).toEqual(['p2']);
  });

  it('is planned as a seek on the category index, not a scan of the log after the position', () => {
    const db = new Database(ledger.file, { readonly: true });
    try {
      for (const [prefixes, categories] of [
        [0, 1],
        [1, 1],
        [0, 2],
      ]) {
        const plan = db
          .prepare(`EXPLAIN QUERY PLAN ${readAllSql(prefixes, categories)}`)
          .all(-1, ...Array<string>(prefixes + categories).fill('pack'), 500) as { detail: string }[];
        expect(plan.map((row) => row.detail).join('; ')).toMatch(/USING (COVERING )?INDEX events_by_category/);
      }
    } finally {
      db.close();
    }
  });
});
