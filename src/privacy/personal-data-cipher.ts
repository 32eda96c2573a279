import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PersonalField } from '../ledger/event-codec';
import type { PersonalDataSealer } from '../ledger/personal-data-sealer.port';
import { personalSlots } from '../ledger/personal-paths';
import { aadOf, ERASED, ERASED_TEXT, isSealed, WITHHELD_TEXT, type Erased, type SealedValue } from './sealed-value';

/** Whether a key version is known to be erased before the key store says so (an erasure recorded, keys not yet destroyed). */
export type ErasedVersion = (subjectId: string, keyVersion: number) => boolean;
import type { SubjectKeyStore } from './subject-key-store';

/** Unwrapped keys kept in memory: enough for a busy page of reads, bounded so memory stays flat. */
const KEY_CACHE_LIMIT = 10_000;

/** A sealed value that does not open under its own subject, version and field: it was moved or altered. */
export class TamperedPersonalValue extends Error {
  constructor(field: string) {
    super(`A personal value sealed for ${field} does not authenticate: it was moved or altered`);
  }
}

/**
 * Seals declared personal values before append and reveals them at query time. Plaintext never
 * reaches the log or a read model; a reader gets it only through reveal(), and once the subject's
 * key (version) is destroyed, reveal shows "[erased]" for ever after.
 */
export class PersonalDataCipher implements PersonalDataSealer {
  private readonly keys = new Map<string, Buffer | null>();
  private remembered: Set<string> | undefined;

  constructor(private readonly store: SubjectKeyStore) {}

  /** A copy of an event's data with every declared personal value sealed; the input is left alone. */
  sealEvent<D>(eventType: string, data: D, fields: PersonalField[]): D {
    if (fields.length === 0) return data;
    const copy = structuredClone(data);
    const rotated = new Set<string>(); // one new key version per subject per event, however many fields
    for (const field of fields) {
      for (const slot of personalSlots(copy, field)) {
        const rotate = field.newKeyVersion === true && !rotated.has(slot.subjectId);
        if (rotate) rotated.add(slot.subjectId);
        slot.holder[slot.key] = this.seal(slot.holder[slot.key], slot.subjectId, `${eventType}:${field.path}`, rotate);
      }
    }
    return copy;
  }

  seal(value: unknown, subjectId: string, field: string, newKeyVersion = false): SealedValue {
    const { version, key } = newKeyVersion ? this.store.rotate(subjectId) : this.store.current(subjectId);
    this.cache(cacheKey(subjectId, version), key);
    const plaintext = JSON.stringify(value);
    if (this.remembered && typeof value === 'string') this.remembered.add(value);
    const iv = randomBytes(12);
    const envelope = { subjectId, keyVersion: version, alg: 'A256GCM' as const, field, iv: iv.toString('base64') };
    const c = createCipheriv('aes-256-gcm', key, iv).setAAD(aadOf({ ...envelope, ct: '', tag: '' }));
    const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
    return { $personal: { ...envelope, ct: ct.toString('base64'), tag: c.getAuthTag().toString('base64') } };
  }

  /** The plaintext, or ERASED once the key version is destroyed; throws if the value was moved or altered. */
  open(sealed: SealedValue, expectedField?: string): unknown {
    const s = sealed.$personal;
    if (expectedField !== undefined && s.field !== expectedField) throw new TamperedPersonalValue(expectedField);
    const key = this.key(s.subjectId, s.keyVersion);
    if (!key) return ERASED;
    try {
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(s.iv, 'base64')).setAAD(aadOf(s));
      d.setAuthTag(Buffer.from(s.tag, 'base64'));
      return JSON.parse(Buffer.concat([d.update(Buffer.from(s.ct, 'base64')), d.final()]).toString('utf8'));
    } catch {
      throw new TamperedPersonalValue(s.field);
    }
  }

  /**
   * A copy of a read-model document (or any JSON) with sealed values opened, erased ones as "[erased]":
   * those whose key is destroyed, and those `erased` names (an erasure the ledger records, so a
   * reader never sees a value the log already says is gone, however soon after it asks).
   */
  reveal<T>(value: T, erased: ErasedVersion = () => false): T {
    return revealWith(value, (s) => {
      if (erased(s.$personal.subjectId, s.$personal.keyVersion)) return ERASED_TEXT;
      const v = this.open(s);
      return v === ERASED ? ERASED_TEXT : v;
    });
  }

  /** A copy with every sealed value shown as the withheld marker, for a reader who may not see personal values. */
  withhold<T>(value: T): T {
    return revealWith(value, () => WITHHELD_TEXT);
  }

  /** Destroys the subject's keys (one version or all) and forgets any cached copy; returns what was destroyed. */
  erase(subjectId: string, version?: number): number[] {
    const destroyed = this.store.destroy(subjectId, version);
    for (const v of destroyed) this.cache(cacheKey(subjectId, v), null);
    return destroyed;
  }

  liveVersions(subjectId: string): number[] {
    return this.store.liveVersions(subjectId);
  }

  /** Tests only: from now on, keep every plaintext sealed, so a suite can prove none leaked (e.g. into logs). */
  rememberPlaintexts(): ReadonlySet<string> {
    this.remembered ??= new Set();
    return this.remembered;
  }

  private key(subjectId: string, version: number): Buffer | undefined {
    const k = cacheKey(subjectId, version);
    const cached = this.keys.get(k);
    if (cached !== undefined) return cached ?? undefined;
    const key = this.store.get(subjectId, version) ?? null;
    this.cache(k, key);
    return key ?? undefined;
  }

  /** null remembers "destroyed": a destroyed key never comes back, so that answer never goes stale. */
  private cache(k: string, key: Buffer | null): void {
    if (!this.keys.has(k) && this.keys.size >= KEY_CACHE_LIMIT)
      this.keys.delete(this.keys.keys().next().value as string);
    this.keys.set(k, key);
  }
}

const cacheKey = (subjectId: string, version: number) => `${subjectId}\n${version}`;

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
