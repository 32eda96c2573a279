import type { Actor } from '../ledger/event-envelope';

export const DEPUTY_MEETING_HEADER = 'x-deputising-meeting';
export const DEPUTY_FOR_HEADER = 'x-deputising-for';

/**
 * Whether a person recorded at a meeting as deputising for a member may act with that member's
 * authority now. The auth guard owns this port (it runs on every request with the deputy headers)
 * and the meetings context implements it (it knows attendance): auth never imports a context.
 * Resolves with the actor to act as, or throws the 403 that refuses it.
 */
export interface DeputyAuthorityPort {
  actAs(deputy: Actor, meetingId: string, memberId: string, occurredAt: string | undefined, now: Date): Promise<Actor>;
}

export const DEPUTY_AUTHORITY = Symbol('DEPUTY_AUTHORITY');
