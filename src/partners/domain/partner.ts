import { aggregateOf } from '../../ledger/aggregate';
import type { Evolutions } from '../../shared/decider';
import { RuleViolation, StateConflict } from '../../shared/domain-errors';
import { STATUTORY_KINDS, type PartnerEvent, type PartnerCommand, type PartnerState } from './partner.messages';

export * from './partner.messages';

const initialState: PartnerState = { exists: false, names: [] };

function decide(command: PartnerCommand, state: PartnerState): PartnerEvent[] {
  if (command.type === 'register-partner') {
    if (state.exists)
      throw new StateConflict('partner-exists', `Partner ${command.data.partnerId} is already registered`);
    const { partnerId, name, kind } = command.data;
    // An NHS trust is health but not the statutory partner (the ICB is): statutory may be set false.
    const statutory = command.data.statutory ?? STATUTORY_KINDS.includes(kind);
    if (statutory && !STATUTORY_KINDS.includes(kind)) {
      throw new RuleViolation(
        'not-a-statutory-kind',
        `Only ${STATUTORY_KINDS.join(', ')} partners can be statutory partners`,
        { kind },
      );
    }
    return [{ type: 'partner-registered', data: { partnerId, name, kind, statutory } }];
  }
  if (!state.exists)
    throw new RuleViolation('partner-not-registered', `Partner ${command.data.partnerId} is not registered`);
  if (state.succeededBy)
    throw new RuleViolation(
      'partner-succeeded',
      `Partner ${command.data.partnerId} was succeeded by ${state.succeededBy.partnerId}`,
    );
  const lastFrom = state.names.at(-1)?.from;
  if (lastFrom && command.data.effectiveFrom <= lastFrom) {
    throw new RuleViolation(
      'effective-date-not-after-previous-change',
      `The change must take effect after ${lastFrom}`,
    );
  }
  if (command.type === 'rename-partner') {
    if (state.names.at(-1)?.name === command.data.name)
      throw new RuleViolation('same-name', 'The partner already has that name');
    return [{ type: 'partner-renamed', data: command.data }];
  }
  const { partnerId, successorId, effectiveFrom, successorExists } = command.data;
  if (successorId === partnerId) throw new RuleViolation('successor-is-self', 'A partner cannot succeed itself');
  if (!successorExists)
    throw new RuleViolation('successor-not-registered', `Successor ${successorId} is not registered`);
  return [{ type: 'partner-succeeded', data: { partnerId, successorId, effectiveFrom } }];
}

const evolutions: Evolutions<PartnerEvent, PartnerState> = {
  'partner-registered': (_, event) => ({
    exists: true,
    names: [{ name: event.data.name, from: null }],
    kind: event.data.kind,
  }),
  'partner-renamed': (state, event) => ({
    ...state,
    names: [...state.names, { name: event.data.name, from: event.data.effectiveFrom }],
  }),
  'partner-succeeded': (state, event) => ({
    ...state,
    succeededBy: { partnerId: event.data.successorId, effectiveFrom: event.data.effectiveFrom },
  }),
};

/** The partner's name in force on a date (ISO). */
export function nameOn(state: PartnerState, date: string): string | undefined {
  return state.names.filter((n) => n.from === null || n.from <= date).at(-1)?.name;
}

export const Partner = aggregateOf({ category: 'partner', name: 'Partner' }, { initialState, decide, evolutions });
