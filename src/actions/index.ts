/**
 * The actions context's public surface: the only file other contexts and layers import from it
 * (checked by .dependency-cruiser.cjs). Its Nest module is imported by the composition root alone
 * (src/contexts.ts), so importing this surface never loads the context's controllers and handlers.
 */
export { Action } from './domain/action';
export {
  ACTION_STATUSES,
  type ActionCommand,
  type ActionEvent,
  type ActionState,
  type ActionStatus,
} from './domain/action.messages';
export { ownerKey, ownerLabel, ownerName, type ActionOwner, type OwnerPartner } from './domain/action-owner';
