import { summariseTrail } from './escalation-trail.summary';
import { viewAt, type EscalationView } from './stage-measure';
import { closedEvent, escalatedEvent, raisedEvent, resolvedEvent, trail } from './testing/trail-events';

const asOf = '2022-07-15';
const at = (date: string) => `${date}T10:00:00.000Z`;
/**
 * e1: WCC about the ICB, raised 10 May; stage 1 breached 13 May (day 3 of 2); escalated 16 May; resolved 20 May at stage 2; closed 6 June.
 * e2: police about WCC, raised 20 June; open at stage 1 since, breached 23 June.
 * e3: WCC about the police, raised 4 July; open at stage 1, within its timescale to 6 July, breached 7 July.
 */
const docs = [
  trail(
    'e1',
    raisedEvent('e1', at('2022-05-10')),
    escalatedEvent('e1', 1, at('2022-05-16')),
    resolvedEvent('e1', 2, at('2022-05-20')),
    closedEvent('e1', 2, at('2022-06-06')),
  ),
  trail(
    'e2',
    raisedEvent('e2', at('2022-06-20'), { raisedByAgency: 'warwickshire-police', concerningAgency: 'warwickshire-cc' }),
  ),
  trail(
    'e3',
    raisedEvent('e3', at('2022-07-04'), { raisedByAgency: 'warwickshire-cc', concerningAgency: 'warwickshire-police' }),
  ),
];
const viewsAt = (date: string) => docs.map((d) => viewAt(d, date)).filter((v): v is EscalationView => v !== undefined);
const views = viewsAt(asOf);

describe('summariseTrail by month', () => {
  const { periods } = summariseTrail(views, { kind: 'month', from: '2022-05-01', to: '2022-12-31', asOf });

  it('covers each month from from up to the month asOf falls in, never beyond it', () => {
    expect(periods.map((p) => p.period)).toEqual(['2022-05', '2022-06', '2022-07']);
  });

  it('counts raised, resolved, closed, open at the end and breached in each month', () => {
    expect(
      periods.map(({ period, raised, resolved, closed, openAtEnd, breached }) => ({
        period,
        raised,
        resolved,
        closed,
        openAtEnd,
        breached,
      })),
    ).toEqual([
      { period: '2022-05', raised: 1, resolved: 1, closed: 0, openAtEnd: 0, breached: 1 },
      { period: '2022-06', raised: 1, resolved: 0, closed: 1, openAtEnd: 1, breached: 1 },
      { period: '2022-07', raised: 1, resolved: 0, closed: 0, openAtEnd: 2, breached: 1 },
    ]);
  });

  it('counts by stage: entered, open at the end and breached', () => {
    expect(periods[0].byStage).toEqual([
      { stage: 1, entered: 1, openAtEnd: 0, breached: 1 },
      { stage: 2, entered: 1, openAtEnd: 0, breached: 0 },
    ]);
    expect(periods[2].byStage).toEqual([
      { stage: 1, entered: 1, openAtEnd: 2, breached: 1 },
      { stage: 2, entered: 0, openAtEnd: 0, breached: 0 },
    ]);
  });
});

describe('summariseTrail by quarter and agency', () => {
  const { periods, agencies } = summariseTrail(views, { kind: 'quarter', from: '2022-04-01', to: '2023-03-31', asOf });

  it('adds the months of a quarter together', () => {
    expect(periods).toEqual([
      expect.objectContaining({
        period: '2022-Q2',
        start: '2022-04-01',
        end: '2022-06-30',
        raised: 2,
        resolved: 1,
        closed: 1,
        openAtEnd: 1,
        breached: 2,
      }),
      expect.objectContaining({ period: '2022-Q3', raised: 1, openAtEnd: 2, breached: 1 }),
    ]);
  });

  it('counts each agency as raiser and as the agency concerned, status as at asOf', () => {
    expect(agencies).toEqual([
      {
        agency: 'cw-icb',
        raisedBy: { raised: 0, open: 0, resolved: 0, closed: 0, breached: 0 },
        concerning: { raised: 1, open: 0, resolved: 0, closed: 1, breached: 1 },
      },
      {
        agency: 'warwickshire-cc',
        raisedBy: { raised: 2, open: 1, resolved: 0, closed: 1, breached: 2 },
        concerning: { raised: 1, open: 1, resolved: 0, closed: 0, breached: 1 },
      },
      {
        agency: 'warwickshire-police',
        raisedBy: { raised: 1, open: 1, resolved: 0, closed: 0, breached: 1 },
        concerning: { raised: 1, open: 1, resolved: 0, closed: 0, breached: 1 },
      },
    ]);
  });

  it('counts per agency only the escalations raised from from to to', () => {
    const { agencies: july } = summariseTrail(views, { kind: 'quarter', from: '2022-07-01', to: '2022-09-30', asOf });
    expect(july.map((a) => [a.agency, a.raisedBy.raised, a.concerning.raised])).toEqual([
      ['warwickshire-cc', 1, 0],
      ['warwickshire-police', 0, 1],
    ]);
  });

  it('given an earlier asOf, then later breaches and raises are not counted', () => {
    const early = summariseTrail(viewsAt('2022-05-12'), {
      kind: 'month',
      from: '2022-05-01',
      to: '2022-12-31',
      asOf: '2022-05-12',
    });
    expect(early.periods).toEqual([
      expect.objectContaining({ period: '2022-05', raised: 1, openAtEnd: 1, breached: 0 }),
    ]);
  });

  it('given no escalations, then empty periods and no agencies', () => {
    expect(summariseTrail([], { kind: 'quarter', from: '2022-04-01', to: '2022-06-30', asOf })).toEqual({
      periods: [
        {
          period: '2022-Q2',
          start: '2022-04-01',
          end: '2022-06-30',
          raised: 0,
          resolved: 0,
          closed: 0,
          openAtEnd: 0,
          breached: 0,
          byStage: [],
        },
      ],
      agencies: [],
    });
  });
});
