import { problem } from './problem';

describe('problem', () => {
  it('given extension members, then they are kept beside the standard members', () => {
    expect(problem(422, 'partner-exists', 'Taken', { detail: 'd', partnerId: 'p' })).toEqual({
      type: '/problems/partner-exists',
      title: 'Taken',
      status: 422,
      code: 'partner-exists',
      detail: 'd',
      partnerId: 'p',
    });
  });

  it('given details that reuse a standard name, then the standard member wins', () => {
    expect(problem(409, 'x', 'X', { status: 'present', code: 'other', type: 'y', title: 'z' })).toMatchObject({
      status: 409,
      code: 'x',
      type: '/problems/x',
      title: 'X',
    });
  });
});
