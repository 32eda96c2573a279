import { hash } from 'node:crypto';
import { canonicalJson, quote, storableCanonicalJson } from './canonical-json';
import { GENESIS_HASH, type NewEvent, type StoredEvent } from '../event-envelope';

/** The hashed part of an event: everything but its global position (the engine assigns that). */
export type HashedContent = Omit<StoredEvent, 'position' | 'integrity'>;

/*
 * The hash format, which every engine and every stored ledger shares (never change it):
 *   SHA-256 (hex) of canonicalJson({ id, streamId, revision, type, schemaVersion, data, metadata, prevHash }).
 * The canonical form of an object is '{' + its defined members, keys sorted, as "key":canonical(value),
 * joined by ',' + '}'. So with data and metadata already in canonical text, the hash input is just a
 * concatenation in that key order (data, id, metadata, prevHash, revision, schemaVersion, streamId,
 * type), which is what envelopeText builds, without a merged object or a second walk of the values.
 * Anything it does not expect goes through canonicalJson itself; hash-chain.spec.ts compares both
 * with the original formulation on generated envelopes.
 */

const sha256 = (input: string): string => hash('sha256', input, 'hex');

/** The hash input for one envelope, or undefined when a field is not of its declared type. */
function envelopeText(
  id: unknown,
  streamId: unknown,
  revision: unknown,
  type: unknown,
  schemaVersion: unknown,
  dataText: string | undefined,
  metadataText: string,
  prevHash: unknown,
): string | undefined {
  if (
    typeof id !== 'string' ||
    typeof streamId !== 'string' ||
    typeof type !== 'string' ||
    typeof prevHash !== 'string'
  )
    return undefined;
  if (
    typeof revision !== 'number' ||
    !Number.isFinite(revision) ||
    typeof schemaVersion !== 'number' ||
    !Number.isFinite(schemaVersion)
  )
    return undefined;
  // canonicalJson(n) is JSON.stringify(n), which for a finite number is String(n) ("0" for -0 too).
  // One join: a flat string, which the hash reads in one pass (a rope of templates must be flattened first).
  return [
    dataText === undefined ? '{"id":' : `{"data":${dataText},"id":`,
    quote(id),
    ',"metadata":',
    metadataText,
    ',"prevHash":',
    quote(prevHash),
    ',"revision":',
    String(revision),
    ',"schemaVersion":',
    String(schemaVersion),
    ',"streamId":',
    quote(streamId),
    ',"type":',
    quote(type),
    '}',
  ].join('');
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

function ownKeyCount(o: object): number {
  let n = 0;
  for (const _ in o) n++; // plain objects only: nothing enumerable is inherited from Object.prototype
  return n;
}

/** canonicalJson of an actor { userId, role, agency, onBehalfOf? }, or undefined if it has any other shape. */
function actorText(a: unknown): string | undefined {
  if (!isPlainObject(a)) return undefined;
  const { userId, role, agency, onBehalfOf } = a;
  if (typeof userId !== 'string' || typeof role !== 'string' || typeof agency !== 'string') return undefined;
  if (onBehalfOf === undefined) {
    return ownKeyCount(a) === 3
      ? ['{"agency":', quote(agency), ',"role":', quote(role), ',"userId":', quote(userId), '}'].join('')
      : undefined;
  }
  if (ownKeyCount(a) !== 4 || !isPlainObject(onBehalfOf) || ownKeyCount(onBehalfOf) !== 4) return undefined;
  const { userId: u, role: r, agency: g, meetingId: m } = onBehalfOf;
  if (typeof u !== 'string' || typeof r !== 'string' || typeof g !== 'string' || typeof m !== 'string')
    return undefined;
  return [
    '{"agency":',
    quote(agency),
    ',"onBehalfOf":{"agency":',
    quote(g),
    ',"meetingId":',
    quote(m),
    ',"role":',
    quote(r),
    ',"userId":',
    quote(u),
    '},"role":',
    quote(role),
    ',"userId":',
    quote(userId),
    '}',
  ].join('');
}

/**
 * canonicalJson of the usual metadata { actor, correlationId, causationId, occurredAt, recordedAt },
 * with recordedAt added (as `{ ...metadata, recordedAt }` would) when given, else read from it.
 * The same bytes as canonicalJson, without its key sorting and generic walk; undefined for any
 * other shape (an extra or missing key, a non-string, an undefined member), which then goes the
 * generic way. Its text is both hashed and stored: it parses back to the same metadata.
 */
export function metadataText(m: unknown, recordedAt?: string): string | undefined {
  if (!isPlainObject(m)) return undefined;
  const { correlationId, causationId, occurredAt } = m;
  const at = recordedAt ?? m.recordedAt;
  if (
    typeof correlationId !== 'string' ||
    typeof causationId !== 'string' ||
    typeof occurredAt !== 'string' ||
    typeof at !== 'string'
  )
    return undefined;
  if (ownKeyCount(m) !== (recordedAt === undefined ? 5 : 4)) return undefined;
  const actor = actorText(m.actor);
  if (actor === undefined) return undefined;
  return [
    '{"actor":',
    actor,
    ',"causationId":',
    quote(causationId),
    ',"correlationId":',
    quote(correlationId),
    ',"occurredAt":',
    quote(occurredAt),
    ',"recordedAt":',
    quote(at),
    '}',
  ].join('');
}

export function hashEvent(content: HashedContent, prevHash: string): string {
  const { id, streamId, revision, type, schemaVersion, data, metadata } = content;
  const dataText = data === undefined ? undefined : canonicalJson(data);
  const metaText = metadataText(metadata) ?? (metadata === undefined ? undefined : canonicalJson(metadata));
  const input =
    (dataText !== undefined || data === undefined) && metaText !== undefined
      ? envelopeText(id, streamId, revision, type, schemaVersion, dataText, metaText, prevHash)
      : undefined;
  return sha256(input ?? canonicalJson({ id, streamId, revision, type, schemaVersion, data, metadata, prevHash }));
}

/** One new event sealed for an engine that stores JSON text: the text to store and its hash. */
export interface EncodedEvent {
  /** JSON text of data; null when data is undefined. */
  data: string | null;
  /** JSON text of the metadata with recordedAt. */
  metadata: string;
  hash: string;
}

/**
 * Seals one new event at `revision` after `prevHash` and returns the JSON text to store for its
 * data and metadata. Plain JSON values are serialised once: their canonical text is hashed and
 * stored (it parses back to the same values, keys sorted). Anything else (a Date, a function, a
 * sparse array…) is hashed exactly as before and stored with JSON.stringify, as it always was.
 */
export function encodeEvent(
  streamId: string,
  e: NewEvent,
  revision: number,
  prevHash: string,
  recordedAt: string,
): EncodedEvent {
  const data: unknown = e.data;
  const dataText = data === undefined ? undefined : storableCanonicalJson(data);
  const metaText = metadataText(e.metadata, recordedAt) ?? storableCanonicalJson({ ...e.metadata, recordedAt });
  const input =
    (dataText !== undefined || data === undefined) && metaText !== undefined
      ? envelopeText(e.id, streamId, revision, e.type, e.schemaVersion, dataText, metaText, prevHash)
      : undefined;
  if (input !== undefined) return { data: dataText ?? null, metadata: metaText!, hash: sha256(input) };
  const metadata = { ...e.metadata, recordedAt };
  return {
    data: data === undefined ? null : (dataText ?? JSON.stringify(data)),
    metadata: metaText ?? JSON.stringify(metadata),
    hash: sha256(
      canonicalJson({
        id: e.id,
        streamId,
        revision,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data,
        metadata,
        prevHash,
      }),
    ),
  };
}

/**
 * Turns new events into chained envelopes continuing a stream whose last event has `lastHash`
 * at revision `lastRevision` (-1 and GENESIS_HASH for a new stream). Every adapter seals the
 * same way, so a chain written by one engine verifies after migration to another.
 */
export const sealEvents = sealEventsWith(hashEvent);

/** sealEvents with another hash of the same content (the spec's reference, to hold the fast path to it). */
export function sealEventsWith(hash: (content: HashedContent, prevHash: string) => string) {
  return (
    streamId: string,
    events: NewEvent[],
    last: { revision: number; hash: string },
    recordedAt: string,
  ): Omit<StoredEvent, 'position'>[] => {
    let prevHash = last.hash;
    const sealed = new Array<Omit<StoredEvent, 'position'>>(events.length);
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      const content: HashedContent = {
        id: e.id,
        streamId,
        revision: last.revision + 1 + i,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data,
        metadata: { ...e.metadata, recordedAt },
      };
      const hashed = hash(content, prevHash);
      sealed[i] = { ...content, integrity: { prevHash, hash: hashed } };
      prevHash = hashed;
    }
    return sealed;
  };
}

export const NEW_STREAM_TAIL = { revision: -1, hash: GENESIS_HASH } as const;
