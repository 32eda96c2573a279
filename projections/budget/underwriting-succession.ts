import type { UnderwritingEntry } from './budget-doc';

/** A partner's successor as the partners register records it (e.g. a CCG succeeded by its ICB). */
export interface Succession {
  successorId: string;
  effectiveFrom: string;
}
export type SuccessorOf = (partnerId: string) => Succession | undefined;

/** A share as held now: by the partner that undertook it, or by its successor from the succession date. */
export type HeldShare = UnderwritingEntry['shares'][number] & { undertakenBy?: string; heldSince?: string };

/** Successions are few and acyclic by construction; the bound only guards a corrupt document from looping. */
const MAX_CHAIN = 10;

function holderOf(partnerId: string, successorOf: SuccessorOf): { holderId: string; since?: string } {
  let holderId = partnerId;
  let since: string | undefined;
  for (let i = 0; i < MAX_CHAIN; i++) {
    const next = successorOf(holderId);
    if (!next) break;
    holderId = next.successorId;
    since = next.effectiveFrom;
  }
  return { holderId, ...(since ? { since } : {}) };
}

/**
 * An underwriting commitment follows the partner's succession: the agreement stays as recorded
 * (the CCG undertook it), and its share is shown on the successor's row from the succession date,
 * naming who undertook it. Without successions the shares are unchanged.
 */
export function followSuccession(
  entry: UnderwritingEntry | undefined,
  successorOf: SuccessorOf,
): (Omit<UnderwritingEntry, 'shares'> & { shares: HeldShare[] }) | undefined {
  if (!entry) return undefined;
  const shares = entry.shares.map((s): HeldShare => {
    const { holderId, since } = holderOf(s.partnerId, successorOf);
    return holderId === s.partnerId ? s : { ...s, partnerId: holderId, undertakenBy: s.partnerId, heldSince: since };
  });
  return { ...entry, shares };
}
