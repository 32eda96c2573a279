import { deciderSpec } from '../../shared/testing/decider-spec';
import { Partner, nameOn, type PartnerEvent } from './partner';

const spec = deciderSpec(Partner, {
  meta: {
    actor: { userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' },
    occurredAt: '2022-05-10T09:00:00.000Z',
  },
});

const ccgRegistered: PartnerEvent = {
  type: 'partner-registered',
  data: { partnerId: 'cw-ccg', name: 'Coventry and Warwickshire CCG', kind: 'health', statutory: true },
};

describe('Partner decider', () => {
  it('given nothing, when a police force is registered, then it is recorded as a statutory partner', () => {
    spec
      .given()
      .when({
        type: 'register-partner',
        data: { partnerId: 'warwickshire-police', name: 'Warwickshire Police', kind: 'police' },
      })
      .then([
        {
          type: 'partner-registered',
          data: { partnerId: 'warwickshire-police', name: 'Warwickshire Police', kind: 'police', statutory: true },
        },
      ]);
  });

  it('given nothing, when a school is registered, then it is not a statutory partner', () => {
    const [e] = spec
      .given()
      .when({
        type: 'register-partner',
        data: { partnerId: 'school', name: 'A School', kind: 'education' },
      })
      .decided();
    expect(e.data).toMatchObject({ statutory: false });
  });

  it('given a health body that is not the statutory partner, when registered as not statutory, then it is recorded so', () => {
    const [e] = spec
      .given()
      .when({
        type: 'register-partner',
        data: {
          partnerId: 'cwpt',
          name: 'Coventry and Warwickshire Partnership Trust',
          kind: 'health',
          statutory: false,
        },
      })
      .decided();
    expect(e.data).toMatchObject({ kind: 'health', statutory: false });
  });

  it('given a school, when registered as statutory, then it is refused', () => {
    spec
      .given()
      .when({
        type: 'register-partner',
        data: { partnerId: 'school', name: 'A School', kind: 'education', statutory: true },
      })
      .thenRefuses('not-a-statutory-kind', 422);
  });

  it('given a registered partner, when registered again, then it is refused as a conflict', () => {
    spec
      .given([ccgRegistered])
      .when({
        type: 'register-partner',
        data: { partnerId: 'cw-ccg', name: 'x', kind: 'health' },
      })
      .thenRefuses('partner-exists', 409);
  });

  it('given no partner, when renamed, then it is refused', () => {
    spec
      .given()
      .when({ type: 'rename-partner', data: { partnerId: 'x', name: 'y', effectiveFrom: '2022-07-01' } })
      .thenRefuses('partner-not-registered');
  });

  it('given a partner, when renamed from a date, then history keeps the old name before that date', () => {
    const events = spec
      .given([ccgRegistered])
      .when({
        type: 'rename-partner',
        data: { partnerId: 'cw-ccg', name: 'C&W Integrated Care Board', effectiveFrom: '2022-07-01' },
      })
      .decided();
    const state = spec.given([ccgRegistered, ...events]).state();
    expect(nameOn(state, '2022-05-10')).toBe('Coventry and Warwickshire CCG');
    expect(nameOn(state, '2022-09-22')).toBe('C&W Integrated Care Board');
  });

  it('given a rename on 1 July, when renamed again with an earlier date, then it is refused', () => {
    const state = spec.given([
      ccgRegistered,
      {
        type: 'partner-renamed',
        data: { partnerId: 'cw-ccg', name: 'ICB', effectiveFrom: '2022-07-01' },
      },
    ]);
    state
      .when({
        type: 'rename-partner',
        data: { partnerId: 'cw-ccg', name: 'Other', effectiveFrom: '2022-06-01' },
      })
      .thenRefuses('effective-date-not-after-previous-change');
  });

  it('given a partner, when renamed to its current name, then it is refused', () => {
    spec
      .given([ccgRegistered])
      .when({
        type: 'rename-partner',
        data: { partnerId: 'cw-ccg', name: 'Coventry and Warwickshire CCG', effectiveFrom: '2022-07-01' },
      })
      .thenRefuses('same-name');
  });

  it('given a partner and a registered successor, when succeeded, then the succession is recorded', () => {
    spec
      .given([ccgRegistered])
      .when({
        type: 'succeed-partner',
        data: { partnerId: 'cw-ccg', successorId: 'cw-icb', effectiveFrom: '2022-07-01', successorExists: true },
      })
      .then([
        {
          type: 'partner-succeeded',
          data: { partnerId: 'cw-ccg', successorId: 'cw-icb', effectiveFrom: '2022-07-01' },
        },
      ]);
  });

  it('refuses a successor that is not registered, the partner itself, and changes after a succession', () => {
    const registered = spec.given([ccgRegistered]);
    registered
      .when({
        type: 'succeed-partner',
        data: { partnerId: 'cw-ccg', successorId: 'nope', effectiveFrom: '2022-07-01', successorExists: false },
      })
      .thenRefuses('successor-not-registered');
    registered
      .when({
        type: 'succeed-partner',
        data: { partnerId: 'cw-ccg', successorId: 'cw-ccg', effectiveFrom: '2022-07-01', successorExists: true },
      })
      .thenRefuses('successor-is-self');
    const succeeded = spec.given([
      ccgRegistered,
      {
        type: 'partner-succeeded',
        data: { partnerId: 'cw-ccg', successorId: 'cw-icb', effectiveFrom: '2022-07-01' },
      },
    ]);
    succeeded
      .when({
        type: 'rename-partner',
        data: { partnerId: 'cw-ccg', name: 'x', effectiveFrom: '2022-08-01' },
      })
      .thenRefuses('partner-succeeded');
  });
});
