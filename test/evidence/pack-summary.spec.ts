import { businessDate } from '../../projections/calendar/business-date';
import { storedEvent } from '../../src/ledger/testing/stored-events';
import { businessDay } from '../../src/evidence/pack/business-day';
import { monthEnds, summaryInput } from '../../src/evidence/pack/build/summary-input';
import { packTables, tableList } from '../../src/evidence/pack/formats/tables/pack-tables';
import { request } from './support/pack-files';
import { selectedSummaryInput } from './support/selected-summary-input';
import { syntheticLedger } from './support/synthetic-ledger';

describe('business dates memoised by UTC hour', () => {
  it('agree with businessDate every quarter hour across both 2022 clock changes and a year end', () => {
    const starts = ['2022-03-26T20:00:00Z', '2022-10-29T20:00:00Z', '2022-12-31T20:00:00Z'];
    for (const start of starts)
      for (let q = 0; q < 4 * 12; q++) {
        const iso = new Date(Date.parse(start) + q * 15 * 60_000).toISOString();
        expect(businessDay(iso)).toBe(businessDate(iso));
      }
  });
  it('fall back to businessDate for anything but a plain UTC instant', () => {
    expect(businessDay('2022-06-01T23:30:00+01:00')).toBe('2022-06-01');
    expect(businessDay('2022-06-01')).toBe('2022-06-01');
  });
});

/** summary.pdf's input for the synthetic ledger over the whole default scope. */
const syntheticSummary = async () => selectedSummaryInput(await syntheticLedger(), request().scope);

describe('summary.pdf input', () => {
  it('lists month ends from the first to the last month, the last cut at to', () => {
    expect(monthEnds('2022-11-15', '2023-02-10')).toEqual([
      { month: '2022-11', end: '2022-11-30' },
      { month: '2022-12', end: '2022-12-31' },
      { month: '2023-01', end: '2023-01-31' },
      { month: '2023-02', end: '2023-02-10' },
    ]);
  });

  it('counts action status at each month end with data, and takes its figures from the pack events', async () => {
    const input = await syntheticSummary();
    // a1 raised in March, actioned in April; a2 raised in June, due end of September, still open.
    expect(input.actionStatusOverTime[0]).toEqual({
      month: '2022-03',
      open: 1,
      actioned: 0,
      closed: 0,
      cancelled: 0,
      overdue: 0,
    });
    expect(input.actionStatusOverTime.find((r) => r.month === '2022-06')).toEqual({
      month: '2022-06',
      open: 1,
      actioned: 1,
      closed: 0,
      cancelled: 0,
      overdue: 0,
    });
    expect(input.actionStatusOverTime.at(-1)?.month).toBe('2022-06'); // no action history after June: the chart stops there
    expect(input.escalationsByStage).toEqual([
      { stage: 'Practitioner to practitioner', withinTimescale: 0, breached: 1 },
    ]);
    expect(input.contributions).toEqual([
      {
        financialYear: '2022-23',
        budgetPence: 32_100_000,
        shortfallPence: 22_100_000,
        uncoveredPence: 0,
        partners: [{ name: 'County Council', pledgedPence: 10_000_000, paidPence: 0, underwrittenPence: 0 }],
      },
    ]);
    expect(input.headline).toEqual(expect.arrayContaining([{ label: 'Actions (open / overdue)', value: '2 (1 / 1)' }]));
  });

  it("given the pack's meetings, then the meetings section lists each by date with what it decided and raised", async () => {
    const input = await syntheticSummary();
    expect(input.meetings.map((m) => [m.date, m.boardId, m.meetingId])).toEqual([
      ['2022-03-01', 'b1', 'm1'],
      ['2022-06-01', 'b2', 'm2'],
    ]);
    expect(input.meetings[1]).toMatchObject({
      decisions: [{ item: '3', decisionId: 'd1', outcome: 'approved', text: 'Fund the exploitation hub' }],
      actions: [{ item: '2', actionId: 'a2', owners: 'partner:p2', due: '2022-09-30' }],
    });
    expect(input.headline).toEqual(
      expect.arrayContaining([{ label: 'Meetings (attendances / apologies)', value: '2 (0 / 0)' }]),
    );
  });
});

describe('summary.pdf overdue actions', () => {
  it('given an open action without a due date whose target meeting has passed, then the summary counts and lists it as overdue with that meeting’s date', () => {
    // Given: a meeting on 22 Sept 2022, and an action raised in May, due back at it, with no due date.
    const tables = packTables('2022-12-31');
    const events = [
      storedEvent({
        streamId: 'meeting-wseb-2022-09-22',
        type: 'meeting-scheduled',
        position: 1,
        data: { meetingId: 'wseb-2022-09-22', boardId: 'wseb', scheduledFor: '2022-09-22T09:30:00Z' },
      }),
      storedEvent({
        streamId: 'action-a1',
        type: 'action-raised',
        position: 2,
        occurredAt: '2022-05-10T10:00:00Z',
        data: {
          actionId: 'a1',
          meetingId: 'wseb-2022-05-10',
          itemNumber: 1,
          text: 'Report back',
          owners: [{ kind: 'partner', partnerId: 'warwickshire-police' }],
          targetMeetingId: 'wseb-2022-09-22',
        },
      }),
    ];
    for (const e of events) for (const t of tableList(tables)) t.add(e);

    // When: the summary is made for the year.
    const input = summaryInput(tables, {
      title: 't',
      partnership: 'p',
      scope: { ...request().scope, from: '2022-01-01', to: '2022-12-31' },
      generatedAt: '2022-12-31T12:00:00Z',
      rootHash: 'r',
      eventCount: 2,
      streamCount: 2,
    });

    // Then: overdue in the headline and in the table, due by the meeting's date.
    expect(input.headline.find((h) => h.label === 'Actions (open / overdue)')?.value).toBe('1 (1 / 1)');
    const table = input.tables.find((t) => t.title === 'Overdue actions at the end of the period');
    expect(table?.rows).toEqual([['a1', 'partner:warwickshire-police', '2022-09-22', 'Report back']]);
  });
});
