import { deciderSpec } from '../../shared/testing/decider-spec';
import { Budget, type BudgetEvent, type UnderwriteShortfallData } from './budget';
import { splitShortfall } from './underwriting-split';
import { SHORTFALL_UNDERWRITING_2022_23, STATUTORY_PARTNERS_2022_23 } from '../../../test/support/recorded-examples';

const spec = deciderSpec(Budget, { occurredAt: '2022-09-22T09:00:00.000Z' });

const budgetSet: BudgetEvent = {
  type: 'budget-set',
  data: {
    financialYear: '2022-23',
    totalPence: 32_100_000,
    lines: [],
    allocatedPence: 0,
    unallocatedPence: 32_100_000,
  },
};
const statutory = STATUTORY_PARTNERS_2022_23;
// The real case: a £21,649 shortfall underwritten in principle by the three statutory partners "up to £7,000 each".
const shortfall: UnderwriteShortfallData = {
  financialYear: '2022-23',
  ...SHORTFALL_UNDERWRITING_2022_23,
  unregisteredPartnerIds: [],
};
const underwrite = (patch: Partial<UnderwriteShortfallData> = {}) =>
  ({ type: 'underwrite-shortfall', data: { ...shortfall, ...patch } }) as const;

describe('Budget decider: underwriting a shortfall', () => {
  it('given the 2022/23 budget, when the statutory partners underwrite £21,649 up to £7,000 each, then £21,000 is covered and £649 is not', () => {
    spec
      .given([budgetSet])
      .when(underwrite())
      .then([
        {
          type: 'shortfall-underwriting-agreed',
          data: {
            financialYear: '2022-23',
            underwritingId: 'shortfall-2022-23',
            shortfallPence: 2_164_900,
            method: 'fixed-caps',
            basis: 'in-principle',
            shares: statutory.map((partnerId) => ({ partnerId, sharePence: 700_000, capPence: 700_000 })),
            coveredPence: 2_100_000,
            uncoveredPence: 64_900,
          },
        },
      ]);
  });

  it('splits the same shortfall equally to the penny: the odd penny goes to the first partner', () => {
    const { shares, coveredPence, uncoveredPence } = splitShortfall({
      ...shortfall,
      method: 'equal',
      capsPence: undefined,
    });
    expect(shares.map((s) => s.sharePence)).toEqual([721_634, 721_633, 721_633]);
    expect(shares.reduce((a, s) => a + s.sharePence, 0)).toBe(2_164_900);
    expect({ coveredPence, uncoveredPence }).toEqual({ coveredPence: 2_164_900, uncoveredPence: 0 });
  });

  it('splits proportionally by weight and still sums exactly', () => {
    const { shares, coveredPence } = splitShortfall({
      ...shortfall,
      method: 'proportional',
      capsPence: undefined,
      weights: [50, 25, 25],
    });
    expect(shares).toEqual([
      { partnerId: 'warwickshire-cc', sharePence: 1_082_450, weight: 50 },
      { partnerId: 'warwickshire-police', sharePence: 541_225, weight: 25 },
      { partnerId: 'cw-icb', sharePence: 541_225, weight: 25 },
    ]);
    expect(coveredPence).toBe(2_164_900);
  });

  it('with caps above an equal share, covers everything and never asks anyone for more than their cap', () => {
    const { shares, coveredPence, uncoveredPence } = splitShortfall({
      ...shortfall,
      capsPence: [2_000_000, 100_000, 100_000],
    });
    expect(shares.map((s) => s.sharePence)).toEqual([1_964_900, 100_000, 100_000]);
    expect({ coveredPence, uncoveredPence }).toEqual({ coveredPence: 2_164_900, uncoveredPence: 0 });
    const even = splitShortfall({ ...shortfall, capsPence: [1_000_000, 1_000_000, 1_000_000] });
    expect(even.shares.map((s) => s.sharePence)).toEqual([721_634, 721_633, 721_633]);
  });

  it.each([
    [
      'weights on an equal split',
      { method: 'equal', capsPence: undefined, weights: [1, 1, 1] },
      'weights-not-applicable',
    ],
    ['caps on a proportional split', { method: 'proportional', weights: [1, 1, 1] }, 'caps-not-applicable'],
    ['a weight missing', { method: 'proportional', capsPence: undefined, weights: [1, 1] }, 'weights-mismatch'],
    ['all weights zero', { method: 'proportional', capsPence: undefined, weights: [0, 0, 0] }, 'invalid-weights'],
    ['a negative weight', { method: 'proportional', capsPence: undefined, weights: [2, -1, 1] }, 'invalid-weights'],
    ['a cap missing', { capsPence: [700_000, 700_000] }, 'caps-mismatch'],
    ['a fractional cap', { capsPence: [700_000, 700_000, 0.5] }, 'invalid-money'],
    ['a negative cap', { capsPence: [700_000, -1, 700_000] }, 'invalid-money'],
    ['a fractional shortfall', { shortfallPence: 2_164_900.5 }, 'invalid-money'],
    ['a zero shortfall', { shortfallPence: 0 }, 'amount-not-positive'],
    ['a partner listed twice', { partnerIds: ['cw-icb', 'cw-icb', 'warwickshire-cc'] }, 'duplicate-partner'],
    ['no partners', { partnerIds: [], capsPence: [] }, 'no-partners'],
    ['an unregistered partner', { unregisteredPartnerIds: ['cw-icb'] }, 'partner-not-registered'],
  ] as const)('refuses %s with 422', (_, patch, code) => {
    spec
      .given([budgetSet])
      .when(underwrite(patch as Partial<UnderwriteShortfallData>))
      .thenRefuses(code, 422);
  });

  it('refuses underwriting with no budget and a duplicate underwriting id', () => {
    spec.given().when(underwrite()).thenRefuses('budget-not-set');
    const agreed = spec.given([budgetSet]).when(underwrite()).decided();
    spec
      .given([budgetSet, ...agreed])
      .when(underwrite())
      .thenRefuses('underwriting-exists', 409);
  });
});
