import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PlanTargetDto } from './forward-plan-fields';

const messages = (body: object): string[] =>
  validateSync(plainToInstance(PlanTargetDto, body)).flatMap((e) => Object.values(e.constraints ?? {}));

describe('PlanTargetDto', () => {
  it('given a meeting or a month, then it is valid; given both, then it is refused naming the two', () => {
    expect(messages({ meetingId: 'wseb-2023-04-20' })).toEqual([]);
    expect(messages({ month: '2023-04' })).toEqual([]);
    expect(messages({ meetingId: 'wseb-2023-04-20', month: '2023-04' })).toEqual([
      'give meetingId or month, one of them',
    ]);
  });
});
