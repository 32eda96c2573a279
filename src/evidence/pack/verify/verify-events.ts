import type { Entry, ZipFile } from 'yauzl';
import type { StoredEvent } from '../../../ledger/event-envelope';
import { businessDay } from '../business-day';
import { envelopeProblem, EventLinesChecker } from './check-events';
import { PackEventIndex } from './check-log-hashes';
import { readLines } from './read-lines';
import { packTables, tableList, type PackTables } from '../formats/tables/pack-tables';

/**
 * Each stream's period cut, as the builder drew it (../build/select-streams.ts rule 8): its last revision
 * dated on or before `to`. Events past the cut are in the pack only for completeness (rule 9) and
 * the CSVs leave them out, so the verifier must too.
 */
class PeriodCut {
  private readonly cut = new Map<string, number>();
  private readonly last = new Map<string, number>();

  constructor(private readonly to: string) {}

  observe(e: StoredEvent): void {
    if (businessDay(e.metadata.occurredAt) <= this.to)
      this.cut.set(e.streamId, Math.max(e.revision, this.cut.get(e.streamId) ?? -1));
    this.last.set(e.streamId, Math.max(e.revision, this.last.get(e.streamId) ?? -1));
  }

  includes(e: StoredEvent): boolean {
    return e.revision <= (this.cut.get(e.streamId) ?? -1);
  }

  /** Whether any stream runs past its cut (otherwise folding every event was already right). */
  get anyPastCut(): boolean {
    for (const [streamId, last] of this.last) if (last > (this.cut.get(streamId) ?? -1)) return true;
    return false;
  }
}

export interface EventsChecked {
  sha256: string;
  bytes: number;
  checker: EventLinesChecker;
  tables: PackTables;
  index: PackEventIndex;
}

/**
 * Streams events.ndjson: hashes and sizes it, checks every line, indexes the events for
 * log-hashes.txt and folds the CSV projections. Every event is folded on the way, which is right
 * unless a stream runs past its period cut; only then is the file read a second time to fold the
 * events up to each cut alone.
 */
export async function checkEvents(zip: ZipFile, entry: Entry, scopeTo: string): Promise<EventsChecked> {
  let tables = packTables(scopeTo);
  const index = new PackEventIndex();
  const cut = new PeriodCut(scopeTo);
  const checker = new EventLinesChecker((e) => {
    index.add(e);
    cut.observe(e);
    for (const t of tableList(tables)) t.add(e);
  });
  const file = await readLines(zip, entry, (line) => checker.checkLine(line));
  checker.finish();
  if (cut.anyPastCut) {
    tables = packTables(scopeTo);
    const folds = tableList(tables);
    await readLines(zip, entry, (line) => {
      let e: unknown;
      try {
        e = JSON.parse(line);
      } catch {
        return;
      } // already named by the checker
      if (envelopeProblem(e) === undefined && cut.includes(e as StoredEvent))
        for (const t of folds) t.add(e as StoredEvent);
    });
  }
  return { ...file, checker, tables, index };
}
