import { aggregateOf } from '../../ledger/aggregate';
import type { Evolutions } from '../../shared/decider';
import { NotFound, RuleViolation, StateConflict } from '../../shared/domain-errors';
import { allActionsExist, allRegistered, boardKnown, noneTwice, notBeforeOpening } from './assurance-rules';
import type {
  MultiAgencyAuditCommand,
  MultiAgencyAuditEvent,
  MultiAgencyAuditState,
} from './multi-agency-audit.messages';

export * from './multi-agency-audit.messages';

type Data<T extends MultiAgencyAuditCommand['type']> = Extract<MultiAgencyAuditCommand, { type: T }>['data'];

const initialState: MultiAgencyAuditState = { exists: false, closed: false, asked: [], returned: [], findings: {} };

function open(data: Data<'open-audit'>, state: MultiAgencyAuditState): MultiAgencyAuditEvent[] {
  const { boardRegistered, ...opened } = data;
  if (state.exists) throw new StateConflict('audit-exists', `Audit ${data.auditId} is already open`);
  boardKnown(opened.boardId, boardRegistered);
  return [{ type: 'audit-opened', data: opened }];
}

/** Partners are asked once each: the return rate counts each partner asked once. */
function requestReturns(data: Data<'request-audit-returns'>, state: MultiAgencyAuditState): MultiAgencyAuditEvent[] {
  const { unregisteredPartnerIds, ...request } = data;
  if (request.partnerIds.length === 0) throw new RuleViolation('no-partner-asked', 'Ask at least one partner');
  noneTwice(request.partnerIds, 'duplicate-partner');
  allRegistered(unregisteredPartnerIds);
  const again = request.partnerIds.filter((p) => state.asked.includes(p));
  if (again.length > 0)
    throw new StateConflict('partner-already-asked', `Already asked: ${again.join(', ')}`, { partnerIds: again });
  notBeforeOpening(state.openedOn!, request.askedOn);
  if (request.dueOn !== undefined && request.dueOn < request.askedOn)
    throw new RuleViolation('due-before-asked', `A return due on ${request.dueOn} is due before it was asked for`);
  return [{ type: 'audit-returns-requested', data: request }];
}

function recordReturn(data: Data<'record-audit-return'>, state: MultiAgencyAuditState): MultiAgencyAuditEvent[] {
  if (!state.asked.includes(data.partnerId))
    throw new RuleViolation('partner-not-asked', `${data.partnerId} was not asked to return this audit`);
  if (state.returned.includes(data.partnerId))
    throw new StateConflict('return-already-received', `${data.partnerId}'s return is already received`);
  notBeforeOpening(state.openedOn!, data.returnedOn);
  return [{ type: 'audit-return-received', data }];
}

function recordFinding(data: Data<'record-audit-finding'>, state: MultiAgencyAuditState): MultiAgencyAuditEvent[] {
  const { missingActionIds, ...finding } = data;
  if (state.findings[finding.findingId])
    throw new StateConflict('finding-exists', `${finding.findingId} is already recorded`);
  allActionsExist(missingActionIds);
  noneTwice(finding.actionIds, 'duplicate-action');
  return [{ type: 'audit-finding-recorded', data: finding }];
}

function linkAction(data: Data<'link-audit-finding-action'>, state: MultiAgencyAuditState): MultiAgencyAuditEvent[] {
  const { actionExists, ...link } = data;
  const linked = state.findings[link.findingId];
  if (!linked) throw new RuleViolation('finding-not-found', `This audit has no finding ${link.findingId}`);
  allActionsExist(actionExists ? [] : [link.actionId]);
  if (linked.includes(link.actionId))
    throw new StateConflict('action-already-linked', `${link.actionId} already answers ${link.findingId}`);
  return [{ type: 'audit-finding-action-linked', data: link }];
}

/** An audit closes with every return in, or with the reason it closes without the outstanding ones. */
function close(data: Data<'close-audit'>, state: MultiAgencyAuditState): MultiAgencyAuditEvent[] {
  const outstandingPartnerIds = state.asked.filter((p) => !state.returned.includes(p));
  if (outstandingPartnerIds.length > 0 && !data.outstandingReason)
    throw new RuleViolation(
      'returns-outstanding',
      `Returns outstanding from ${outstandingPartnerIds.join(', ')}: give the reason to close without them`,
      { partnerIds: outstandingPartnerIds },
    );
  notBeforeOpening(state.openedOn!, data.closedOn);
  const { outstandingReason, ...closed } = data;
  const reason = outstandingPartnerIds.length > 0 ? { outstandingReason } : {};
  return [{ type: 'audit-closed', data: { ...closed, outstandingPartnerIds, ...reason } }];
}

function decide(command: MultiAgencyAuditCommand, state: MultiAgencyAuditState): MultiAgencyAuditEvent[] {
  if (command.type === 'open-audit') return open(command.data, state);
  if (!state.exists) throw new NotFound('Audit', command.data.auditId);
  if (state.closed) throw new StateConflict('audit-closed', 'The audit is closed');
  switch (command.type) {
    case 'request-audit-returns':
      return requestReturns(command.data, state);
    case 'record-audit-return':
      return recordReturn(command.data, state);
    case 'record-audit-finding':
      return recordFinding(command.data, state);
    case 'link-audit-finding-action':
      return linkAction(command.data, state);
    case 'close-audit':
      return close(command.data, state);
  }
}

const evolutions: Evolutions<MultiAgencyAuditEvent, MultiAgencyAuditState> = {
  'audit-opened': (_, event) => ({ ...initialState, exists: true, openedOn: event.data.openedOn }),
  'audit-returns-requested': (state, event) => ({ ...state, asked: [...state.asked, ...event.data.partnerIds] }),
  'audit-return-received': (state, event) => ({ ...state, returned: [...state.returned, event.data.partnerId] }),
  'audit-finding-recorded': (state, event) => ({
    ...state,
    findings: { ...state.findings, [event.data.findingId]: event.data.actionIds },
  }),
  'audit-finding-action-linked': (state, event) => {
    const { findingId, actionId } = event.data;
    return { ...state, findings: { ...state.findings, [findingId]: [...state.findings[findingId], actionId] } };
  },
  'audit-closed': (state) => ({ ...state, closed: true }),
};

export const MultiAgencyAudit = aggregateOf(
  { category: 'multiagencyaudit', name: 'Audit' },
  { initialState, decide, evolutions },
);
