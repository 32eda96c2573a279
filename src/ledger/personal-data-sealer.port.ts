import type { PersonalField } from './event-codec';

/**
 * Seals the personal values an event declares (its codec's personal fields) before the command
 * runner appends it, so plaintext never reaches the log. The ledger owns this port and privacy
 * implements it (src/privacy, with per-subject keys that erasure destroys): the ledger never
 * imports privacy. Asynchronous: the keys may live in a shared store (SHARED_STATE=postgres).
 */
export interface PersonalDataSealer {
  sealEvent<D>(eventType: string, data: D, fields: PersonalField[]): Promise<D>;
}

export const PERSONAL_DATA_SEALER = Symbol('PERSONAL_DATA_SEALER');
