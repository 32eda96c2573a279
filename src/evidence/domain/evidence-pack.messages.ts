/** The evidence pack's commands, events and state: what its decider (evidence-pack.ts) takes, emits and folds. */
import type { DomainCommand } from '../../ledger/aggregate';
import type { DomainEvent } from '../../shared/decider';
import type { PackFileEntry } from '../pack/pack-manifest';
import type { PackScope } from './pack-scope';

/** Who, as the manifest records them: the verified actor without any deputising detail. */
export type PackPerson = { userId: string; role: string; agency: string };
/** What the ledger keeps of a built pack: enough to quote and check it, not the whole manifest. */
export interface BuiltPackSummary {
  rootHash: string;
  bytes: number;
  /** How many ledger events went into events.ndjson. */
  eventsWritten: number;
  generatedAt: string;
  positions: { from: number | null; to: number | null };
  files: PackFileEntry[];
  digestId?: string;
}

export type EvidencePackEvent =
  | DomainEvent<'evidence-pack-requested', { packId: string; scope: PackScope; requestedBy: PackPerson }>
  | DomainEvent<'evidence-pack-generation-started', { packId: string; attempt: number }>
  | DomainEvent<'evidence-pack-generation-completed', { packId: string } & BuiltPackSummary>
  | DomainEvent<'evidence-pack-generation-failed', { packId: string; reason: string }>
  | DomainEvent<'evidence-pack-access-granted', { packId: string; inspectorUserId: string; expiresAt: string }>
  | DomainEvent<'evidence-pack-access-revoked', { packId: string; inspectorUserId: string; reason: string }>
  | DomainEvent<'evidence-pack-downloaded', { packId: string; by: PackPerson }>;

/** `now` is the server clock's, handed in by the handler: the domain never reads time itself. */
export type EvidencePackCommand =
  | DomainCommand<'request-evidence-pack', { packId: string; scope: PackScope }>
  | DomainCommand<'start-pack-generation', { packId: string }>
  | DomainCommand<'complete-pack-generation', { packId: string } & BuiltPackSummary>
  | DomainCommand<'fail-pack-generation', { packId: string; reason: string }>
  | DomainCommand<'grant-pack-access', { packId: string; inspectorUserId: string; expiresAt: string; now: string }>
  | DomainCommand<'revoke-pack-access', { packId: string; inspectorUserId: string; reason: string; now: string }>
  | DomainCommand<
      'extend-pack-access',
      { packId: string; inspectorUserId: string; expiresAt: string; reason: string; now: string }
    >
  | DomainCommand<'record-pack-download', { packId: string; access: PackAccess; now: string }>;

/**
 * How much of the pack register a caller may see, from their role's permissions: 'any' (packs:request),
 * 'granted' (packs:read-granted: only packs granted to them, until expiry or revocation) or 'none'.
 */
export type PackAccess = 'any' | 'granted' | 'none';

export type PackStatus = 'queued' | 'generating' | 'completed' | 'failed';
export interface PackGrant {
  expiresAt: string;
  revoked: boolean;
}

export interface EvidencePackState {
  exists: boolean;
  status?: PackStatus;
  scope?: PackScope;
  requestedBy?: PackPerson;
  attempts: number;
  built?: BuiltPackSummary;
  failure?: string;
  /** The latest grant per inspector; an earlier one is history in the stream. */
  grants: Record<string, PackGrant>;
}
