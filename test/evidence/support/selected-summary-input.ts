import { StreamSelector } from '../../../src/evidence/pack/build/select-streams';
import { summaryInput } from '../../../src/evidence/pack/build/summary-input';
import { packTables, tableList } from '../../../src/evidence/pack/formats/tables/pack-tables';
import type { PackScope } from '../../../src/evidence/domain/pack-scope';
import type { EventStore } from '../../../src/ledger/event-store.port';

/**
 * summary.pdf's input for a scope, from the pack's streams as the builder selects them (each stream up
 * to the revision the selector settles on) and with placeholder cover fields the specs do not read.
 */
export async function selectedSummaryInput(store: EventStore, scope: PackScope) {
  const selector = new StreamSelector(scope);
  const events = await store.readAll();
  for (const e of events) selector.observe(e);
  const streams = selector.result();
  const tables = packTables(scope.to);
  for (const e of events)
    if (e.revision <= (streams.get(e.streamId) ?? -1)) for (const t of tableList(tables)) t.add(e);
  return summaryInput(tables, {
    title: 't',
    partnership: 'p',
    scope,
    generatedAt: '2022-12-31T12:00:00Z',
    rootHash: 'r',
    eventCount: 1,
    streamCount: streams.size,
  });
}
