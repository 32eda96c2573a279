import { aggregateOf } from '../../ledger/aggregate';
import type { Evolutions } from '../../shared/decider';
import { RuleViolation, StateConflict } from '../../shared/domain-errors';
import type { PersonEvent, PersonCommand, PersonRole, PersonState } from './person.messages';

export * from './person.messages';

const initialState: PersonState = { exists: false, roles: [] };

function decide(command: PersonCommand, state: PersonState): PersonEvent[] {
  if (command.type === 'register-person') {
    const { personId, partnerId, title } = command.data;
    if (state.exists)
      throw new StateConflict('person-exists', `Person ${personId} is already registered`, { personId });
    if (!command.data.partnerExists)
      throw new RuleViolation('partner-not-registered', `Partner ${partnerId} is not registered`, { partnerId });
    return [
      {
        type: 'person-registered',
        data: { personId, name: command.data.name, partnerId, ...(title !== undefined ? { title } : {}) },
      },
    ];
  }
  const { personId, partnerId, title } = command.data;
  if (!state.exists)
    throw new RuleViolation('person-not-registered', `Person ${personId} is not registered`, { personId });
  const { effectiveFrom } = command.data;
  if (partnerId === undefined && title === undefined)
    throw new RuleViolation('nothing-to-update', 'Give a new partner, a new title or both');
  const current = state.roles.at(-1)!;
  if (current.from && effectiveFrom <= current.from) {
    throw new RuleViolation(
      'effective-date-not-after-previous-change',
      `The change must take effect after ${current.from}`,
      { effectiveFrom, previous: current.from },
    );
  }
  if ((partnerId ?? current.partnerId) === current.partnerId && (title ?? current.title) === current.title) {
    throw new RuleViolation('person-unchanged', `Person ${personId} already has that partner and title`, { personId });
  }
  if (partnerId !== undefined && !command.data.partnerExists)
    throw new RuleViolation('partner-not-registered', `Partner ${partnerId} is not registered`, { partnerId });
  return [
    {
      type: 'person-updated',
      data: {
        personId,
        effectiveFrom,
        ...(partnerId !== undefined ? { partnerId } : {}),
        ...(title !== undefined ? { title } : {}),
      },
    },
  ];
}

const evolutions: Evolutions<PersonEvent, PersonState> = {
  'person-registered': (_, event) => {
    const { name, partnerId, title } = event.data;
    return { exists: true, name, roles: [{ partnerId, ...(title !== undefined ? { title } : {}), from: null }] };
  },
  'person-updated': (state, event) => {
    const current = state.roles.at(-1)!;
    const title = event.data.title ?? current.title;
    const role: PersonRole = {
      partnerId: event.data.partnerId ?? current.partnerId,
      ...(title !== undefined ? { title } : {}),
      from: event.data.effectiveFrom,
    };
    return { ...state, roles: [...state.roles, role] };
  },
};

/** The partner and title in force on a date (ISO): who a person spoke for at a given meeting. */
export function roleOn(state: PersonState, date: string): PersonRole | undefined {
  return state.roles.filter((r) => r.from === null || r.from <= date).at(-1);
}

export const Person = aggregateOf({ category: 'person', name: 'Person' }, { initialState, decide, evolutions });
