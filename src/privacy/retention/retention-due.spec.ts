import { storedEvent } from '../../ledger/testing/stored-events';
import { subjectsPastRetention } from './retention-due';

let position = 0;
const ev = (type: string, data: { escalationId: string } & Record<string, unknown>, occurredAt: string) =>
  storedEvent({
    streamId: `escalation-${data.escalationId}`,
    position: ++position,
    type,
    data,
    occurredAt,
    recordedAt: occurredAt,
  });
const raised = (escalationId: string, ...subjects: string[]) =>
  ev(
    'escalation-raised',
    { escalationId, dataSubjects: subjects.map((subjectId) => ({ subjectId })) },
    '2022-01-10T09:00:00Z',
  );
const closed = (escalationId: string, at: string) => ev('escalation-closed', { escalationId, stage: 1 }, at);
const at = (iso: string) => new Date(iso);

describe('subjectsPastRetention', () => {
  const events = [raised('e1', 'child-1', 'parent-1'), closed('e1', '2022-02-01T10:00:00Z'), raised('e2', 'parent-1')];

  it('given a period of 0, then nothing is ever due', () => {
    expect(subjectsPastRetention(events, 0, at('2099-01-01T00:00:00Z'))).toEqual([]);
  });

  it('given a closure 30 days ago or more, then its subjects are due; one day less keeps them', () => {
    expect(subjectsPastRetention(events, 30, at('2022-03-03T10:00:00Z'))).toEqual([
      { subjectId: 'child-1', records: ['e1'] },
    ]);
    expect(subjectsPastRetention(events, 30, at('2022-03-03T09:59:59Z'))).toEqual([]);
  });

  it('keeps a subject while any escalation naming them is open or closed too recently', () => {
    expect(subjectsPastRetention(events, 30, at('2030-01-01T00:00:00Z')).map((d) => d.subjectId)).toEqual(['child-1']);
    const both = [...events, closed('e2', '2029-12-15T00:00:00Z')];
    expect(subjectsPastRetention(both, 30, at('2030-01-01T00:00:00Z')).map((d) => d.subjectId)).toEqual(['child-1']);
    expect(subjectsPastRetention(both, 30, at('2030-01-20T00:00:00Z'))).toEqual([
      { subjectId: 'child-1', records: ['e1'] },
      { subjectId: 'parent-1', records: ['e1', 'e2'] },
    ]);
  });

  it('ignores escalations that name nobody and events of other kinds', () => {
    expect(
      subjectsPastRetention(
        [
          raised('e3'),
          closed('e3', '2022-01-11T00:00:00Z'),
          ev('escalation-resolved', { escalationId: 'e4' }, '2022-01-11T00:00:00Z'),
        ],
        1,
        at('2030-01-01T00:00:00Z'),
      ),
    ).toEqual([]);
  });
});
