import type { StoredEvent } from '../../../../ledger/event-envelope';
import type { Projection } from '../../../../../projections/projection';
import type { CsvFormat } from '../csv';

/**
 * A pure projection evolved in memory over the pack's own events: the same canHandle/keysOf/evolve
 * the read models use, so a CSV row is what the ledger's own projection would show. Only the
 * records in the pack (and their context) ever reach it, so its documents stay small.
 */
export class ProjectionFold<D> {
  readonly docs = new Map<string, D>();

  constructor(readonly projection: Projection<D>) {}

  add(event: StoredEvent): void {
    const p = this.projection;
    if (!p.canHandle(event)) return;
    for (const key of p.keysOf(event)) this.docs.set(key, p.evolve(this.docs.get(key) ?? p.initialState(key), event));
  }

  /** Documents of one kind, sorted by key so rows come out in a stable order. */
  sorted<K extends D>(prefix: string): K[] {
    return [...this.docs.entries()]
      .filter(([k]) => k.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, d]) => d as K);
  }
}

/** One CSV of the pack: its file name, the projection it comes from, and how to fold and render it. */
export interface PackTable {
  file: string;
  projection: { name: string; version: number };
  add(event: StoredEvent): void;
  /** The first CSV format whose packs carry this table (absent: every pack); verify-pack expects it from then. */
  since?: CsvFormat;
  /** The table in the given CSV format (the newest by default; verify-pack passes the pack's). */
  csv(format?: CsvFormat): string;
}

/**
 * A PackTable folded from one projection: the fold, and the name and version the manifest records
 * for it. A table that keeps more per event (the action log's histories) extends add().
 */
export abstract class ProjectionTable<D> implements PackTable {
  readonly fold: ProjectionFold<D>;
  readonly projection: { name: string; version: number };

  constructor(
    readonly file: string,
    projection: Projection<D>,
  ) {
    this.fold = new ProjectionFold(projection);
    this.projection = { name: projection.name, version: projection.version };
  }

  add(event: StoredEvent): void {
    this.fold.add(event);
  }

  abstract csv(format?: CsvFormat): string;
}

/**
 * A PackTable read from another table's fold (the same documents, the same projection in the
 * manifest): it folds nothing itself.
 */
export abstract class DerivedTable<T extends PackTable> implements PackTable {
  abstract readonly file: string;
  readonly projection: { name: string; version: number };

  constructor(protected readonly source: T) {
    this.projection = source.projection;
  }

  /** The source table folds every event; folding here too would apply each twice. */
  add(): void {}

  abstract csv(format?: CsvFormat): string;
}
