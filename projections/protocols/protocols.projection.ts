import type { StoredEvent } from '../../src/ledger/event-envelope';
import { EscalationProtocol } from '../../src/escalations';
import { historyEntry, stampOf } from '../partners/record-history';
import { revisionAfter } from '../record-revision';
import { subscribe, type SubscribedProjection } from '../subscription';
import { PROTOCOL_KEY_PREFIX, protocolKey, type ProtocolDoc } from './protocol-doc';

const protocols = subscribe(EscalationProtocol, {
  'escalation-protocol-defined': 'handled',
  'escalation-protocol-revised': 'handled',
});

const newProtocol = (protocolId: string): ProtocolDoc => ({
  protocolId,
  exists: false,
  name: '',
  currentVersion: 0,
  stages: [],
  versions: [],
  revision: -1,
  history: [],
});

/** A definition is version 1; each revision adds the next version, kept whole with who revised it, when and why. */
function evolve(doc: ProtocolDoc, stored: StoredEvent): ProtocolDoc {
  const event = protocols.decode(stored);
  const { name, version, stages } = event.data;
  const reason = event.type === 'escalation-protocol-revised' ? event.data.reason : undefined;
  const at = stampOf(event);
  const stageNames = stages.map((s) => `${s.name} (${s.timescaleWorkingDays} working days)`).join(', ');
  const summary =
    event.type === 'escalation-protocol-defined'
      ? `Defined ${name} v1: ${stageNames}`
      : `Revised ${name} to v${version}: ${stageNames}${reason ? ` (${reason})` : ''}`;
  return {
    ...doc,
    exists: true,
    name,
    currentVersion: version,
    stages,
    versions: [...doc.versions, { version, name, stages, ...(reason !== undefined ? { reason } : {}), at }],
    revision: revisionAfter(doc, stored, { category: EscalationProtocol.category, id: doc.protocolId }),
    ...(event.type === 'escalation-protocol-defined' ? { defined: at } : {}),
    history: [...doc.history, historyEntry(event, summary)],
  };
}

/** The escalation protocols register: one document per protocol with all its versions. */
export const protocolsProjection: SubscribedProjection<ProtocolDoc> = {
  name: 'escalation-protocols',
  version: 1,
  subscriptions: [protocols],
  canHandle: protocols.takes,
  keysOf: (stored) => [protocolKey(protocols.decode(stored).data.protocolId)],
  initialState: (key) => newProtocol(key.slice(PROTOCOL_KEY_PREFIX.length)),
  evolve,
};
