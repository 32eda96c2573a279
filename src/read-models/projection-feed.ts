import { Logger } from '@nestjs/common';
import { filter, finalize, Observable, Subject } from 'rxjs';
import type { ReadModelStore } from './read-model-store';

/**
 * A document as it was committed: what the SSE stream sends. A batch's documents come in
 * ascending order of `position`, the last event that changed each one.
 */
export interface ProjectionChange<D = unknown> {
  projection: string;
  key: string;
  doc: D;
  position: number;
  /**
   * No later document of this batch was last changed at `position` (one event can change several
   * documents): only then has a client that received this one every document up to `position`.
   */
  lastAtPosition: boolean;
}

/**
 * A version built beside the served one has replaced it (blue-green): any document may have changed,
 * appeared or gone. `docs`: every document it serves, as of `position` (its checkpoint then; undefined
 * before any event), read when it switched over (undefined if they could not be read). What the SSE
 * streams send as a reset.
 */
export interface ProjectionSwitchOver<D = unknown> {
  projection: string;
  switchedOver: { version: number; docs: Map<string, D> | undefined };
  position: number | undefined;
}

/** What a projection's live feed carries: committed documents, and switch-overs. */
export type ProjectionFeed<D = unknown> = ProjectionChange<D> | ProjectionSwitchOver<D>;

export const isSwitchOver = <D>(item: ProjectionFeed<D>): item is ProjectionSwitchOver<D> => 'switchedOver' in item;

/** The runner's live output: what each projection commits, and its switch-overs, for whoever listens (the streams). */
export class ProjectionFeeds {
  private readonly feed = new Subject<ProjectionFeed>();
  /** How many feeds of each projection are subscribed: a switch-over reads every document only for them. */
  private readonly watched = new Map<string, number>();
  private readonly logger = new Logger('ProjectionRunner');

  constructor(private readonly store: ReadModelStore) {}

  /** Committed documents of one projection, as they are written. */
  changesOf<D>(projection: string): Observable<ProjectionChange<D>> {
    return this.feed.pipe(filter((c): c is ProjectionChange<D> => c.projection === projection && !isSwitchOver(c)));
  }

  /** Committed documents of one projection as they are written, and its switch-overs to a new version. */
  feedOf<D>(projection: string): Observable<ProjectionFeed<D>> {
    return new Observable<ProjectionFeed<D>>((subscriber) => {
      this.watched.set(projection, (this.watched.get(projection) ?? 0) + 1);
      return this.feed
        .pipe(
          filter((c): c is ProjectionFeed<D> => c.projection === projection),
          finalize(() => this.watched.set(projection, this.watched.get(projection)! - 1)),
        )
        .subscribe(subscriber);
    });
  }

  /** A batch's documents, each at the position it last changed at, in ascending order (compared, never computed). */
  committed(projection: string, position: number, docs: Map<string, unknown>, changedAt = new Map<string, number>()) {
    // On the rebuild path with no stream open: nothing to sort or send.
    if (!this.feed.observed) return;
    const changed = [...docs.keys()].map((key) => ({ key, at: changedAt.get(key) ?? position }));
    changed.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    changed.forEach(({ key, at }, i) => {
      const next = changed[i + 1];
      this.feed.next({
        projection,
        key,
        doc: docs.get(key),
        position: at,
        lastAtPosition: next === undefined || next.at !== at,
      });
    });
  }

  /** Every document the new version serves, read now, in the same step as the switch-over, for the open feeds. */
  switchedOver(projection: string, version: number, position: number | undefined): void {
    if (this.watched.get(projection))
      this.feed.next({ projection, switchedOver: { version, docs: this.allDocs(projection) }, position });
  }

  complete(): void {
    this.feed.complete();
  }

  /**
   * Every document a projection serves (a stream that sends them later still sends this state), or
   * undefined if the store fails to answer: the streams then end, and their clients' reconnects (with
   * an id from before the switch-over) are sent the documents.
   */
  private allDocs(projection: string): Map<string, unknown> | undefined {
    try {
      const docs = new Map<string, unknown>();
      for (const { key, doc } of this.store.scan(projection, '')) docs.set(key, doc);
      return docs;
    } catch (err) {
      this.logger.error(
        `Projection ${projection} switched over, but its documents could not be read for the streams: ${String(err)}`,
      );
      return undefined;
    }
  }
}
