import type { Actor } from '../ledger/event-envelope';
import type { Role } from './permissions';

/**
 * Who may change what, per record: the ONE table of how each command that names an agency, or
 * changes a record an agency owns, finds that agency. The access table (permissions.ts) says which
 * roles may send a command at all; this table says for which agencies.
 *
 * - `body`: the command names the agency it acts for (a pledge's partner, the raising agency...).
 *   Every agency it names must be the actor's own.
 * - `record`: the handler loads the record and supplies the agencies that own it (an action's
 *   owners, people resolved to the partner they represent; an escalation's parties; a pledge's
 *   partner). The actor's agency must be one of them. A record no agency owns (an action owned
 *   only by a team, e.g. "WS Business Team" or "All") belongs to the partnership: only roles that
 *   act for any agency may change it.
 * - `partnership`: the agencies named are the subject of a partnership record (registering a
 *   person, requiring partners' sign-off, raising an action with owners). No agency acts alone
 *   here: only roles that act for any agency may send it. The access table enforces this today
 *   (the matrix test proves no other role holds these permissions), so handlers need no check.
 * - `filter`: the agencies named only choose what is read (an evidence pack's scope); nothing is
 *   done for them, so the access table alone decides.
 */
export type AgencySource =
  | { from: 'body'; field: string }
  | { from: 'record'; owners: string }
  | { from: 'partnership'; names: string }
  | { from: 'filter'; names: string };

/**
 * Roles that act for the whole partnership, so for any agency: the chair and the business
 * manager (the secretariat) and the admin who registers the partnership's agencies and people.
 * Every other role acts only for the agency on its token; a member is agency-bound too, so a
 * member may note progress on or complete only an action their own agency (or a person of it)
 * owns, and raise an escalation only as their own agency.
 */
export const ACTS_FOR_ANY_AGENCY: readonly Role[] = ['chair', 'business-manager', 'admin'];

/** Whether the actor acts for any agency, so no record need be loaded to find who owns it. */
export function actsForAnyAgency(actor: Pick<Actor, 'role'>): boolean {
  return (ACTS_FOR_ANY_AGENCY as readonly string[]).includes(actor.role);
}

