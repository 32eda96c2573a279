import { matchesQuery } from './escalation-trail.queries';
import { viewAt } from './stage-measure';
import { escalatedEvent, raisedEvent, resolvedEvent, trail } from './testing/trail-events';

const id = 'wsep-2022-001';
// Raised Tuesday 10 May, escalated Friday 13 May (3 working days at stage 1 against 2: breached), still open at stage 2.
const view = viewAt(
  trail(id, raisedEvent(id, '2022-05-10T10:00:00.000Z'), escalatedEvent(id, 1, '2022-05-13T10:00:00.000Z')),
  '2022-05-16',
)!;
const resolvedInTime = viewAt(
  trail('e2', raisedEvent('e2', '2022-05-10T10:00:00.000Z'), resolvedEvent('e2', 1, '2022-05-11T10:00:00.000Z')),
  '2022-05-16',
)!;

describe('matchesQuery', () => {
  const asOf = '2022-05-16';
  it.each([
    ['no filters', {}, true],
    ['the raising agency', { agency: 'warwickshire-cc' }, true],
    ['the concerning agency', { agency: 'cw-icb' }, true],
    ['an agency not party to it', { agency: 'warwickshire-police' }, false],
    ['its current stage', { stage: 2 }, true],
    ['a stage it has left', { stage: 1 }, false],
    ['open', { status: 'open' as const }, true],
    ['resolved', { status: 'resolved' as const }, false],
    ['breached', { breached: true }, true],
    ['not breached', { breached: false }, false],
    ['raised on the from date', { from: '2022-05-10' }, true],
    ['raised before from', { from: '2022-05-11' }, false],
    ['raised on the to date', { to: '2022-05-10' }, true],
    ['raised after to', { to: '2022-05-09' }, false],
    [
      'all filters together',
      { agency: 'cw-icb', stage: 2, status: 'open' as const, breached: true, from: '2022-05-01', to: '2022-05-31' },
      true,
    ],
  ])('%s -> %s', (_, query, expected) => {
    expect(matchesQuery(view, { asOf, ...query })).toBe(expected);
  });

  it.each([
    ['resolved', { status: 'resolved' as const }, true],
    ['not breached', { breached: false }, true],
    ['the stage it was resolved at', { stage: 1 }, true],
  ])('a resolved escalation matches %s -> %s', (_, query, expected) => {
    expect(matchesQuery(resolvedInTime, { asOf, ...query })).toBe(expected);
  });
});
