import { documentPage, type Page } from '../../http/cursor-page';
import { NotFound } from '../../shared/domain-errors';
import type { ReadModelView } from '../as-of/as-of-answer';
import type { MeasuredReader } from './measured-register.controller';
import type { RegistryDoc } from './record-reader';

/**
 * One measured register (case reviews, inspections, risks): its projection and key scheme, what a
 * missing record is called, and how a document is shown measured at a date (deadlines, overdue
 * updates, scores are computed on read, never stored as of the day the projection ran).
 */
export interface MeasuredModel<D extends RegistryDoc, V extends object, Q> {
  projection: string;
  prefix: string;
  /** "Risk": a missing one answers 404 risk-not-found. */
  what: string;
  /** The record's id in the history answer: 'riskId'. */
  idField: string;
  /** The document measured at the query's date when it matches the query's filters. */
  matchingView(doc: D, query: Q): V | undefined;
  measure(doc: D, measuredOn: string): V;
}

/**
 * Reads a measured register from the live store or an as-of view (the same get/scan calls): each
 * record measured at the date the caller gives, so it is as it stood that day.
 */
export class MeasuredRecordReader<D extends RegistryDoc, V extends object, Q> implements MeasuredReader<Q> {
  constructor(
    private readonly model: MeasuredModel<D, V, Q>,
    private readonly store: ReadModelView,
  ) {}

  /** Key-ordered pages; the filters and the measuring date are sent again with each cursor. */
  list(query: Q, limit: number, cursor?: string): Page<V> {
    const { projection, prefix } = this.model;
    return documentPage<D, V>(this.store, projection, prefix, { limit, cursor }, (doc) =>
      this.model.matchingView(doc, query),
    );
  }

  get(id: string, measuredOn: string): V {
    return this.model.measure(this.record(id), measuredOn);
  }

  history(id: string) {
    return { [this.model.idField]: id, entries: this.record(id).history };
  }

  private record(id: string): D {
    const doc = this.store.get<D>(this.model.projection, `${this.model.prefix}${id}`);
    if (!doc?.exists) throw new NotFound(this.model.what, id);
    return doc;
  }
}
