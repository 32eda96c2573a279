import type { Aggregate, DomainCommand } from '../../ledger/aggregate';
import { eventCodec, v1 } from '../../ledger/event-codec';
import type { DomainEvent } from '../../shared/decider';
import { RuleViolation, StateConflict } from '../../shared/domain-errors';

/**
 * A person named in the records. The id is a stable name slug chosen by the client, never
 * initials: minutes reuse initials for different people ("JC" and "JCol", two "NP"s).
 */
export type PersonEvent =
  | DomainEvent<'person-registered', { personId: string; name: string; partnerId: string; title?: string }>
  | DomainEvent<'person-updated', { personId: string; effectiveFrom: string; partnerId?: string; title?: string }>;

export type PersonCommand =
  | DomainCommand<
      'register-person',
      { personId: string; name: string; partnerId: string; title?: string; partnerExists: boolean }
    >
  | DomainCommand<
      'update-person',
      { personId: string; effectiveFrom: string; partnerId?: string; title?: string; partnerExists?: boolean }
    >;

/** Which partner a person represents, and with what title, from a date (null: from registration). */
export interface PersonRole {
  partnerId: string;
  title?: string;
  from: string | null;
}

export interface PersonState {
  exists: boolean;
  name?: string;
  /** Oldest first; earlier records keep the role in force on their date. */
  roles: PersonRole[];
}

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

function evolve(state: PersonState, event: PersonEvent): PersonState {
  switch (event.type) {
    case 'person-registered': {
      const { name, partnerId, title } = event.data;
      return { exists: true, name, roles: [{ partnerId, ...(title !== undefined ? { title } : {}), from: null }] };
    }
    case 'person-updated': {
      const current = state.roles.at(-1)!;
      const title = event.data.title ?? current.title;
      const role: PersonRole = {
        partnerId: event.data.partnerId ?? current.partnerId,
        ...(title !== undefined ? { title } : {}),
        from: event.data.effectiveFrom,
      };
      return { ...state, roles: [...state.roles, role] };
    }
  }
}

/** The partner and title in force on a date (ISO): who a person spoke for at a given meeting. */
export function roleOn(state: PersonState, date: string): PersonRole | undefined {
  return state.roles.filter((r) => r.from === null || r.from <= date).at(-1);
}

export const Person: Aggregate<PersonCommand, PersonEvent, PersonState> = {
  category: 'person',
  name: 'Person',
  decider: { initialState, decide, evolve },
  codec: eventCodec<PersonEvent>(v1('person-registered', 'person-updated')),
};
