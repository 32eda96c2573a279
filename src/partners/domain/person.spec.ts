import type { CommandMeta } from '../../ledger/aggregate';
import { fold } from '../../shared/decider';
import { Person, roleOn, type PersonCommand, type PersonEvent } from './person';

const meta: CommandMeta = {
  actor: { userId: 'admin-1', role: 'admin', agency: 'warwickshire-safeguarding' },
  occurredAt: '2022-05-10T09:00:00.000Z',
};
type Cmd = Omit<PersonCommand, 'meta'>;
const given = (...events: PersonEvent[]) => fold(Person.decider, events);
const when = (state: ReturnType<typeof given>, c: Cmd) => Person.decider.decide({ ...c, meta } as PersonCommand, state);
const refused = (state: ReturnType<typeof given>, c: Cmd, code: string) =>
  expect(() => when(state, c)).toThrow(expect.objectContaining({ code }));

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
    expect(when(given(), register())).toEqual([registered]);
  });

  it('refuses a second registration (409) and an unregistered partner', () => {
    expect(() => when(given(registered), register())).toThrow(
      expect.objectContaining({ code: 'person-exists', status: 409 }),
    );
    refused(given(), register(false), 'partner-not-registered');
  });

  it('moves a person to a successor partner from a date, keeping the earlier partner for earlier dates', () => {
    const events = when(given(registered), update({ partnerId: 'cw-icb', partnerExists: true }));
    expect(events).toEqual([
      {
        type: 'person-updated',
        data: { personId: 'jackie-channell', effectiveFrom: '2022-07-01', partnerId: 'cw-icb' },
      },
    ]);
    const state = given(registered, ...events);
    expect(roleOn(state, '2022-05-10')).toEqual({ partnerId: 'cw-ccg', title: 'Designated Nurse', from: null });
    expect(roleOn(state, '2022-09-22')).toEqual({ partnerId: 'cw-icb', title: 'Designated Nurse', from: '2022-07-01' });
  });

  it('changes a title alone, keeping the partner', () => {
    const state = given(registered, ...when(given(registered), update({ title: 'Escalation lead for health' })));
    expect(roleOn(state, '2022-09-22')).toEqual({
      partnerId: 'cw-ccg',
      title: 'Escalation lead for health',
      from: '2022-07-01',
    });
  });

  it('refuses updating an unregistered person, an empty update and an update that changes nothing', () => {
    refused(given(), update({ title: 'x' }), 'person-not-registered');
    refused(given(registered), update({}), 'nothing-to-update');
    refused(
      given(registered),
      update({ partnerId: 'cw-ccg', title: 'Designated Nurse', partnerExists: true }),
      'person-unchanged',
    );
  });

  it('refuses an unregistered partner and a change dated no later than the previous change', () => {
    refused(given(registered), update({ partnerId: 'nowhere', partnerExists: false }), 'partner-not-registered');
    const moved: PersonEvent = {
      type: 'person-updated',
      data: { personId: 'jackie-channell', effectiveFrom: '2022-07-01', partnerId: 'cw-icb' },
    };
    refused(
      given(registered, moved),
      update({ title: 'Lead', effectiveFrom: '2022-07-01' }),
      'effective-date-not-after-previous-change',
    );
    expect(when(given(registered, moved), update({ title: 'Lead', effectiveFrom: '2022-07-02' }))).toHaveLength(1);
  });
});
