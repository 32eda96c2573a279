import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { NextUpdateDto } from './inspection-fields';

const messages = (body: object): string[] =>
  validateSync(plainToInstance(NextUpdateDto, body)).flatMap((e) => Object.values(e.constraints ?? {}));

describe('NextUpdateDto', () => {
  it('given a date, a number of months or neither, then it is valid; given both, then it is refused naming the two', () => {
    expect(messages({})).toEqual([]);
    expect(messages({ nextUpdateDue: '2023-02-09' })).toEqual([]);
    expect(messages({ nextUpdateWithinMonths: 6 })).toEqual([]);
    expect(messages({ nextUpdateDue: '2023-02-09', nextUpdateWithinMonths: 6 })).toEqual([
      'give nextUpdateWithinMonths or nextUpdateDue, not both',
    ]);
  });
});
