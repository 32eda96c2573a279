import { join } from 'node:path';
import { summaryInput } from '../../../src/evidence/pack/build/summary-input';
import { parseCsv } from '../../../src/evidence/pack/formats/csv';
import type { SummaryInput } from '../../../src/evidence/pack/formats/summary-pdf/summary-figures';
import { packTables, tableList } from '../../../src/evidence/pack/formats/tables/pack-tables';
import type { EventStore } from '../../../src/ledger/event-store.port';
import { request, unzip, withRecomputedManifest, zipTo } from './pack-files';

/** The rows of one CSV in a pack, header first. */
export const csvRows = (files: Map<string, Buffer>, name: string): string[][] =>
  parseCsv(files.get(name)!.toString('utf8'));

/** One column of a CSV's rows, by its header name, without the header. */
export const column = (table: string[][], name: string): string[] =>
  table.slice(1).map((r) => r[table[0].indexOf(name)]);

/** The streams events.ndjson holds, each once, in the order they first appear. */
export const packStreams = (files: Map<string, Buffer>): string[] => [
  ...new Set(
    files
      .get('events.ndjson')!
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { streamId: string }).streamId),
  ),
];

/**
 * The forger's move: one CSV of a built pack edited (`from` replaced by `to`), every hash recomputed and
 * the files zipped again beside it as forged.zip; returns that file for verifyPack to catch.
 */
export async function forgedPack(pack: string, csv: string, from: string, to: string): Promise<string> {
  const files = await unzip(pack);
  const edited = files.get(csv)!.toString('utf8').replace(from, to);
  const forged = join(pack, '..', 'forged.zip');
  await zipTo(forged, withRecomputedManifest(new Map([...files, [csv, Buffer.from(edited)]])));
  return forged;
}

/** What summary.pdf would show for a whole ledger at the end of 2022, as the pack build hands it over. */
export async function summaryOf(
  store: EventStore,
  counts: { eventCount: number; streamCount: number },
): Promise<SummaryInput> {
  const tables = packTables('2022-12-31');
  for (const e of await store.readAll()) for (const t of tableList(tables)) t.add(e);
  const context = { title: 't', partnership: 'p', generatedAt: '2022-12-31T12:00:00Z', rootHash: 'r' };
  return summaryInput(tables, { ...context, scope: request().scope, ...counts });
}
