import { aggregateOf } from '../../ledger/aggregate';
import type { Actor } from '../../ledger/event-envelope';
import { unchanged, type Evolutions } from '../../shared/decider';
import { NotFound, RuleViolation, StateConflict } from '../../shared/domain-errors';
import { checkScope } from './pack-scope';
import type {
  PackPerson,
  EvidencePackEvent,
  EvidencePackCommand,
  PackAccess,
  PackGrant,
  EvidencePackState,
} from './evidence-pack.messages';

export * from './evidence-pack.messages';

const initialState: EvidencePackState = { exists: false, attempts: 0, grants: {} };

const person = ({ userId, role, agency }: Actor): PackPerson => ({ userId, role, agency });

/** Revoked or expired grants deny; `now` is an ISO instant. */
export function activeGrant(state: EvidencePackState, userId: string, now: string): PackGrant | undefined {
  const grant = state.grants[userId];
  return grant && !grant.revoked && Date.parse(grant.expiresAt) > Date.parse(now) ? grant : undefined;
}

/** Whether a caller with this access sees the pack at all (status, download, list). */
export function canSee(state: EvidencePackState, userId: string, access: PackAccess, now: string): boolean {
  if (!state.exists || access === 'none') return false;
  return access === 'any' || activeGrant(state, userId, now) !== undefined;
}

function decide(command: EvidencePackCommand, state: EvidencePackState): EvidencePackEvent[] {
  const { packId } = command.data;
  if (command.type === 'request-evidence-pack') {
    if (state.exists) throw new StateConflict('pack-exists', `Evidence pack ${packId} was already requested`);
    checkScope(command.data.scope);
    return [
      {
        type: 'evidence-pack-requested',
        data: { packId, scope: command.data.scope, requestedBy: person(command.meta.actor) },
      },
    ];
  }
  if (!state.exists) throw new NotFound('Evidence pack', packId);
  switch (command.type) {
    case 'start-pack-generation':
      // A pack left 'generating' by a restart is started again: the attempt count says so.
      if (state.status !== 'queued' && state.status !== 'generating') {
        throw new StateConflict(
          'pack-not-queued',
          `Evidence pack ${packId} is ${state.status}, not waiting to be built`,
        );
      }
      return [{ type: 'evidence-pack-generation-started', data: { packId, attempt: state.attempts + 1 } }];
    case 'complete-pack-generation':
    case 'fail-pack-generation':
      if (state.status !== 'generating')
        throw new StateConflict('pack-not-generating', `Evidence pack ${packId} is ${state.status}, not being built`);
      return command.type === 'fail-pack-generation'
        ? [{ type: 'evidence-pack-generation-failed', data: { packId, reason: command.data.reason } }]
        : [{ type: 'evidence-pack-generation-completed', data: command.data }];
    case 'grant-pack-access': {
      const { inspectorUserId, expiresAt, now } = command.data;
      requireCompleted(state, packId);
      if (Date.parse(expiresAt) <= Date.parse(now)) {
        throw new RuleViolation('grant-expiry-not-in-future', `The grant must expire after now (${now})`, {
          expiresAt,
        });
      }
      // A grant is changed by extending it (below) or revoking it, never by granting over it.
      if (activeGrant(state, inspectorUserId, now)) {
        throw new StateConflict(
          'grant-already-active',
          `${inspectorUserId} already has access until ${state.grants[inspectorUserId].expiresAt}; extend it, or revoke it first`,
        );
      }
      return [{ type: 'evidence-pack-access-granted', data: { packId, inspectorUserId, expiresAt } }];
    }
    case 'revoke-pack-access': {
      const { inspectorUserId, reason, now } = command.data;
      if (!activeGrant(state, inspectorUserId, now))
        throw new StateConflict('no-active-grant', `${inspectorUserId} has no active grant to evidence pack ${packId}`);
      return [{ type: 'evidence-pack-access-revoked', data: { packId, inspectorUserId, reason } }];
    }
    case 'extend-pack-access': {
      const { inspectorUserId, expiresAt, reason, now } = command.data;
      const grant = activeGrant(state, inspectorUserId, now);
      if (!grant)
        throw new StateConflict('no-active-grant', `${inspectorUserId} has no active grant to evidence pack ${packId}`);
      // Shortening is a revocation's business: an extension only ever gives more time.
      if (Date.parse(expiresAt) <= Date.parse(grant.expiresAt))
        throw new RuleViolation('extension-not-later', `The new expiry must be after ${grant.expiresAt}`, {
          expiresAt,
        });
      // Revoke + grant in one append: each change of who may read the pack stays its own dated, reasoned
      // event (the access log shows both), and access never lapses between two requests.
      return [
        { type: 'evidence-pack-access-revoked', data: { packId, inspectorUserId, reason } },
        { type: 'evidence-pack-access-granted', data: { packId, inspectorUserId, expiresAt } },
      ];
    }
    case 'record-pack-download':
      // Not yours to see: answered exactly as a pack that does not exist, so existence does not leak.
      if (!canSee(state, command.meta.actor.userId, command.data.access, command.data.now))
        throw new NotFound('Evidence pack', packId);
      requireCompleted(state, packId);
      return [{ type: 'evidence-pack-downloaded', data: { packId, by: person(command.meta.actor) } }];
  }
}

function requireCompleted(state: EvidencePackState, packId: string): void {
  if (state.status !== 'completed')
    throw new StateConflict('pack-not-completed', `Evidence pack ${packId} is ${state.status}, not completed`);
}

const evolutions: Evolutions<EvidencePackEvent, EvidencePackState> = {
  'evidence-pack-requested': (state, event) => ({
    ...state,
    exists: true,
    status: 'queued',
    scope: event.data.scope,
    requestedBy: event.data.requestedBy,
  }),
  'evidence-pack-generation-started': (state, event) => ({
    ...state,
    status: 'generating',
    attempts: event.data.attempt,
  }),
  'evidence-pack-generation-completed': (state, event) => {
    const { packId: _, ...built } = event.data;
    return { ...state, status: 'completed', built };
  },
  'evidence-pack-generation-failed': (state, event) => ({ ...state, status: 'failed', failure: event.data.reason }),
  'evidence-pack-access-granted': (state, event) => ({
    ...state,
    grants: { ...state.grants, [event.data.inspectorUserId]: { expiresAt: event.data.expiresAt, revoked: false } },
  }),
  'evidence-pack-access-revoked': (state, event) => {
    const grant = state.grants[event.data.inspectorUserId];
    return { ...state, grants: { ...state.grants, [event.data.inspectorUserId]: { ...grant, revoked: true } } };
  },
  // A download is audited; it changes nothing a later rule reads.
  'evidence-pack-downloaded': unchanged,
};

export const EVIDENCE_PACK_CATEGORY = 'evidencepack';

export const EvidencePack = aggregateOf(
  { category: EVIDENCE_PACK_CATEGORY, name: 'Evidence pack' },
  { initialState, decide, evolutions },
);
