import type { Actor, StoredEvent } from '../../ledger/event-envelope';
import {
  activeGrant,
  EvidencePack,
  type EvidencePackEvent,
  type PackAccess,
  type PackPerson,
  type PackStatus,
} from '../domain/evidence-pack';
import type { PackProgress } from '../pack/build/build-pack-contract';
import type { PackScope } from '../domain/pack-scope';
import type { PackRecord } from './pack-reader';

export interface PackView {
  packId: string;
  status: PackStatus;
  scope: PackScope;
  requestedBy: PackPerson;
  requestedAt: string;
  /** While building: the builder's phase and how many events it has written; 'done' once completed. */
  progress: PackProgress | null;
  rootHash: string | null;
  bytes: number | null;
  generatedAt: string | null;
  files: { name: string; sha256: string; bytes: number }[];
  digestId: string | null;
  failure: string | null;
  /** Requesters see every grant; an inspector sees only their own. */
  grants: { inspectorUserId: string; expiresAt: string; active: boolean; revoked: boolean }[];
  revision: number;
}

/** The pack as a requester or its inspector sees it; progress comes from the job runner's memory. */
export function packView(
  record: PackRecord,
  viewer: { userId: string; access: PackAccess },
  now: string,
  live?: PackProgress,
): PackView {
  const { state, events, packId } = record;
  const built = state.built;
  const progress =
    state.status === 'completed'
      ? { phase: 'done' as const, eventsWritten: built?.eventsWritten ?? 0 }
      : state.status === 'generating'
        ? (live ?? { phase: 'selecting' as const, eventsWritten: 0 })
        : null;
  const grants = Object.entries(state.grants)
    .filter(([userId]) => viewer.access === 'any' || userId === viewer.userId)
    .map(([inspectorUserId, g]) => ({
      inspectorUserId,
      expiresAt: g.expiresAt,
      revoked: g.revoked,
      active: activeGrant(state, inspectorUserId, now) !== undefined,
    }));
  return {
    packId,
    status: state.status!,
    scope: state.scope!,
    requestedBy: state.requestedBy!,
    requestedAt: events[0].metadata.recordedAt,
    progress,
    rootHash: built?.rootHash ?? null,
    bytes: built?.bytes ?? null,
    generatedAt: built?.generatedAt ?? null,
    files: built?.files ?? [],
    digestId: built?.digestId ?? null,
    failure: state.failure ?? null,
    grants,
    revision: events.length - 1,
  };
}

/**
 * One line of a pack's access log, named as every history and timeline names who, what and when:
 * `type` (the ledger event's type), `actor`, `occurredAt`, `recordedAt`. `action` and `by`, the
 * names this log used before, say the same and stay for one release (the response carries a
 * Deprecation header while they do): added beside, not renamed, so no client breaks on upgrade.
 */
export interface AccessLogEntry {
  position: number;
  type: AccessEventType;
  actor: Actor;
  /** Business time the caller gave, and when the ledger recorded it (server time). */
  occurredAt: string;
  recordedAt: string;
  /** @deprecated use `type` (action "granted" is type "evidence-pack-access-granted"). */
  action: 'requested' | 'granted' | 'revoked' | 'downloaded';
  /** @deprecated use `actor`. */
  by: PackPerson & { onBehalfOf?: PackPerson };
  inspectorUserId?: string;
  expiresAt?: string;
  reason?: string;
}

const ACTIONS = {
  'evidence-pack-requested': 'requested',
  'evidence-pack-access-granted': 'granted',
  'evidence-pack-access-revoked': 'revoked',
  'evidence-pack-downloaded': 'downloaded',
} as const satisfies Partial<Record<EvidencePackEvent['type'], string>>;
type AccessEventType = keyof typeof ACTIONS;
const isAccessEvent = (type: string): type is AccessEventType => Object.hasOwn(ACTIONS, type);

/** Every request, grant, revocation and download of one pack, in ledger order, with who and when. */
export function accessLog(events: StoredEvent[]): AccessLogEntry[] {
  return events.flatMap((e) => {
    const type = e.type;
    if (!isAccessEvent(type)) return [];
    const { userId, role, agency, onBehalfOf } = e.metadata.actor;
    // Only the fields some access events carry: read from the current shape, through the codec.
    const data = EvidencePack.codec.decode(e).data as { inspectorUserId?: string; expiresAt?: string; reason?: string };
    return [
      {
        position: e.position,
        type,
        actor: e.metadata.actor,
        occurredAt: e.metadata.occurredAt,
        recordedAt: e.metadata.recordedAt,
        action: ACTIONS[type],
        by: {
          userId,
          role,
          agency,
          ...(onBehalfOf
            ? { onBehalfOf: { userId: onBehalfOf.userId, role: onBehalfOf.role, agency: onBehalfOf.agency } }
            : {}),
        },
        ...(data.inspectorUserId ? { inspectorUserId: data.inspectorUserId } : {}),
        ...(data.expiresAt ? { expiresAt: data.expiresAt } : {}),
        ...(data.reason ? { reason: data.reason } : {}),
      },
    ];
  });
}
