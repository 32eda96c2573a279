import { BadRequestException } from '@nestjs/common';
import { lastEventId } from './last-event-id';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    return (err as BadRequestException).getResponse();
  }
  throw new Error('expected a refusal');
};

describe('lastEventId', () => {
  it('given no header and no query, then there is nothing to resume from', () => {
    expect(lastEventId({ headers: {} })).toBeUndefined();
    expect(lastEventId({ headers: { 'last-event-id': '' }, query: { lastEventId: '' } })).toBeUndefined();
  });

  it('given a position in the header or the query, then it is the resume position; the header wins', () => {
    expect(lastEventId({ headers: { 'last-event-id': '0' } })).toBe(0);
    expect(lastEventId({ headers: {}, query: { lastEventId: '4096' } })).toBe(4096);
    expect(lastEventId({ headers: { 'last-event-id': '12' }, query: { lastEventId: '99' } })).toBe(12);
  });

  it.each(['abc', '-1', '+1', '01', '1.0', '1e3', ' 1', '9007199254740993', '99999999999999999'])(
    'given %p, then 400 invalid-last-event-id',
    (id) => {
      expect(refusal(() => lastEventId({ headers: { 'last-event-id': id } }))).toMatchObject({
        status: 400,
        code: 'invalid-last-event-id',
      });
      expect(refusal(() => lastEventId({ headers: {}, query: { lastEventId: id } }))).toMatchObject({
        status: 400,
        code: 'invalid-last-event-id',
      });
    },
  );

  it('given a repeated header (joined by Node), then 400', () => {
    expect(refusal(() => lastEventId({ headers: { 'last-event-id': ['1', '2'] } }))).toMatchObject({
      code: 'invalid-last-event-id',
    });
  });
});
