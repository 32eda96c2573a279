import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PersonalField } from '../ledger/event-codec';
import type { PersonalDataSealer } from '../ledger/personal-data-sealer.port';
import { personalSlots } from '../ledger/personal-paths';
import { keyRef, type SubjectKey, type SubjectKeys } from './subject-keys.port';
import { aadOf, ERASED, ERASED_TEXT, isSealed, WITHHELD_TEXT, type Erased, type SealedValue } from './sealed-value';

/** Whether a key version is known to be erased before the key store says so (an erasure recorded, keys not yet destroyed). */
export type ErasedVersion = (subjectId: string, keyVersion: number) => boolean;

/** Unwrapped keys kept in memory (embedded store only): enough for a busy page of reads, bounded so memory stays flat. */
const KEY_CACHE_LIMIT = 10_000;

/** A sealed value that does not open under its own subject, version and field: it was moved or altered. */
export class TamperedPersonalValue extends Error {
  constructor(field: string) {
    super(`A personal value sealed for ${field} does not authenticate: it was moved or altered`);
  }
}

/** The keys a reveal needs, loaded before it for this request only: a key (Buffer) or null for one destroyed. */
export type KeyRing = ReadonlyMap<string, Buffer | null>;

/**
 * Seals declared personal values before append and reveals them at query time. Plaintext never
 * reaches the log or a read model; a reader gets it only through reveal(), and once the subject's
 * key (version) is destroyed, reveal shows "[erased]" for ever after. Keys come from the key-store
 * port: each reveal first loads every key its document needs (one read of the store), then opens
 * the values. Unwrapped keys are cached between requests only when the store allows it (embedded,
 * one instance); shared keys are read afresh per reveal, so an erasure through any instance holds at once.
 */
export class PersonalDataCipher implements PersonalDataSealer {
  private readonly keys = new Map<string, Buffer | null>();
  private remembered: Set<string> | undefined;

  constructor(private readonly store: SubjectKeys) {}

  /** A copy of an event's data with every declared personal value sealed; the input is left alone. */
  async sealEvent<D>(eventType: string, data: D, fields: PersonalField[]): Promise<D> {
    if (fields.length === 0) return data;
    const copy = structuredClone(data);
    const rotated = new Set<string>(); // one new key version per subject per event, however many fields
    const current = new Map<string, SubjectKey>(); // one key read per subject per event
    for (const field of fields) {
      for (const slot of personalSlots(copy, field)) {
        const rotate = field.newKeyVersion === true && !rotated.has(slot.subjectId);
        if (rotate) rotated.add(slot.subjectId);
        let key = rotate ? undefined : current.get(slot.subjectId);
        if (!key) {
          key = rotate ? await this.store.rotate(slot.subjectId) : await this.store.current(slot.subjectId);
          current.set(slot.subjectId, key);
        }
        slot.holder[slot.key] = this.sealWith(key, slot.holder[slot.key], `${eventType}:${field.path}`);
      }
    }
    return copy;
  }

  async seal(value: unknown, subjectId: string, field: string, newKeyVersion = false): Promise<SealedValue> {
    const key = newKeyVersion ? await this.store.rotate(subjectId) : await this.store.current(subjectId);
    return this.sealWith(key, value, field);
  }

  private sealWith({ subjectId, version, key }: SubjectKey, value: unknown, field: string): SealedValue {
    if (this.store.cacheable) this.cache(keyRef(subjectId, version), key);
    const plaintext = JSON.stringify(value);
    if (this.remembered && typeof value === 'string') this.remembered.add(value);
    const iv = randomBytes(12);
    const envelope = { subjectId, keyVersion: version, alg: 'A256GCM' as const, field, iv: iv.toString('base64') };
    const c = createCipheriv('aes-256-gcm', key, iv).setAAD(aadOf({ ...envelope, ct: '', tag: '' }));
    const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
    return { $personal: { ...envelope, ct: ct.toString('base64'), tag: c.getAuthTag().toString('base64') } };
  }

  /** The plaintext, or ERASED once the key version is destroyed; throws if the value was moved or altered. */
  async open(sealed: SealedValue, expectedField?: string): Promise<unknown> {
    if (expectedField !== undefined && sealed.$personal.field !== expectedField)
      throw new TamperedPersonalValue(expectedField);
    return openWith(await this.load([sealed]), sealed);
  }

