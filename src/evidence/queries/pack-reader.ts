import { Inject, Injectable } from '@nestjs/common';
import type { StoredEvent } from '../../ledger/event-envelope';
import { EVENT_STORE, type EventStore } from '../../ledger/event-store.port';
import { streamEntityId, streamName } from '../../ledger/stream-name';
import { EVIDENCE_PACK_CATEGORY, EvidencePack, type EvidencePackState } from '../domain/evidence-pack';

export interface PackRecord {
  packId: string;
  /** The stream as stored: the envelopes carry who and when for the views and the access log. */
  events: StoredEvent[];
  state: EvidencePackState;
}

/**
 * Reads packs straight from their streams: packs are few and their streams short, so a fold per
 * read is cheap and always current (no projection lag between a grant and the inspector's list).
 */
@Injectable()
export class EvidencePackReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async one(packId: string): Promise<PackRecord> {
    return this.record(packId, await this.store.readStream(streamName(EVIDENCE_PACK_CATEGORY, packId)));
  }

  /** Every pack, in the order they were requested. */
  async all(): Promise<PackRecord[]> {
    const byStream = new Map<string, StoredEvent[]>();
    for (const e of await this.store.readAll({ filter: { streamCategories: [EVIDENCE_PACK_CATEGORY] } })) {
      const events = byStream.get(e.streamId);
      if (events) events.push(e);
      else byStream.set(e.streamId, [e]);
    }
    return [...byStream.entries()].map(([streamId, events]) => this.record(streamEntityId(streamId), events));
  }

  private record(packId: string, events: StoredEvent[]): PackRecord {
    const { decider, codec } = EvidencePack;
    return { packId, events, state: events.reduce((s, e) => decider.evolve(s, codec.decode(e)), decider.initialState) };
  }
}
