import type { RecordHistoryEntry } from '../../../projections/partners/record-history';
import { documentPage, type Page } from '../../http/cursor-page';
import { NotFound } from '../../shared/domain-errors';
import type { ReadModelView } from '../as-of/as-of-answer';

/** What a registry document (partner, person, board) has in common: whether it exists, and its history. */
export interface RegistryDoc {
  exists: boolean;
  history: RecordHistoryEntry[];
}

/** One registry read model: its projection, key scheme, what a missing record is called, and its filter. */
export interface RegistryModel<D extends RegistryDoc, Q> {
  projection: string;
  prefix: string;
  /** "Partner": a missing one answers 404 partner-not-found. */
  what: string;
  matches(doc: D, query: Q): boolean;
}

/** The document as the API shows it: the history has its own endpoint. */
export type RecordView<D extends RegistryDoc> = Omit<D, 'exists' | 'history'>;

/** A document as a record read shows it: without the existence flag and the history (read at /history). */
export const recordView = <D extends RegistryDoc>({ exists: _exists, history: _history, ...rest }: D): RecordView<D> =>
  rest;

/**
 * Reads a registry read model from the live store or an as-of view (the same get/scan calls):
 * key-ordered pages filtered by the model's pure query, one record, and its history.
 */
export class RecordReader<D extends RegistryDoc, Q> {
  constructor(
    private readonly model: RegistryModel<D, Q>,
    private readonly store: ReadModelView,
  ) {}

  /** Key-ordered pages; the filters are sent again with each cursor. */
  list(query: Q, limit: number, cursor?: string): Page<RecordView<D>> {
    const { projection, prefix } = this.model;
    return documentPage<D, RecordView<D>>(this.store, projection, prefix, { limit, cursor }, (doc) =>
      this.model.matches(doc, query) ? recordView(doc) : undefined,
    );
  }

  get(id: string): RecordView<D> {
    return recordView(this.record(id));
  }

  history(id: string): { entries: RecordHistoryEntry[] } {
    return { entries: this.record(id).history };
  }

  private record(id: string): D {
    const doc = this.store.get<D>(this.model.projection, `${this.model.prefix}${id}`);
    if (!doc?.exists) throw new NotFound(this.model.what, id);
    return doc;
  }
}
