/** The board's membership rules: who holds which seat when, their deputies and the quorum rule, as pure functions. */
import { NotFound, RuleViolation, StateConflict } from '../../shared/domain-errors';
import type { BoardCommand, BoardEvent, BoardMembership, BoardState } from './board.messages';

type Cmd<T extends BoardCommand['type']> = Extract<BoardCommand, { type: T }>;

/** Whether a period [from, to] (inclusive ISO dates, open when `to` is absent) covers a date. */
export const heldOn = (period: { from: string; to?: string }, date: string) =>
  period.from <= date.slice(0, 10) && (period.to === undefined || date.slice(0, 10) <= period.to);

const overlaps = (a: { from: string; to?: string }, b: { from: string; to?: string }) =>
  (a.to === undefined || b.from <= a.to) && (b.to === undefined || a.from <= b.to);

export function addMember({ data }: Cmd<'add-board-member'>, state: BoardState): BoardEvent[] {
  const { boardId, seat, partnerId, personId, statutory, from, to, source, partnerExists, personExists } = data;
  if (!partnerExists)
    throw new RuleViolation('partner-not-registered', `Partner ${partnerId} is not registered`, { partnerId });
  if (!personExists)
    throw new RuleViolation('person-not-registered', `Person ${personId} is not registered`, { personId });
  if (to !== undefined && to < from)
    throw new RuleViolation('membership-ends-before-start', `A membership cannot end before ${from}`, { from, to });
  const holder = state.memberships.find((m) => m.seat === seat && overlaps(m, { from, to }));
  if (holder)
    throw new StateConflict('seat-already-filled', `Seat ${seat} is held by ${holder.personId} from ${holder.from}`, {
      seat,
      personId: holder.personId,
    });
  const membership: BoardMembership = {
    seat,
    partnerId,
    personId,
    statutory,
    from,
    ...(to ? { to } : {}),
    ...(source ? { source } : {}),
  };
  return [{ type: 'board-member-added', data: { boardId, ...membership } }];
}

export function endMembership({ data }: Cmd<'end-board-membership'>, state: BoardState): BoardEvent[] {
  const { seat, personId, to } = data;
  const open = state.memberships.find((m) => m.seat === seat && m.personId === personId && m.to === undefined);
  if (!open) throw new NotFound('Open board membership', `${seat}/${personId}`);
  if (to < open.from)
    throw new RuleViolation('membership-ends-before-start', `A membership cannot end before ${open.from}`, {
      from: open.from,
      to,
    });
  return [{ type: 'board-membership-ended', data }];
}

export function arrangeDeputy({ data }: Cmd<'arrange-board-deputy'>, state: BoardState): BoardEvent[] {
  const { boardId, seat, deputyPersonId, from, to, personExists } = data;
  if (!personExists)
    throw new RuleViolation('person-not-registered', `Person ${deputyPersonId} is not registered`, {
      personId: deputyPersonId,
    });
  if (to !== undefined && to < from)
    throw new RuleViolation('deputy-ends-before-start', `A deputy arrangement cannot end before ${from}`, { from, to });
  if (!state.memberships.some((m) => m.seat === seat))
    throw new RuleViolation('seat-not-on-board', `Seat ${seat} has never been held on board ${boardId}`, { seat });
  return [{ type: 'board-deputy-arranged', data: { boardId, seat, deputyPersonId, from, ...(to ? { to } : {}) } }];
}

export function setQuorumRule({ data }: Cmd<'set-board-quorum-rule'>): BoardEvent[] {
  const { boardId, rule, minimum, from, source } = data;
  if (rule === 'minimum-count' && (minimum === undefined || minimum < 1))
    throw new RuleViolation('quorum-minimum-required', 'A minimum-count rule needs a minimum of at least 1');
  return [
    {
      type: 'board-quorum-rule-set',
      data: { boardId, rule, from, ...(rule === 'minimum-count' ? { minimum } : {}), ...(source ? { source } : {}) },
    },
  ];
}

/** Folds a membership event into the board's state. */
export function evolveMembership<S extends Pick<BoardState, 'memberships' | 'deputies' | 'quorumRules'>>(
  state: S,
  event: Exclude<BoardEvent, { type: 'board-registered' }>,
): S {
  switch (event.type) {
    case 'board-member-added': {
      const { boardId: _b, ...membership } = event.data;
      return { ...state, memberships: [...state.memberships, membership] };
    }
    case 'board-membership-ended': {
      const { seat, personId, to } = event.data;
      const memberships = state.memberships.map((m) =>
        m.seat === seat && m.personId === personId && m.to === undefined ? { ...m, to } : m,
      );
      return { ...state, memberships };
    }
    case 'board-deputy-arranged': {
      const { boardId: _b, ...deputy } = event.data;
      return { ...state, deputies: [...state.deputies, deputy] };
    }
    case 'board-quorum-rule-set': {
      const { boardId: _b, ...rule } = event.data;
      return { ...state, quorumRules: [...state.quorumRules, rule] };
    }
  }
}
