import type { CommandMeta } from '../../ledger/aggregate';
import { fold } from '../../shared/decider';
import { Partner, nameOn, type PartnerCommand, type PartnerEvent } from './partner';

const meta: CommandMeta = {
  actor: { userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' },
  occurredAt: '2022-05-10T09:00:00.000Z',
};
const cmd = (c: Omit<PartnerCommand, 'meta'>) => ({ ...c, meta }) as PartnerCommand;
const given = (...events: PartnerEvent[]) => fold(Partner.decider, events);
const when = (state: ReturnType<typeof given>, c: Omit<PartnerCommand, 'meta'>) =>
  Partner.decider.decide(cmd(c), state);

const ccgRegistered: PartnerEvent = {
  type: 'partner-registered',
  data: { partnerId: 'cw-ccg', name: 'Coventry and Warwickshire CCG', kind: 'health', statutory: true },
};

describe('Partner decider', () => {
  it('given nothing, when a police force is registered, then it is recorded as a statutory partner', () => {
    expect(
      when(given(), {
        type: 'register-partner',
        data: { partnerId: 'warwickshire-police', name: 'Warwickshire Police', kind: 'police' },
      }),
    ).toEqual([
      {
        type: 'partner-registered',
        data: { partnerId: 'warwickshire-police', name: 'Warwickshire Police', kind: 'police', statutory: true },
      },
    ]);
  });

  it('given nothing, when a school is registered, then it is not a statutory partner', () => {
    const [e] = when(given(), {
      type: 'register-partner',
      data: { partnerId: 'school', name: 'A School', kind: 'education' },
    });
    expect(e.data).toMatchObject({ statutory: false });
  });

  it('given a health body that is not the statutory partner, when registered as not statutory, then it is recorded so', () => {
    const [e] = when(given(), {
      type: 'register-partner',
      data: {
        partnerId: 'cwpt',
        name: 'Coventry and Warwickshire Partnership Trust',
        kind: 'health',
        statutory: false,
      },
    });
    expect(e.data).toMatchObject({ kind: 'health', statutory: false });
  });

  it('given a school, when registered as statutory, then it is refused', () => {
    expect(() =>
      when(given(), {
        type: 'register-partner',
        data: { partnerId: 'school', name: 'A School', kind: 'education', statutory: true },
      }),
    ).toThrow(expect.objectContaining({ code: 'not-a-statutory-kind', status: 422 }));
  });

  it('given a registered partner, when registered again, then it is refused as a conflict', () => {
    expect(() =>
      when(given(ccgRegistered), {
        type: 'register-partner',
        data: { partnerId: 'cw-ccg', name: 'x', kind: 'health' },
      }),
    ).toThrow(expect.objectContaining({ code: 'partner-exists', status: 409 }));
  });

  it('given no partner, when renamed, then it is refused', () => {
    expect(() =>
      when(given(), { type: 'rename-partner', data: { partnerId: 'x', name: 'y', effectiveFrom: '2022-07-01' } }),
    ).toThrow(expect.objectContaining({ code: 'partner-not-registered' }));
  });

  it('given a partner, when renamed from a date, then history keeps the old name before that date', () => {
    const events = when(given(ccgRegistered), {
      type: 'rename-partner',
      data: { partnerId: 'cw-ccg', name: 'C&W Integrated Care Board', effectiveFrom: '2022-07-01' },
    });
    const state = given(ccgRegistered, ...events);
    expect(nameOn(state, '2022-05-10')).toBe('Coventry and Warwickshire CCG');
    expect(nameOn(state, '2022-09-22')).toBe('C&W Integrated Care Board');
  });

  it('given a rename on 1 July, when renamed again with an earlier date, then it is refused', () => {
    const state = given(ccgRegistered, {
      type: 'partner-renamed',
      data: { partnerId: 'cw-ccg', name: 'ICB', effectiveFrom: '2022-07-01' },
    });
    expect(() =>
      when(state, {
        type: 'rename-partner',
        data: { partnerId: 'cw-ccg', name: 'Other', effectiveFrom: '2022-06-01' },
      }),
    ).toThrow(expect.objectContaining({ code: 'effective-date-not-after-previous-change' }));
  });

  it('given a partner, when renamed to its current name, then it is refused', () => {
    expect(() =>
      when(given(ccgRegistered), {
        type: 'rename-partner',
        data: { partnerId: 'cw-ccg', name: 'Coventry and Warwickshire CCG', effectiveFrom: '2022-07-01' },
      }),
    ).toThrow(expect.objectContaining({ code: 'same-name' }));
  });

  it('given a partner and a registered successor, when succeeded, then the succession is recorded', () => {
    expect(
      when(given(ccgRegistered), {
        type: 'succeed-partner',
        data: { partnerId: 'cw-ccg', successorId: 'cw-icb', effectiveFrom: '2022-07-01', successorExists: true },
      }),
    ).toEqual([
      { type: 'partner-succeeded', data: { partnerId: 'cw-ccg', successorId: 'cw-icb', effectiveFrom: '2022-07-01' } },
    ]);
  });

  it('refuses a successor that is not registered, the partner itself, and changes after a succession', () => {
    const state = given(ccgRegistered);
    expect(() =>
      when(state, {
        type: 'succeed-partner',
        data: { partnerId: 'cw-ccg', successorId: 'nope', effectiveFrom: '2022-07-01', successorExists: false },
      }),
    ).toThrow(expect.objectContaining({ code: 'successor-not-registered' }));
    expect(() =>
      when(state, {
        type: 'succeed-partner',
        data: { partnerId: 'cw-ccg', successorId: 'cw-ccg', effectiveFrom: '2022-07-01', successorExists: true },
      }),
    ).toThrow(expect.objectContaining({ code: 'successor-is-self' }));
    const succeeded = given(ccgRegistered, {
      type: 'partner-succeeded',
      data: { partnerId: 'cw-ccg', successorId: 'cw-icb', effectiveFrom: '2022-07-01' },
    });
    expect(() =>
      when(succeeded, {
        type: 'rename-partner',
        data: { partnerId: 'cw-ccg', name: 'x', effectiveFrom: '2022-08-01' },
      }),
    ).toThrow(expect.objectContaining({ code: 'partner-succeeded' }));
  });
});
