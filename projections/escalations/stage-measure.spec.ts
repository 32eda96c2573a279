import type { StagePeriod } from './escalation-trail-doc';
import { measureStage, viewAt } from './stage-measure';
import {
  acknowledgedEvent,
  closedEvent,
  escalatedEvent,
  raisedEvent,
  resolvedEvent,
  responseEvent,
  trail,
} from './testing/trail-events';

const period = (over: Partial<StagePeriod> = {}): StagePeriod => ({
  stage: 1,
  stageName: 'Practitioner to practitioner',
  timescaleWorkingDays: 2,
  startedAt: '2022-05-27T10:00:00.000Z',
  responses: 0,
  ...over,
});

describe('measureStage', () => {
  it('given a stage ended within its timescale, then it is measured to its end and not breached', () => {
    expect(
      measureStage(period({ endedAt: '2022-05-31T10:00:00.000Z', endedBy: 'escalated' }), '2022-11-21'),
    ).toMatchObject({
      open: false,
      measuredTo: '2022-05-31',
      workingDays: 2,
      dueBy: '2022-05-31',
      breached: false,
    });
  });

  it('given a stage ended one working day over its timescale, then it is breached on that day', () => {
    const m = measureStage(period({ endedAt: '2022-06-01T10:00:00.000Z', endedBy: 'escalated' }), '2022-11-21');
    expect(m).toMatchObject({ workingDays: 3, breached: true, breachedOn: '2022-06-01' });
  });

  it('given an open stage, then it is measured to asOf: within on the due day, breached the working day after', () => {
    expect(measureStage(period(), '2022-05-31')).toMatchObject({
      open: true,
      measuredTo: '2022-05-31',
      workingDays: 2,
      breached: false,
    });
    expect(measureStage(period(), '2022-06-01')).toMatchObject({
      workingDays: 3,
      breached: true,
      breachedOn: '2022-06-01',
    });
    // Started Tuesday 31 May: the jubilee days (2 and 3 June) and the weekend do not count, so it is due on Monday 6 June.
    expect(measureStage(period({ startedAt: '2022-05-31T10:00:00.000Z' }), '2022-06-05')).toMatchObject({
      workingDays: 1,
      breached: false,
    });
    expect(measureStage(period({ startedAt: '2022-05-31T10:00:00.000Z' }), '2022-06-06')).toMatchObject({
      workingDays: 2,
      breached: false,
      dueBy: '2022-06-06',
    });
    expect(measureStage(period({ startedAt: '2022-05-31T10:00:00.000Z' }), '2022-06-07')).toMatchObject({
      workingDays: 3,
      breached: true,
      breachedOn: '2022-06-07',
    });
  });

  it('given an instant late in the evening in summer, then it counts on the London date', () => {
    // 23:30 UTC on 1 June is 00:30 on 2 June in England: a bank holiday, so the stage starts on day 0 of 2 June.
    expect(measureStage(period({ startedAt: '2022-06-01T23:30:00.000Z' }), '2022-06-07')).toMatchObject({
      workingDays: 2,
      breached: false,
    });
  });

  it('given a date outside the calendar, then the stage is left unmeasured rather than miscounted', () => {
    expect(measureStage(period({ startedAt: '2015-12-30T10:00:00.000Z' }), '2016-01-10')).toMatchObject({
      workingDays: null,
      breached: false,
      unmeasured: 'outside-calendar',
    });
    expect(measureStage(period(), '2028-01-10')).toMatchObject({ workingDays: null, unmeasured: 'outside-calendar' });
  });

  it('given business times that run backwards, then the stage is left unmeasured', () => {
    expect(measureStage(period({ endedAt: '2022-05-20T10:00:00.000Z' }), '2022-11-21')).toMatchObject({
      workingDays: null,
      unmeasured: 'out-of-order',
    });
  });

  it('given a stage near the end of the calendar, then dueBy is left out but the measure stands', () => {
    const m = measureStage(period({ startedAt: '2027-12-30T10:00:00.000Z', timescaleWorkingDays: 10 }), '2027-12-31');
    expect(m).toMatchObject({ workingDays: 1, breached: false });
    expect(m).not.toHaveProperty('dueBy');
  });
});

