import fc from 'fast-check';
import {
  actionKey,
  meetingKey,
  personKey,
  type ActionLogEntry,
  type MeetingBoardDoc,
  type PersonPartnersDoc,
} from '../../projections/action-log/action-log-doc';
import { lookupsIn, matchesQuery, type ActionLogQuery } from '../../projections/action-log/action-log.queries';
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
    // Due back at a meeting (its date from the meeting document, when there is one).
    targetMeetingId: fc.constantFrom('m1', 'm2', 'm3'),
    // The person owners' partners as an event recorded them, for some people only, and when the owners were set.
    ownerPartners: fc.uniqueArray(
      fc.record({ personId: fc.constantFrom(...ids), partnerId: fc.constantFrom(...ids) }),
      { selector: (p) => p.personId, maxLength: 2 },
    ),
    ownedSince: fc.oneof(
      day,
      day.map((d) => `${d}T10:00:00.000Z`),
    ),
  },
  { requiredKeys: ['raised', 'status', 'owners'] },
);
const meeting = fc.record(
  { boardId: fc.constantFrom('wseb', 'worcs'), scheduledFor: day.map((d) => `${d}T09:30:00.000Z`) },
  { requiredKeys: [] },
);
/** A person's partners over time: from registration, then moves on later days (in order, as the aggregate keeps them). */
const roles = fc
  .tuple(fc.constantFrom(...ids), fc.array(fc.tuple(day, fc.constantFrom(...ids)), { maxLength: 2 }))
  .map(([first, moves]) => [
    { partnerId: first, from: null as string | null },
    ...moves.sort(([a], [b]) => a.localeCompare(b)).map(([from, partnerId]) => ({ partnerId, from })),
  ]);
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
function documents(
  actions: Partial<ActionLogEntry>[],
  meetings: Partial<MeetingBoardDoc>[],
  people: PersonPartnersDoc['roles'][],
): Map<string, unknown> {
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
  people.forEach((r, i) => docs.set(personKey(ids[i]), { kind: 'person', personId: ids[i], roles: r }));
  return docs;
}

/** The query as given, and each of its filters alone (all of them together rarely select anything). */
function eachFilterOf(q: ActionLogQuery): ActionLogQuery[] {
  const { asOf, ...filters } = q;
  return [q, ...Object.entries(filters).map(([k, v]) => ({ asOf, [k]: v }))];
}

describe('actionLogSqlFilter: the action log filters answered by SQLite', () => {
  it('selects exactly the actions matchesQuery selects, on the same documents, for every filter but owner', () => {
    fc.assert(
      fc.property(
        fc.array(action, { maxLength: 12 }),
        fc.array(meeting, { maxLength: 2 }),
        fc.array(roles, { maxLength: 2 }),
        query,
        (actions, meetings, people, query) => {
          const store = new ReadModelStore(':memory:');
          try {
            const docs = documents(actions, meetings, people);
            store.commit(P, 1, undefined, 1, docs, docs.size);
            const look = lookupsIn((key) => store.get(P, key));
            for (const q of eachFilterOf(query)) {
              const expected = [...store.scan<ActionLogEntry>(P, 'action:')]
                .filter((e) => matchesQuery(e.doc, q, look))
                .map((e) => e.key);
              const where = actionLogSqlFilter(q, P);
              const got = [...store.scan<ActionLogEntry>(P, 'action:', undefined, where)].map((e) => e.key);
              // Without any filter there is nothing to push down: the reader's pure filter alone decides.
              if (where === undefined)
                expect(got).toEqual([...docs.keys()].filter((k) => k.startsWith('action:')).sort());
              else expect({ q, got }).toEqual({ q, got: expected });
            }
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