  /**
   * A copy of a read-model document (or any JSON) with sealed values opened, erased ones as "[erased]":
   * those whose key is destroyed, and those `erased` names (an erasure the ledger records, so a
   * reader never sees a value the log already says is gone, however soon after it asks).
   */
  async reveal<T>(value: T, erased: ErasedVersion = () => false, keys?: KeyRing): Promise<T> {
    const sealed = sealedIn(value).filter((s) => !erased(s.$personal.subjectId, s.$personal.keyVersion));
    const ring =
      keys && sealed.every((s) => keys.has(keyRef(s.$personal.subjectId, s.$personal.keyVersion)))
        ? keys
        : await this.load(sealed);
    return revealWith(value, (s) => {
      if (erased(s.$personal.subjectId, s.$personal.keyVersion)) return ERASED_TEXT;
      const v = openWith(ring, s);
      return v === ERASED ? ERASED_TEXT : v;
    });
  }

  /**
   * Every key these values need, in one read of the store, for reveal() to use on each of them: a
   * page of documents costs one read, not one per document. For this request only: never kept.
   */
  keysFor(values: readonly unknown[]): Promise<KeyRing> {
    return this.load(sealedIn(values));
  }

  /** A copy with every sealed value shown as the withheld marker, for a reader who may not see personal values. */
  withhold<T>(value: T): T {
    return revealWith(value, () => WITHHELD_TEXT);
  }

  /** Destroys the subject's keys (one version or all) and forgets any cached copy; returns what was destroyed. */
  async erase(subjectId: string, version?: number): Promise<number[]> {
    const destroyed = await this.store.destroy(subjectId, version);
    if (this.store.cacheable) for (const v of destroyed) this.cache(keyRef(subjectId, v), null);
    return destroyed;
  }

  liveVersions(subjectId: string): Promise<number[]> {
    return this.store.liveVersions(subjectId);
  }

  /** Tests only: from now on, keep every plaintext sealed, so a suite can prove none leaked (e.g. into logs). */
  rememberPlaintexts(): ReadonlySet<string> {
    this.remembered ??= new Set();
    return this.remembered;
  }

  /** The keys these values need: from the cache where the store allows one, the rest in one read of the store. */
  private async load(values: readonly SealedValue[]): Promise<KeyRing> {
    const ring = new Map<string, Buffer | null>();
    const missing = new Map<string, { subjectId: string; version: number }>();
    for (const { $personal: p } of values) {
      const ref = keyRef(p.subjectId, p.keyVersion);
      const cached = this.store.cacheable ? this.keys.get(ref) : undefined;
      if (cached !== undefined) ring.set(ref, cached);
      else missing.set(ref, { subjectId: p.subjectId, version: p.keyVersion });
    }
    if (missing.size === 0) return ring;
    const found = await this.store.getMany([...missing.values()]);
    for (const ref of missing.keys()) {
      const key = found.get(ref) ?? null;
      ring.set(ref, key);
      if (this.store.cacheable) this.cache(ref, key);
    }
    return ring;
  }

  /** null remembers "destroyed": a destroyed key never comes back, so that answer never goes stale. */
  private cache(k: string, key: Buffer | null): void {
    if (!this.keys.has(k) && this.keys.size >= KEY_CACHE_LIMIT)
      this.keys.delete(this.keys.keys().next().value as string);
    this.keys.set(k, key);
  }
}

/** Every sealed value in a document (or any JSON). */
function sealedIn(value: unknown): SealedValue[] {
  const found: SealedValue[] = [];
  revealWith(value, (s) => {
    found.push(s);
    return s;
  });
  return found;
}

/** Opens one value with a loaded key ring: ERASED when its key is destroyed; throws if it was moved or altered. */
function openWith(ring: KeyRing, sealed: SealedValue): unknown {
  const s = sealed.$personal;
  const key = ring.get(keyRef(s.subjectId, s.keyVersion));
  if (!key) return ERASED;
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(s.iv, 'base64')).setAAD(aadOf(s));
    d.setAuthTag(Buffer.from(s.tag, 'base64'));
    return JSON.parse(Buffer.concat([d.update(Buffer.from(s.ct, 'base64')), d.final()]).toString('utf8'));
  } catch {
    throw new TamperedPersonalValue(s.field);
  }
}

/** Copies only the objects and arrays on the way to a sealed value; everything else is shared. */
export function revealWith<T>(value: T, open: (s: SealedValue) => unknown): T {
  if (typeof value !== 'object' || value === null) return value;
  if (isSealed(value)) return open(value) as T;
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    let out: unknown[] | undefined;
    items.forEach((v, i) => {
      const r = revealWith(v, open);
      if (r !== v) (out ??= [...items])[i] = r;
    });
    return (out ?? value) as T;
  }
  const fields = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(fields)) {
    const r = revealWith(v, open);
    if (r !== v) (out ??= { ...fields })[k] = r;
  }
  return (out ?? value) as T;
}

export type { Erased };
