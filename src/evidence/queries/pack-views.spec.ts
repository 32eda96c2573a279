import type { StoredEvent } from '../../ledger/event-envelope';
import { storedEvent } from '../../ledger/testing/stored-events';
import { EvidencePack, type EvidencePackEvent } from '../domain/evidence-pack';
import type { PackScope } from '../domain/pack-scope';
import { accessLog, packView } from './pack-views';

const manager = { userId: 'amrita-sharma', role: 'business-manager', agency: 'warwickshire-safeguarding' };
const hmi = { userId: 'ofsted-hmi-1', role: 'inspector', agency: 'ofsted' };
const scope: PackScope = {
  from: '2022-04-01',
  to: '2023-03-31',
  boardIds: [],
  partnerIds: [],
  themes: [],
  records: ['actions'],
};
const built = {
  rootHash: 'a'.repeat(64),
  bytes: 99,
  eventsWritten: 7,
  generatedAt: '2022-11-21T12:00:00.000Z',
  positions: { from: 1, to: 9 },
  files: [],
};

function stored(events: [EvidencePackEvent, typeof manager][]): StoredEvent[] {
  return events.map(([e, actor], i) =>
    storedEvent({
      streamId: 'evidencepack-p',
      revision: i,
      position: 10 + i,
      type: e.type,
      data: e.data,
      actor,
      occurredAt: `2022-11-2${i}T09:00:00.000Z`,
      recordedAt: `2022-11-2${i}T09:00:01.000Z`,
    }),
  );
}

const history = stored([
  [{ type: 'evidence-pack-requested', data: { packId: 'p', scope, requestedBy: manager } }, manager],
  [{ type: 'evidence-pack-generation-started', data: { packId: 'p', attempt: 1 } }, manager],
  [{ type: 'evidence-pack-generation-completed', data: { packId: 'p', ...built } }, manager],
  [
    {
      type: 'evidence-pack-access-granted',
      data: { packId: 'p', inspectorUserId: hmi.userId, expiresAt: '2022-12-01T00:00:00.000Z' },
    },
    manager,
  ],
  [
    {
      type: 'evidence-pack-access-granted',
      data: { packId: 'p', inspectorUserId: 'cqc-2', expiresAt: '2022-12-01T00:00:00.000Z' },
    },
    manager,
  ],
  [{ type: 'evidence-pack-downloaded', data: { packId: 'p', by: hmi } }, hmi],
  [
    { type: 'evidence-pack-access-revoked', data: { packId: 'p', inspectorUserId: hmi.userId, reason: 'done' } },
    manager,
  ],
]);
const record = (events: StoredEvent[]) => ({
  packId: 'p',
  events,
  state: events.reduce(
    (s, e) => EvidencePack.decider.evolve(s, EvidencePack.codec.decode(e)),
    EvidencePack.decider.initialState,
  ),
});

describe('pack views', () => {
  it('the access log lists requests, grants, downloads and revocations with who and when, and leaves out the build', () => {
    expect(accessLog(history).map((e) => [e.action, e.by.userId, e.recordedAt])).toEqual([
      ['requested', manager.userId, '2022-11-20T09:00:01.000Z'],
      ['granted', manager.userId, '2022-11-23T09:00:01.000Z'],
      ['granted', manager.userId, '2022-11-24T09:00:01.000Z'],
      ['downloaded', hmi.userId, '2022-11-25T09:00:01.000Z'],
      ['revoked', manager.userId, '2022-11-26T09:00:01.000Z'],
    ]);
    expect(accessLog(history)[4]).toMatchObject({
      inspectorUserId: hmi.userId,
      reason: 'done',
      occurredAt: '2022-11-26T09:00:00.000Z',
    });
  });

  it('names who, what and when as histories do: type is the event type, actor the recorded actor; action and by say the same (deprecated)', () => {
    const log = accessLog(history);
    expect(log.map((e) => [e.type, e.actor, e.recordedAt, e.occurredAt])).toEqual(
      history
        .filter((e) => e.type !== 'evidence-pack-generation-started' && e.type !== 'evidence-pack-generation-completed')
        .map((e) => [e.type, e.metadata.actor, e.metadata.recordedAt, e.metadata.occurredAt]),
    );
    for (const e of log) expect(e.by).toEqual(e.actor);
  });

  it('a requester sees every grant; an inspector only their own', () => {
    const now = '2022-11-27T00:00:00.000Z';
    expect(
      packView(record(history), { userId: manager.userId, access: 'any' }, now).grants.map((g) => [
        g.inspectorUserId,
        g.active,
      ]),
    ).toEqual([
      [hmi.userId, false],
      ['cqc-2', true],
    ]);
    expect(
      packView(record(history), { userId: 'cqc-2', access: 'granted' }, now).grants.map((g) => g.inspectorUserId),
    ).toEqual(['cqc-2']);
  });

  it('shows the live progress while generating, "done" with the events written once completed, none while queued', () => {
    const viewer = { userId: manager.userId, access: 'any' as const };
    expect(packView(record(history.slice(0, 1)), viewer, '2022-11-27T00:00:00Z').progress).toBeNull();
    expect(
      packView(record(history.slice(0, 2)), viewer, '2022-11-27T00:00:00Z', { phase: 'events', eventsWritten: 3 })
        .progress,
    ).toEqual({ phase: 'events', eventsWritten: 3 });
    expect(packView(record(history.slice(0, 3)), viewer, '2022-11-27T00:00:00Z')).toMatchObject({
      status: 'completed',
      progress: { phase: 'done', eventsWritten: 7 },
      rootHash: built.rootHash,
      bytes: 99,
      requestedAt: '2022-11-20T09:00:01.000Z',
      revision: 2,
    });
  });
});
