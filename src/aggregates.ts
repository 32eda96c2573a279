import { ReviewActivity } from './case-reviews';
import { EvidencePack, PACK_SOURCES } from './evidence';
import { LedgerDigest } from './ledger/digests/ledger-digest';
import { EventRegistry, type EventSource } from './ledger/event-registry';
import { DataSubject } from './privacy';

/**
 * Every aggregate that writes to the ledger, one per stream category: a new context adds its
 * aggregates here (or to the evidence context's PACK_SOURCES, where packs are to select its
 * records), and every reader that is not tied to one aggregate decodes through them.
 */
export const AGGREGATES: readonly EventSource[] = [
  // the records an evidence pack selects from, with their boards, people and agencies
  ...PACK_SOURCES,
  // a year's review counts as its annual report states them (not yet selected by packs)
  ReviewActivity,
  DataSubject,
  EvidencePack,
  LedgerDigest,
];

/** The codecs of every stream category in the ledger. */
export const EVENT_REGISTRY = new EventRegistry(AGGREGATES);
