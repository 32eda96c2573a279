/** Who caused an event: always taken from the verified caller, never from a request body. */
export interface Actor {
  userId: string;
  role: string;
  agency: string;
  /** Set when a deputy acts with a member's authority for one meeting. */
  onBehalfOf?: { userId: string; role: string; agency: string; meetingId: string };
}

export interface EventMetadata {
  actor: Actor;
  correlationId: string;
  causationId: string;
  /** Business time: when it happened (e.g. the meeting date), ISO-8601. */
  occurredAt: string;
  /** When the ledger stored it, ISO-8601, from the injected clock. */
  recordedAt: string;
}

/** What a writer hands to the store: the store adds revision, position, recordedAt and the hash links. */
export interface NewEvent<T extends string = string, D = unknown> {
  id: string;
  type: T;
  schemaVersion: number;
  data: D;
  metadata: Omit<EventMetadata, 'recordedAt'>;
}

export interface Integrity {
  /** Hash of the previous event in the same stream; GENESIS_HASH for revision 0. */
  prevHash: string;
  /** SHA-256 (hex) over the canonical envelope plus prevHash. */
  hash: string;
}

/** The one envelope every stored event has, whichever engine stored it. */
export interface StoredEvent<T extends string = string, D = unknown> {
  id: string;
  streamId: string;
  /** 0-based position of the event in its stream. */
  revision: number;
  /** Position in the global log: increasing, not necessarily dense. */
  position: number;
  type: T;
  schemaVersion: number;
  data: D;
  metadata: EventMetadata;
  integrity: Integrity;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The actor of a scheduled job's events. 'system' is deliberately not one of ROLES: no token can carry
 * it (the token verifier refuses unknown roles) and it holds no permission, so it only ever appears on
 * events the job records.
 */
export const systemActor = (userId: string): Actor => ({ userId, role: 'system', agency: 'ledger' });
