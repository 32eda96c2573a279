import type { PartnerKind } from '../../src/partners';
import type { UpdatedRecordTrail } from './record-history';

/** A name the partner bore, from a date (null: from registration) until the next one took effect (null: current). */
export interface PartnerName {
  name: string;
  from: string | null;
  until: string | null;
  reason?: string;
}

/** One side of a succession: the other partner and the date it took effect. */
export interface SuccessionLink {
  partnerId: string;
  effectiveFrom: string;
}

/** A partner agency as the register shows it: its names over time and who succeeded whom. */
export interface PartnerDoc extends UpdatedRecordTrail {
  partnerId: string;
  /** False until its registration is applied (a successor's document may learn of a predecessor first). */
  exists: boolean;
  /** The current name (the last of `names`). */
  name: string;
  kind?: PartnerKind;
  statutory?: boolean;
  /** Succeeded: its functions passed to `succeededBy` from that date; active otherwise. */
  status: 'active' | 'succeeded';
  names: PartnerName[];
  succeededBy?: SuccessionLink;
  /** The partners this one succeeded. */
  predecessors: SuccessionLink[];
}

export const PARTNER_KEY_PREFIX = 'partner:';
export const partnerKey = (partnerId: string) => `${PARTNER_KEY_PREFIX}${partnerId}`;
