import fc from 'fast-check';
import {
  actionKey,
  meetingKey,
  type ActionLogEntry,
  type MeetingBoardDoc,
} from '../../projections/action-log/action-log-doc';
import { matchesQuery, type ActionLogQuery } from '../../projections/action-log/action-log.queries';
import { ACTION_STATUSES } from '../../src/actions';
import { actionLogSqlFilter } from '../../src/read-models/action-log/action-log-sql-filter';
import { ReadModelStore } from '../../src/read-models/read-model-store';

const P = 'action-log';
const ids = ['a', 'b', 'c'];
const day = fc.constantFrom('2022-05-01', '2022-05-10', '2022-06-30', '2022-07-01');
const owner = fc.oneof(
  fc.record({ kind: fc.constant('partner' as const), partnerId: fc.constantFrom(...ids) }),
  fc.record({ kind: fc.constant('person' as const), personId: fc.constantFrom(...ids) }),
  fc.record({ kind: fc.constant('team' as const), name: fc.constantFrom('Team A', 'b') }),
);
const action = fc.record(
  {
    raised: fc.boolean(),
    status: fc.constantFrom(...ACTION_STATUSES),
    owners: fc.array(owner, { maxLength: 3 }),
    // A date or an instant (the projection stores what the command gave; isOverdue compares days).
    dueDate: fc.oneof(
      day,
      day.map((d) => `${d}T23:30:00Z`),
    ),
    originMeetingId: fc.constantFrom('m1', 'm2', 'm3', ''),
  },
  { requiredKeys: ['raised', 'status', 'owners'] },
);
const meeting = fc.record({ boardId: fc.constantFrom('wseb', 'worcs') }, { requiredKeys: [] });
const query = fc.record(
  {
    status: fc.constantFrom(...ACTION_STATUSES),
    overdue: fc.boolean(),
    partnerId: fc.constantFrom(...ids),
    boardId: fc.constantFrom('wseb', 'worcs'),
    asOf: fc.oneof(day, fc.constant('2022-06-30T10:00:00Z')),
  },
  { requiredKeys: ['asOf'] },
);

/** The documents as the projection would hold them (only the fields the filters read vary). */
function documents(actions: Partial<ActionLogEntry>[], meetings: Partial<MeetingBoardDoc>[]): Map<string, unknown> {
  const docs = new Map<string, unknown>();
  actions.forEach((a, i) =>
    docs.set(actionKey(`x${i}`), {
      kind: 'action',
      actionId: `x${i}`,
      text: 't',
      timesCarriedForward: 0,
      historyLength: 1,
      revision: 0,
      ...a,
    }),
  );
  meetings.forEach((m, i) => docs.set(meetingKey(`m${i + 1}`), { kind: 'meeting', meetingId: `m${i + 1}`, ...m }));
  return docs;
}

describe('actionLogSqlFilter: the action log filters answered by SQLite', () => {
  it('selects exactly the actions matchesQuery selects, on the same documents, for every filter but owner', () => {
    fc.assert(
      fc.property(
        fc.array(action, { maxLength: 12 }),
        fc.array(meeting, { maxLength: 2 }),
        query,
        (actions, meetings, q) => {
          const store = new ReadModelStore(':memory:');
          try {
            const docs = documents(actions, meetings);
            store.commit(P, 1, undefined, 1, docs, docs.size);
            const boardOf = (id: string) => store.get<MeetingBoardDoc>(P, meetingKey(id))?.boardId;
            const expected = [...store.scan<ActionLogEntry>(P, 'action:')]
              .filter((e) => matchesQuery(e.doc, q as ActionLogQuery, boardOf))
              .map((e) => e.key);
            const where = actionLogSqlFilter(q, P);
            const got = [...store.scan<ActionLogEntry>(P, 'action:', undefined, where)].map((e) => e.key);
            // Without any filter there is nothing to push down: the reader's pure filter alone decides.
            if (where === undefined)
              expect(got).toEqual([...docs.keys()].filter((k) => k.startsWith('action:')).sort());
            else expect(got).toEqual(expected);
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('given only an owner filter, then nothing is pushed down (case-folding stays in pure code)', () => {
    expect(actionLogSqlFilter({ owner: 'person:pete-hill', asOf: '2022-07-01' }, P)).toBeUndefined();
  });
});
