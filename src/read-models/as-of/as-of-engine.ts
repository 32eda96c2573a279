import { occurredBy, type AsOf, type ValidAt } from '../../../projections/as-of';
import type { Projection } from '../../../projections/projection';
import type { StoredEvent } from '../../ledger/event-envelope';
import type { EventStore, LogFilter } from '../../ledger/event-store.port';
import type { ReadModelStore } from '../read-model-store';
import { AsOfView } from './as-of-view';

/** A projection the engine can replay; the optional filter lets the ledger skip events it never reads. */
export interface AsOfSource {
  projection: Projection<unknown>;
  filter?: LogFilter;
}

/**
 * The two time axes of a question: `knownAt` (recording time: a point of the log; absent, the whole
 * log as it stands) and `validAt` (business time: only what had happened by then; absent, no filter).
 */
export interface Bitemporal {
  knownAt?: { asOf: AsOf; requested: string };
  validAt?: ValidAt & { requested: string };
}

/** What an as-of answer was computed from, returned with it so an auditor can check the replay. */
export interface AsOfResolution {
  /** How knownAt was given; `latest` when it was not (the log as it stands). */
  basis: AsOf['basis'] | 'latest';
  /** knownAt as sent (absent when it was not). */
  requested?: string;
  /** The read model is the state after every event at or before this position (-1: before the first). */
  position: number;
  /** Running latest recordedAt up to `position`: when the register showed this (absent before the first event). */
  recordedAt?: string;
  /** Business time: only events that happened (occurredAt) by `through` were applied. */
  validAt?: { requested: string; through: string };
}

export interface AsOfAnswer {
  resolution: AsOfResolution;
  view: AsOfView;
  /**
   * Events read from the ledger and applied for this answer: at most one snapshot interval
   * (snapshotEvery events, plus the rest of the batch that reached it) at a position the read model
   * has applied; beyond its checkpoint, the events it has not applied yet as well.
   */
  replayed: number;
}

const PAGE = 1000;

/**
 * Time travel over the pure projection definitions: load the nearest snapshot at or before P and
 * replay only (snapshot, P] through `evolve`. Never the whole log once the runner has taken
 * snapshots (one each time `snapshotEvery` events have been applied, counted, not measured in
 * positions): the cost of an answer is bounded by that interval plus one batch.
 */
export class AsOfEngine {
  private readonly sources = new Map<string, AsOfSource>();

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadModelStore,
    sources: AsOfSource[],
  ) {
    for (const s of sources) this.sources.set(s.projection.name, s);
  }

  /**
   * A date or instant becomes the last position recorded by then; a position becomes the last event
   * at or before it (the number may name no event: positions have gaps and are never computed with).
   */
  async resolve(asOf: AsOf, requested: string): Promise<AsOfResolution> {
    if (asOf.basis === 'position') {
      const at = await this.events.lastEventAtOrBefore(asOf.position);
      return {
        basis: 'position',
        requested,
        position: at?.position ?? -1,
        ...(at ? { recordedAt: at.metadata.recordedAt } : {}),
      };
    }
    const window = this.store.layers.timeWindow(asOf.instant);
    let position = window.known;
    let recordedAt = window.knownAt;
    // The index narrows it to one batch (or the tail not yet indexed): read that stretch of the log.
    for (let after = window.known < 0 ? undefined : window.known; ;) {
      const page = await this.events.readAll({ after, maxCount: PAGE });
      for (const e of page) {
        const latest =
          recordedAt !== undefined && recordedAt > e.metadata.recordedAt ? recordedAt : e.metadata.recordedAt;
        if ((window.upTo !== undefined && e.position > window.upTo) || latest > asOf.instant)
          return answer(position, recordedAt);
        position = e.position;
        recordedAt = latest;
      }
      if (page.length < PAGE) return answer(position, recordedAt);
      after = page.at(-1)!.position;
    }
    function answer(p: number, r: string | undefined): AsOfResolution {
      return { basis: 'recorded', requested, position: p, ...(r !== undefined ? { recordedAt: r } : {}) };
    }
  }

  /** The projection's documents after every event at or before `position`. */
  async view(projectionName: string, position: number): Promise<Omit<AsOfAnswer, 'resolution'>> {
    const source = this.source(projectionName);
    const p = source.projection;
    const snapshot = position < 0 ? undefined : this.store.layers.snapshotAtOrBefore(p.name, position);
    const window = new Map<string, StoredEvent[]>();
    let replayed = 0;
    for (let after = snapshot; after === undefined || after < position;) {
      const page: StoredEvent[] = await this.events.readAll({ after, maxCount: PAGE, filter: source.filter });
      for (const e of page) {
        if (e.position > position) break;
        replayed++;
        if (!p.canHandle(e)) continue;
        for (const key of p.keysOf(e)) {
          const events = window.get(key);
          if (events) events.push(e);
          else window.set(key, [e]);
        }
      }
      if (page.length < PAGE || page.at(-1)!.position >= position) break;
      after = page.at(-1)!.position;
    }
    return { view: new AsOfView(p, snapshot, this.store.layers, window), replayed };
  }

  /** The log as it stands: its last event (positions are opaque: the head is asked for, never computed). */
  async latest(): Promise<AsOfResolution> {
    const head = await this.events.headPosition();
    const at = head === undefined ? undefined : await this.events.lastEventAtOrBefore(head);
    return { basis: 'latest', position: at?.position ?? -1, ...(at ? { recordedAt: at.metadata.recordedAt } : {}) };
  }

  /**
   * The projection's documents after the events at or before `position` that happened by
   * `through`, in log order, through the same pure evolve. Snapshot layers are cut by recording
   * position, and a late-recorded event can sit before any of them, so none can serve this: the
   * replay reads the projection's categories from the start of the log up to `position`, folding
   * each document as it goes (memory grows with the documents, not with the events).
   */
  async validView(projectionName: string, position: number, through: string): Promise<Omit<AsOfAnswer, 'resolution'>> {
    const { projection: p, filter } = this.source(projectionName);
    const happened = occurredBy(through);
    const docs = new Map<string, unknown>();
    let replayed = 0;
    for (let after: number | undefined; position >= 0;) {
      const page: StoredEvent[] = await this.events.readAll({ after, maxCount: PAGE, filter });
      for (const e of page) {
        if (e.position > position) break;
        replayed++;
        if (!p.canHandle(e) || !happened(e)) continue;
        for (const key of p.keysOf(e)) docs.set(key, p.evolve(docs.has(key) ? docs.get(key) : p.initialState(key), e));
      }
      if (page.length < PAGE || page.at(-1)!.position >= position) break;
      after = page.at(-1)!.position;
    }
    return { view: new AsOfView(p, undefined, this.store.layers, new Map(), docs), replayed };
  }

  async answer(projectionName: string, at: Bitemporal): Promise<AsOfAnswer> {
    const known = at.knownAt ? await this.resolve(at.knownAt.asOf, at.knownAt.requested) : await this.latest();
    if (!at.validAt) return { resolution: known, ...(await this.view(projectionName, known.position)) };
    const { requested, through } = at.validAt;
    return {
      resolution: { ...known, validAt: { requested, through } },
      ...(await this.validView(projectionName, known.position, through)),
    };
  }

  private source(projectionName: string): AsOfSource {
    const source = this.sources.get(projectionName);
    if (!source) throw new Error(`No as-of source registered for projection ${projectionName}`);
    return source;
  }
}
