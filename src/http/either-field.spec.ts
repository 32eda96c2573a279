import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PlanTargetDto } from '../forward-plan/commands/forward-plan-fields';
import { NextUpdateDto } from '../inspections/commands/inspection-fields';

/** The two bodies that use EitherField: what each refuses, and the message it gives. */
const messages = <T extends object>(dto: new () => T, body: object): string[] =>
  validateSync(plainToInstance(dto, body)).flatMap((e) => Object.values(e.constraints ?? {}));

describe('EitherField', () => {
  it('exactly-one: a plan target takes a meeting or a month, and refuses both', () => {
    expect(messages(PlanTargetDto, { meetingId: 'wseb-2023-04-20' })).toEqual([]);
    expect(messages(PlanTargetDto, { month: '2023-04' })).toEqual([]);
    expect(messages(PlanTargetDto, { meetingId: 'wseb-2023-04-20', month: '2023-04' })).toEqual([
      'give meetingId or month, one of them',
    ]);
  });

  it('not-both: a next update takes a date, a number of months or neither, and refuses both', () => {
    expect(messages(NextUpdateDto, {})).toEqual([]);
    expect(messages(NextUpdateDto, { nextUpdateDue: '2023-02-09' })).toEqual([]);
    expect(messages(NextUpdateDto, { nextUpdateWithinMonths: 6 })).toEqual([]);
    expect(messages(NextUpdateDto, { nextUpdateDue: '2023-02-09', nextUpdateWithinMonths: 6 })).toEqual([
      'give nextUpdateWithinMonths or nextUpdateDue, not both',
    ]);
  });
});
