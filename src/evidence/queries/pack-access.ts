import { allows, isRole, type Role } from '../../auth/permissions';
import type { Actor } from '../../ledger/event-envelope';
import type { PackAccess } from '../domain/evidence-pack';

/**
 * The guard admits one permission per endpoint, so the pack read endpoints are gated on
 * 'packs:access-log' (held by every role that holds packs:request or packs:read-granted, and by
 * DPOs) and narrowed here from the caller's other permissions: requesters see any pack, inspectors
 * only packs granted to them and still active, everyone else nothing (404, never a hint it exists).
 */
export function packAccessOf(actor: Actor): PackAccess {
  if (!isRole(actor.role)) return 'none';
  if (allows(actor.role, 'packs:request')) return 'any';
  return allows(actor.role, 'packs:read-granted') ? 'granted' : 'none';
}

/** Who may read a pack's access log: requesters and DPOs any pack, inspectors only packs they can see. */
export function accessLogAccessOf(actor: Actor): PackAccess {
  const role = actor.role as Role;
  if (!isRole(role) || !allows(role, 'packs:access-log')) return 'none';
  return allows(role, 'packs:read-granted') && !allows(role, 'packs:request') ? 'granted' : 'any';
}