export const AGENCY_RULES = {
  // Actions: owned by partners and people (resolved to their partner); teams are the partnership's.
  noteActionProgress: { from: 'record', owners: "the action's owners" },
  completeAction: { from: 'record', owners: "the action's owners" },
  reassignAction: { from: 'record', owners: "the action's current owners" },
  carryActionForward: { from: 'record', owners: "the action's owners" },
  changeActionDueDate: { from: 'record', owners: "the action's owners" },
  closeAction: { from: 'record', owners: "the action's owners" },
  reopenAction: { from: 'record', owners: "the action's owners" },
  cancelAction: { from: 'record', owners: "the action's owners" },
  raiseAction: { from: 'partnership', names: 'owners' },
  // Funding: a pledge is its partner's; a payment and an underwriting name the partners they bind.
  pledgeContribution: { from: 'body', field: 'partnerId' },
  amendPledge: { from: 'record', owners: "the pledge's partner" },
  withdrawPledge: { from: 'record', owners: "the pledge's partner" },
  recordPayment: { from: 'body', field: 'partnerId' },
  underwriteShortfall: { from: 'body', field: 'partnerIds' },
  // The same on a board's budget (keyed by owner and year).
  pledgeContributionForOwner: { from: 'body', field: 'partnerId' },
  amendPledgeForOwner: { from: 'record', owners: "the pledge's partner" },
  withdrawPledgeForOwner: { from: 'record', owners: "the pledge's partner" },
  recordPaymentForOwner: { from: 'body', field: 'partnerId' },
  underwriteShortfallForOwner: { from: 'body', field: 'partnerIds' },
  // Invoices are the partnership's to raise, to the partner they name.
  raiseInvoice: { from: 'partnership', names: 'partnerId (invoiced)' },
  raiseInvoiceForOwner: { from: 'partnership', names: 'partnerId (invoiced)' },
  // Escalations: raised by one agency about another; each party answers for itself.
  raiseEscalation: { from: 'body', field: 'raisedByAgency' },
  acknowledgeEscalation: { from: 'record', owners: 'the agency the escalation concerns' },
  recordEscalationResponse: { from: 'body', field: 'respondingAgency' },
  escalateEscalation: { from: 'record', owners: "the escalation's two parties" },
  resolveEscalation: { from: 'record', owners: "the escalation's two parties" },
  closeEscalation: { from: 'record', owners: "the escalation's two parties" },
  rectifyDataSubject: { from: 'record', owners: "the escalation's two parties" },
  // Sign-offs: each partner signs, and withdraws its signature, for itself.
  signSignoff: { from: 'body', field: 'partnerId' },
  withdrawSignoffSignature: { from: 'body', field: 'partnerId' },
  requestSignoff: { from: 'partnership', names: 'requiredPartnerIds' },
  // The partnership's own records that name agencies as their subject.
  recordDecision: { from: 'partnership', names: 'responsiblePartnerIds' },
  recordAttendance: { from: 'partnership', names: 'entries[].representingPartnerId' },
  correctAttendance: { from: 'partnership', names: 'representingPartnerId' },
  requestEvidencePack: { from: 'filter', names: "partnerIds (the pack's scope)" },
  registerPartner: { from: 'partnership', names: 'partnerId' },
  renamePartner: { from: 'partnership', names: 'partnerId' },
  succeedPartner: { from: 'partnership', names: 'partnerId, successorId' },
  registerPerson: { from: 'partnership', names: 'partnerId' },
  updatePerson: { from: 'partnership', names: 'partnerId' },
  addBoardMember: { from: 'partnership', names: "partnerId (the seat's agency)" },
  // The partnership's registers of statutory work, naming the agencies they concern (issues 16, 17).
  recordInspection: { from: 'partnership', names: 'partnerIds (the agencies inspected)' },
  recordInspectionRecommendation: { from: 'partnership', names: 'ownerPartnerId' },
  recordThematicFinding: { from: 'partnership', names: 'partnerIds' },
  linkPlanAction: { from: 'partnership', names: 'partnerId (whose plan)' },
  recordPlanProgress: { from: 'partnership', names: 'partnerId (whose plan)' },
  requestAuditReturns: { from: 'partnership', names: 'partnerIds (asked to return)' },
  recordAuditReturn: { from: 'partnership', names: 'partnerId (whose return)' },
  recordRisk: { from: 'partnership', names: 'ownerPartnerId' },
} as const satisfies Record<string, AgencySource>;

export type AgencyScopedCommand = keyof typeof AGENCY_RULES;
/** Commands whose handler supplies owning agencies (body or record), as opposed to partnership ones. */
export type CheckedCommand = {
  [K in AgencyScopedCommand]: (typeof AGENCY_RULES)[K]['from'] extends 'partnership' | 'filter' ? never : K;
}[AgencyScopedCommand];

/**
 * Whether the actor may act on this command for these agencies (named in the body, or owning the
 * record). Pure: the caller has already passed the access table's check for the actor's role.
 */
export function mayActFor(
  actor: Pick<Actor, 'role' | 'agency'>,
  command: AgencyScopedCommand,
  owningAgencies: readonly string[],
): boolean {
  if (actsForAnyAgency(actor)) return true;
  const rule: AgencySource = AGENCY_RULES[command];
  switch (rule.from) {
    case 'partnership':
      return false;
    case 'filter':
      return true;
    case 'body':
      return owningAgencies.length > 0 && owningAgencies.every((a) => a === actor.agency);
    case 'record':
      return owningAgencies.includes(actor.agency);
  }
}

/** The agencies a command's data names for a `body` rule: the field's value, or each of its values. */
export function namedAgencies(command: CheckedCommand, data: object): string[] {
  const rule: AgencySource = AGENCY_RULES[command];
  if (rule.from !== 'body') throw new Error(`${command} finds its agencies in the record, not the body`);
  const value = (data as Record<string, unknown>)[rule.field];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}
