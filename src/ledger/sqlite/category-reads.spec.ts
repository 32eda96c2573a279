import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../shared/clock';
import { readAllSql, SqliteEventStore } from './sqlite-event-store';

const event = (id: string, type = 'thing-noted') => ({
  id,
  type,
  schemaVersion: 1,
  data: { id },
  metadata: {
    actor: { userId: 'u', role: 'admin', agency: 'a' },
    correlationId: id,
    causationId: id,
    occurredAt: '2022-05-10T09:30:00.000Z',
  },
});

/**
 * Readers that start at boot from the beginning of the log with a category filter (the pack queue,
 * the data subjects' erasures) must cost what their category holds: at 1,000,000 events a scan of
 * the whole log made start-up several seconds long (BENCHMARKS.md, Start-up).
 */
describe('SQLite reads filtered by stream category', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'category-reads-'));
    file = join(dir, 'ledger.sqlite');
    store = new SqliteEventStore({ file }, new ManualClock());
    for (let i = 0; i < 6; i++) await store.append(`thing-${i}`, [event(`t${i}`)], 'no_stream');
    await store.append('pack-1', [event('p1', 'pack-requested')], 'no_stream');
    await store.append('thing', [event('bare', 'bare-noted')], 'no_stream');
    await store.append('pack-2', [event('p2', 'pack-built')], 'no_stream');
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given events of several categories, then a filtered page holds exactly its category, in log order', async () => {
    const packs = await store.readAll({ filter: { streamCategories: ['pack'] } });
    expect(packs.map((e) => e.id)).toEqual(['p1', 'p2']);
    const after = await store.readAll({ after: packs[0].position, filter: { streamCategories: ['pack', 'thing'] } });
    expect(after.map((e) => e.id)).toEqual(['bare', 'p2']);
    const typed = await store.readAll({ filter: { streamCategories: ['pack'], eventTypePrefixes: ['pack-b'] } });
    expect(typed.map((e) => e.id)).toEqual(['p2']);
  });

  it('is planned as a seek on the category index, not a scan of the log after the position', () => {
    const db = new Database(file, { readonly: true });
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
