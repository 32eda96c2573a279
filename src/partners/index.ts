/**
 * The partners context's public surface: the only file other contexts and layers import from it
 * (checked by .dependency-cruiser.cjs). Its Nest module is imported by the composition root alone
 * (src/contexts.ts), so importing this surface never loads the context's controllers and handlers.
 */
export {
  Board,
  BOARD_KINDS,
  type BoardCommand,
  type BoardEvent,
  type BoardMembership,
  type DeputyArrangement,
  type QuorumRuleInForce,
  type QuorumRuleKind,
  QUORUM_RULES,
  type BoardKind,
  type BoardState,
} from './domain/board';
export { evolveMembership, heldOn } from './domain/board-membership';
export {
  Partner,
  PARTNER_KINDS,
  type PartnerCommand,
  type PartnerEvent,
  type PartnerKind,
  type PartnerState,
} from './domain/partner';
export {
  Person,
  roleOn,
  type PersonCommand,
  type PersonEvent,
  type PersonRole,
  type PersonState,
} from './domain/person';
/** The read other contexts ask of partners: whose agency a person represents on a date. */
export { partnerOfPerson } from './partner-of-person';
