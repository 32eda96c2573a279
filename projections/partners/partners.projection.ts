import { Partner, type PartnerEvent } from '../../src/partners';
import type { DecodedEvent } from '../../src/ledger/event-registry';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { streamName } from '../../src/ledger/stream-name';
import { subscribe, type SubscribedProjection } from '../subscription';
import { PARTNER_KEY_PREFIX, partnerKey, type PartnerDoc } from './partner-doc';
import { historyEntry, revisionAfter, stampOf, withUntil } from './record-history';

const partners = subscribe(Partner, {
  'partner-registered': 'handled',
  'partner-renamed': 'handled',
  'partner-succeeded': 'handled',
});

const newPartner = (partnerId: string): PartnerDoc => ({
  partnerId,
  exists: false,
  name: '',
  status: 'active',
  names: [],
  predecessors: [],
  revision: -1,
  history: [],
});

function summarise(event: PartnerEvent): string {
  switch (event.type) {
    case 'partner-registered':
      return `Registered as ${event.data.name} (${event.data.kind}${event.data.statutory ? ', statutory partner' : ''})`;
    case 'partner-renamed':
      return `Renamed ${event.data.name} from ${event.data.effectiveFrom}${event.data.reason ? `: ${event.data.reason}` : ''}`;
    case 'partner-succeeded':
      return `${event.data.partnerId} succeeded by ${event.data.successorId} from ${event.data.effectiveFrom}`;
  }
}

/** What an event changes on `doc`; a succession changes both the predecessor's and the successor's. */
function changes(doc: PartnerDoc, event: DecodedEvent<PartnerEvent>): Partial<PartnerDoc> {
  switch (event.type) {
    case 'partner-registered': {
      const { name, kind, statutory } = event.data;
      return {
        exists: true,
        name,
        kind,
        statutory,
        names: [{ name, from: null, until: null }],
        registered: stampOf(event),
      };
    }
    case 'partner-renamed': {
      const { name, effectiveFrom, reason } = event.data;
      const span = (n: string, from: string | null, why?: string) => ({
        name: n,
        from,
        ...(why ? { reason: why } : {}),
      });
      const spans = [...doc.names.map((n) => span(n.name, n.from, n.reason)), span(name, effectiveFrom, reason)];
      return { name, names: withUntil(spans) };
    }
    case 'partner-succeeded': {
      const { partnerId, successorId, effectiveFrom } = event.data;
      if (doc.partnerId === partnerId)
        return { status: 'succeeded', succeededBy: { partnerId: successorId, effectiveFrom } };
      return { predecessors: [...doc.predecessors, { partnerId, effectiveFrom }] };
    }
  }
}

function evolve(doc: PartnerDoc, stored: StoredEvent): PartnerDoc {
  const event = partners.decode(stored);
  return {
    ...doc,
    ...changes(doc, event),
    revision: revisionAfter(doc.revision, streamName(Partner.category, doc.partnerId), event),
    lastUpdate: { type: event.type, ...stampOf(event) },
    history: [...doc.history, historyEntry(event, summarise(event))],
  };
}

function keysOf(stored: StoredEvent): string[] {
  const event = partners.decode(stored);
  const own = partnerKey(event.data.partnerId);
  return event.type === 'partner-succeeded' ? [own, partnerKey(event.data.successorId)] : [own];
}

/** The partner register: one document per partner, its names over time and successions both ways. */
export const partnersProjection: SubscribedProjection<PartnerDoc> = {
  name: 'partners',
  version: 1,
  subscriptions: [partners],
  canHandle: partners.takes,
  keysOf,
  initialState: (key) => newPartner(key.slice(PARTNER_KEY_PREFIX.length)),
  evolve,
};
