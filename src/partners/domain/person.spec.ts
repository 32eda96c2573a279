import { deciderSpec, type TestCommand } from '../../shared/testing/decider-spec';
import { Person, roleOn, type PersonCommand, type PersonEvent } from './person';

const spec = deciderSpec(Person, {
  meta: {
    actor: { userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' },
    occurredAt: '2022-05-10T09:00:00.000Z',
  },
});
type Cmd = TestCommand<PersonCommand>;

const register = (partnerExists = true): Cmd => ({
  type: 'register-person',
  data: {
    personId: 'jackie-channell',
    name: 'Jackie Channell',
    partnerId: 'cw-ccg',
    title: 'Designated Nurse',
    partnerExists,
  },
});
const registered: PersonEvent = {
  type: 'person-registered',
  data: { personId: 'jackie-channell', name: 'Jackie Channell', partnerId: 'cw-ccg', title: 'Designated Nurse' },
};
const update = (data: {
  partnerId?: string;
  title?: string;
  effectiveFrom?: string;
  partnerExists?: boolean;
}): Cmd => ({ type: 'update-person', data: { personId: 'jackie-channell', effectiveFrom: '2022-07-01', ...data } });

describe('Person decider', () => {
  it('registers a person with the partner they represent', () => {
    spec.given().when(register()).then([registered]);
  });

  it('refuses a second registration (409) and an unregistered partner', () => {
    spec.given([registered]).when(register()).thenRefuses('person-exists', 409);
    spec.given().when(register(false)).thenRefuses('partner-not-registered');
  });

  it('moves a person to a successor partner from a date, keeping the earlier partner for earlier dates', () => {
    const events = spec
      .given([registered])
      .when(update({ partnerId: 'cw-icb', partnerExists: true }))
      .decided();
    expect(events).toEqual([
      {
        type: 'person-updated',
        data: { personId: 'jackie-channell', effectiveFrom: '2022-07-01', partnerId: 'cw-icb' },
      },
    ]);
    const state = spec.given([registered, ...events]).state();
    expect(roleOn(state, '2022-05-10')).toEqual({ partnerId: 'cw-ccg', title: 'Designated Nurse', from: null });
    expect(roleOn(state, '2022-09-22')).toEqual({ partnerId: 'cw-icb', title: 'Designated Nurse', from: '2022-07-01' });
  });

  it('changes a title alone, keeping the partner', () => {
    const state = spec
      .given([registered])
      .when(update({ title: 'Escalation lead for health' }))
      .stateAfter();
    expect(roleOn(state, '2022-09-22')).toEqual({
      partnerId: 'cw-ccg',
      title: 'Escalation lead for health',
      from: '2022-07-01',
    });
  });

  it('refuses updating an unregistered person, an empty update and an update that changes nothing', () => {
    spec
      .given()
      .when(update({ title: 'x' }))
      .thenRefuses('person-not-registered');
    spec.given([registered]).when(update({})).thenRefuses('nothing-to-update');
    spec
      .given([registered])
      .when(update({ partnerId: 'cw-ccg', title: 'Designated Nurse', partnerExists: true }))
      .thenRefuses('person-unchanged');
  });

  it('refuses an unregistered partner and a change dated no later than the previous change', () => {
    spec
      .given([registered])
      .when(update({ partnerId: 'nowhere', partnerExists: false }))
      .thenRefuses('partner-not-registered');
    const moved: PersonEvent = {
      type: 'person-updated',
      data: { personId: 'jackie-channell', effectiveFrom: '2022-07-01', partnerId: 'cw-icb' },
    };
    spec
      .given([registered, moved])
      .when(update({ title: 'Lead', effectiveFrom: '2022-07-01' }))
      .thenRefuses('effective-date-not-after-previous-change');
    expect(
      spec
        .given([registered, moved])
        .when(update({ title: 'Lead', effectiveFrom: '2022-07-02' }))
        .decided(),
    ).toHaveLength(1);
  });
});
