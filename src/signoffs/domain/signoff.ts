import { aggregateOf } from '../../ledger/aggregate';
import type { Evolutions } from '../../shared/decider';
import { roleOn } from '../../partners';
import { NotFound, RuleViolation, StateConflict } from '../../shared/domain-errors';
import { checkServes } from '../../shared/serves';
import type { SignoffCommand, SignoffEvent, SignoffState } from './signoff.messages';

export * from './signoff.messages';

type Data<T extends SignoffCommand['type']> = Extract<SignoffCommand, { type: T }>['data'];

const initialState: SignoffState = {
  exists: false,
  withdrawn: false,
  completed: false,
  requiredPartnerIds: [],
  signatures: {},
};

function request(data: Data<'request-signoff'>, state: SignoffState): SignoffEvent[] {
  const { unregisteredPartnerIds, meetingExists, decisionExists, missingServed, ...requested } = data;
  if (state.exists) throw new StateConflict('signoff-exists', `Sign-off ${data.signoffId} is already requested`);
  if (requested.requiredPartnerIds.length === 0)
    throw new RuleViolation('required-partners-empty', 'At least one partner must be asked to sign');
  if (unregisteredPartnerIds.length > 0) {
    throw new RuleViolation('partner-not-registered', `Not registered: ${unregisteredPartnerIds.join(', ')}`, {
      partnerIds: unregisteredPartnerIds,
    });
  }
  if (requested.meetingId !== undefined && !meetingExists)
    throw new RuleViolation('meeting-not-found', `Meeting ${requested.meetingId} does not exist`);
  if (requested.decisionId !== undefined && !decisionExists)
    throw new RuleViolation('decision-not-recorded', `Decision ${requested.decisionId} is not recorded`);
  checkServes(requested.serves, missingServed);
  return [{ type: 'signoff-requested', data: requested }];
}

/** A named signer must be registered and speak for the signing partner on the day, so "by whom" never dangles. */
function checkSigner(
  { signedByPersonId: personId, signerRoles = [], partnerId }: Data<'sign-signoff'>,
  occurredAt: string,
): void {
  if (personId === undefined) return;
  if (signerRoles.length === 0)
    throw new RuleViolation('person-not-registered', `Person ${personId} is not registered`, { personId });
  const role = roleOn({ exists: true, roles: signerRoles }, occurredAt);
  if (role?.partnerId !== partnerId) {
    throw new RuleViolation(
      'signer-not-of-partner',
      `${personId} did not represent ${partnerId} on ${occurredAt.slice(0, 10)}`,
      { personId, partnerId, representing: role?.partnerId },
    );
  }
}

function sign(command: Extract<SignoffCommand, { type: 'sign-signoff' }>, state: SignoffState): SignoffEvent[] {
  const { signerRoles: _facts, ...data } = command.data;
  const { version, contentHash } = state.artefact!;
  if (!state.requiredPartnerIds.includes(data.partnerId))
    throw new RuleViolation('partner-not-required', `${data.partnerId} is not asked to sign ${data.signoffId}`);
  if (state.signatures[data.partnerId]?.version === version)
    throw new StateConflict('already-signed', `${data.partnerId} has already signed version ${version}`);
  checkSigner(command.data, command.meta.occurredAt);
  // The signature names the version and hash it was given for, so it can be checked against the text later.
  const signed: SignoffEvent = { type: 'signoff-signed', data: { ...data, version, contentHash } };
  const signatures = { ...state.signatures, [data.partnerId]: { version, contentHash, conditions: data.conditions } };
  const partnerIds = state.requiredPartnerIds.filter((p) => signatures[p]?.version === version);
  if (partnerIds.length < state.requiredPartnerIds.length) return [signed];
  const subjectToConditions = partnerIds.some((p) => (signatures[p].conditions?.length ?? 0) > 0);
  return [
    signed,
    {
      type: 'signoff-completed',
      data: { signoffId: data.signoffId, version, contentHash, partnerIds, subjectToConditions },
    },
  ];
}

function revise(data: Data<'revise-signoff-artefact'>, state: SignoffState): SignoffEvent[] {
  const current = state.artefact!;
  if (data.version === current.version)
    throw new RuleViolation('version-unchanged', `The artefact is already at version ${current.version}`);
  if (data.contentHash === current.contentHash)
    throw new RuleViolation('content-unchanged', 'A revision must change the content (same hash)');
  const invalidatedPartnerIds = state.requiredPartnerIds.filter((p) => state.signatures[p]);
  return [
    {
      type: 'signoff-artefact-revised',
      data: { ...data, previousVersion: current.version, invalidatedPartnerIds, reopened: state.completed },
    },
  ];
}

function withdrawSignature(data: Data<'withdraw-signoff-signature'>, state: SignoffState): SignoffEvent[] {
  const signature = state.signatures[data.partnerId];
  if (!signature)
    throw new RuleViolation(
      'signature-not-found',
      `${data.partnerId} has no signature on the current version to withdraw`,
    );
  return [
    { type: 'signoff-signature-withdrawn', data: { ...data, version: signature.version, reopened: state.completed } },
  ];
}

function decide(command: SignoffCommand, state: SignoffState): SignoffEvent[] {
  if (command.type === 'request-signoff') return request(command.data, state);
  if (!state.exists) throw new NotFound('Signoff', command.data.signoffId);
  // A withdrawn request is closed for good: a fresh request is a new sign-off.
  if (state.withdrawn) throw new RuleViolation('signoff-withdrawn', `Sign-off ${command.data.signoffId} was withdrawn`);
  switch (command.type) {
    case 'sign-signoff':
      return sign(command, state);
    case 'revise-signoff-artefact':
      return revise(command.data, state);
    case 'withdraw-signoff-signature':
      return withdrawSignature(command.data, state);
    case 'withdraw-signoff-request':
      return [{ type: 'signoff-request-withdrawn', data: command.data }];
  }
}

const evolutions: Evolutions<SignoffEvent, SignoffState> = {
  'signoff-requested': (_, event) => ({
    ...initialState,
    exists: true,
    artefact: event.data.artefact,
    requiredPartnerIds: event.data.requiredPartnerIds,
  }),
  'signoff-signed': (state, event) => {
    const { partnerId, version, contentHash, conditions } = event.data;
    return { ...state, signatures: { ...state.signatures, [partnerId]: { version, contentHash, conditions } } };
  },
  'signoff-completed': (state) => ({ ...state, completed: true }),
  'signoff-artefact-revised': (state, event) => ({
    ...state,
    completed: false,
    signatures: {},
    artefact: { ...state.artefact!, version: event.data.version, contentHash: event.data.contentHash },
  }),
  'signoff-signature-withdrawn': (state, event) => {
    const { [event.data.partnerId]: _withdrawn, ...signatures } = state.signatures;
    return { ...state, completed: false, signatures };
  },
  'signoff-request-withdrawn': (state) => ({ ...state, withdrawn: true }),
};

export const Signoff = aggregateOf({ category: 'signoff', name: 'Signoff' }, { initialState, decide, evolutions });
