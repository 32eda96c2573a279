import type { StoredEvent } from '../../src/ledger/event-envelope';
import { storedEventFactory } from '../../src/ledger/testing/stored-events';
import type { EscalationProtocolEvent } from '../../src/escalations';
import type { ProtocolDoc } from './protocol-doc';
import { protocolsProjection as p } from './protocols.projection';
import { matchesProtocol } from './protocols.queries';

const manager = { userId: 'bm-1', role: 'business-manager', agency: 'warwickshire-safeguarding' };
const stored = storedEventFactory({ step: 3, actor: manager });
const protocol = (e: EscalationProtocolEvent) => stored(`protocol-${e.data.protocolId}`, e.type, e.data);

function project(events: StoredEvent[]): Map<string, ProtocolDoc> {
  const docs = new Map<string, ProtocolDoc>();
  for (const e of events.filter((x) => p.canHandle(x)))
    for (const key of p.keysOf(e)) docs.set(key, p.evolve(docs.get(key) ?? p.initialState(key), e));
  return docs;
}

const stages = [
  { name: 'Practitioner', timescaleWorkingDays: 5 },
  { name: 'Manager', timescaleWorkingDays: 10 },
];
const defined = protocol({
  type: 'escalation-protocol-defined',
  data: { protocolId: 'wscp', name: 'WSCP resolution', version: 1, stages },
});
const revised = protocol({
  type: 'escalation-protocol-revised',
  data: {
    protocolId: 'wscp',
    name: 'WSCP resolution',
    version: 2,
    stages: [...stages, { name: 'Chair', timescaleWorkingDays: 15 }],
    reason: 'Chair stage added',
  },
});

describe('escalation protocols projection', () => {
  it('given a definition and a revision, then both versions are kept whole and the last is in force', () => {
    const doc = project([defined, revised]).get('protocol:wscp')!;
    expect(doc).toMatchObject({ exists: true, currentVersion: 2, defined: { actor: { userId: 'bm-1' } } });
    expect(doc.stages.map((s) => s.name)).toEqual(['Practitioner', 'Manager', 'Chair']);
    expect(doc.versions.map((v) => [v.version, v.stages.length, v.reason])).toEqual([
      [1, 2, undefined],
      [2, 3, 'Chair stage added'],
    ]);
    expect(doc.history.map((h) => h.summary)).toEqual([
      'Defined WSCP resolution v1: Practitioner (5 working days), Manager (10 working days)',
      'Revised WSCP resolution to v2: Practitioner (5 working days), Manager (10 working days), Chair (15 working days) (Chair stage added)',
    ]);
  });

  it('when filtered by stage, then only by the version in force, and never an undefined protocol', () => {
    expect(matchesProtocol(project([defined]).get('protocol:wscp')!, { stage: 'chair' })).toBe(false);
    expect(matchesProtocol(project([defined, revised]).get('protocol:wscp')!, { stage: 'chair' })).toBe(true);
    expect(matchesProtocol(p.initialState('protocol:nope'), {})).toBe(false);
  });
});
