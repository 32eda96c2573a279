/**
 * A personal value as the ledger stores it: AES-256-GCM ciphertext under one data subject's key
 * version. The envelope names the subject and key version so erasure can find the key, and the
 * field it was sealed for, which is bound into the additional authenticated data: a ciphertext
 * copied into another field, or relabelled with another subject or version, fails to open.
 */
export interface SealedValue {
  $personal: {
    subjectId: string;
    keyVersion: number;
    alg: 'A256GCM';
    /** `<event type>:<declared path>`, e.g. "escalation-raised:dataSubjects[].name". */
    field: string;
    iv: string;
    ct: string;
    tag: string;
  };
}

/** What a reader sees once the subject's key (or that key version) is destroyed. */
export const ERASED = Object.freeze({ erased: true as const });
export type Erased = typeof ERASED;
/** How an erased value is shown in responses. */
export const ERASED_TEXT = '[erased]';
/** The one marker packs print for every personal value: whether it was erased is not knowable offline. */
export const WITHHELD_TEXT = '[personal data withheld]';

export function isSealed(value: unknown): value is SealedValue {
  return typeof value === 'object' && value !== null && '$personal' in value;
}

/** Additional authenticated data: binds the ciphertext to its field, subject and key version. */
export function aadOf(s: SealedValue['$personal']): Buffer {
  return Buffer.from(`${s.field}\n${s.subjectId}\n${s.keyVersion}`, 'utf8');
}
