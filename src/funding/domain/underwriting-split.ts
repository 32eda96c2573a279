import { RuleViolation } from '../../shared/domain-errors';
import { splitPence, type Pence } from '../../shared/money';
import { requirePence } from './money-rules';
import type { UnderwriteShortfallData, UnderwritingShare } from './budget.messages';

export interface ShortfallSplit {
  shares: UnderwritingShare[];
  coveredPence: Pence;
  uncoveredPence: Pence;
}

type SplitInput = Pick<UnderwriteShortfallData, 'shortfallPence' | 'partnerIds' | 'method' | 'weights' | 'capsPence'>;

/**
 * Who pays what of a shortfall. equal and proportional always cover it exactly (splitPence hands out
 * the odd pennies deterministically). fixed-caps never asks a partner for more than their cap: each
 * share is min(cap, an equal share of what the lower-capped partners leave), so shares sum to the
 * covered total and whatever the caps cannot reach is reported as uncovered, never silently dropped.
 */
export function splitShortfall({ shortfallPence, partnerIds, method, weights, capsPence }: SplitInput): ShortfallSplit {
  if (method !== 'proportional' && weights !== undefined)
    throw new RuleViolation('weights-not-applicable', 'Weights are only used for a proportional split');
  if (method !== 'fixed-caps' && capsPence !== undefined)
    throw new RuleViolation('caps-not-applicable', 'Caps are only used for a fixed-caps split');
  if (method === 'equal')
    return covered(
      shortfallPence,
      partnerIds,
      splitPence(
        shortfallPence,
        partnerIds.map(() => 1),
      ),
    );
  if (method === 'proportional') {
    const w = requireWeights(weights, partnerIds.length);
    const parts = splitPence(shortfallPence, w);
    return covered(shortfallPence, partnerIds, parts, (s, i) => ({ ...s, weight: w[i] }));
  }
  const caps = requireCaps(capsPence, partnerIds.length);
  const parts = fillUpToCaps(shortfallPence, caps);
  const coveredPence = parts.reduce((a, b) => a + b, 0);
  const shares = partnerIds.map((partnerId, i) => ({ partnerId, sharePence: parts[i], capPence: caps[i] }));
  return { shares, coveredPence, uncoveredPence: shortfallPence - coveredPence };
}

function covered(
  total: Pence,
  partnerIds: string[],
  parts: Pence[],
  extra = (s: UnderwritingShare, _i: number) => s,
): ShortfallSplit {
  const shares = partnerIds.map((partnerId, i) => extra({ partnerId, sharePence: parts[i] }, i));
  return { shares, coveredPence: total, uncoveredPence: 0 };
}

function requireWeights(weights: number[] | undefined, count: number): number[] {
  if (!weights || weights.length !== count)
    throw new RuleViolation('weights-mismatch', 'A proportional split needs one weight per partner', {
      partners: count,
    });
  if (weights.some((w) => !Number.isFinite(w) || w < 0) || weights.every((w) => w === 0)) {
    throw new RuleViolation('invalid-weights', 'Weights must be non-negative numbers and not all zero');
  }
  return weights;
}

function requireCaps(caps: Pence[] | undefined, count: number): Pence[] {
  if (!caps || caps.length !== count)
    throw new RuleViolation('caps-mismatch', 'A fixed-caps split needs one cap per partner', { partners: count });
  return caps.map((c, i) => requirePence(c, `capsPence[${i}]`));
}

/** Water-filling: cap everyone whose cap is at or below the equal share of what is left, then split the rest equally. */
function fillUpToCaps(total: Pence, caps: Pence[]): Pence[] {
  const shares = caps.map(() => 0);
  let open = caps.map((_, i) => i);
  let remaining = total;
  while (open.length > 0) {
    const capped = open.filter((i) => caps[i] * open.length <= remaining);
    if (capped.length === 0) {
      const parts = splitPence(
        remaining,
        open.map(() => 1),
      );
      open.forEach((i, k) => {
        shares[i] = parts[k];
      });
      break;
    }
    for (const i of capped) {
      shares[i] = caps[i];
      remaining -= caps[i];
    }
    open = open.filter((i) => !capped.includes(i));
  }
  return shares;
}