describe('viewAt', () => {
  const id = 'wsep-2022-001';
  const doc = trail(
    id,
    raisedEvent(id, '2022-05-27T10:00:00.000Z'), // Friday before the jubilee week
    acknowledgedEvent(id, 1, '2022-05-30T09:00:00.000Z'),
    escalatedEvent(id, 1, '2022-06-07T10:00:00.000Z'),
    responseEvent(id, 2, '2022-06-08T10:00:00.000Z'),
    resolvedEvent(id, 2, '2022-06-20T10:00:00.000Z'),
    closedEvent(id, 2, '2022-06-24T10:00:00.000Z'),
  );

  it('given the whole history, then each stage has its working days and the breach of stage 1 is dated', () => {
    const v = viewAt(doc, '2022-11-21')!;
    expect(v).toMatchObject({
      status: 'closed',
      currentStage: 2,
      currentStageName: 'Manager to manager',
      breached: true,
      breachedStages: [1, 2],
      outcome: 'agreed',
    });
    // Stage 1: 30, 31 May, 1, 6, 7 June (2 and 3 June off) = 5 working days against 2. Stage 2: 8 June to 20 June = 9 against 5.
    expect(v.stages.map((s) => [s.stage, s.workingDays, s.breachedOn])).toEqual([
      [1, 5, '2022-06-01'],
      [2, 9, '2022-06-15'],
    ]);
    expect(v.timeline).toHaveLength(6);
  });

  it('given an earlier asOf, then only what had happened by then counts: open at stage 1, measured to asOf', () => {
    const v = viewAt(doc, '2022-05-31')!;
    expect(v).toMatchObject({ status: 'open', currentStage: 1, breached: false, breachedStages: [] });
    expect(v.stages).toEqual([
      expect.objectContaining({
        stage: 1,
        open: true,
        workingDays: 2,
        acknowledgedAt: '2022-05-30T09:00:00.000Z',
        responses: 0,
      }),
    ]);
    expect(v.stages[0]).not.toHaveProperty('endedAt');
    expect(v.timeline.map((e) => e.type)).toEqual(['escalation-raised', 'escalation-acknowledged']);
    expect(v).not.toHaveProperty('resolvedAt');
    expect(v).not.toHaveProperty('outcome');
  });

  it('given asOf between resolution and closing, then it is resolved, not closed', () => {
    const v = viewAt(doc, '2022-06-21')!;
    expect(v).toMatchObject({
      status: 'resolved',
      resolvedAt: '2022-06-20T10:00:00.000Z',
      resolution: 'Assessment date agreed',
    });
    expect(v).not.toHaveProperty('closedAt');
    expect(v.stages[1]).toMatchObject({ open: false, responses: 1, endedBy: 'resolved' });
  });

  it('given an asOf before it was raised, or a document never raised, then there is nothing to show', () => {
    expect(viewAt(doc, '2022-05-26')).toBeUndefined();
    expect(viewAt(trail(id, acknowledgedEvent(id, 1, '2022-05-30T09:00:00.000Z')), '2022-11-21')).toBeUndefined();
  });

  it('given an open stage within its timescale, then the escalation is not breached yet', () => {
    const open = trail('e2', raisedEvent('e2', '2022-09-15T10:00:00.000Z'));
    // Thursday 15 September: Friday 16 is day 1, Monday 19 (the state funeral) is not a working day, Tuesday 20 is day 2.
    expect(viewAt(open, '2022-09-20')).toMatchObject({
      breached: false,
      stages: [expect.objectContaining({ workingDays: 2 })],
    });
    expect(viewAt(open, '2022-09-21')).toMatchObject({
      breached: true,
      breachedStages: [1],
      stages: [expect.objectContaining({ breachedOn: '2022-09-21' })],
    });
  });
});
