/**
 * The Warwickshire SCB's 2016-17 year end as its annual report states it (../shared/seeds/
 * 003_3138b66d3f6a209c.txt): £110,139 brought forward, £47,043 carried on, £63,096 spent of it, whose
 * three parts add up to £63,038 (£58 short). What the budget read model must show for that year,
 * whether the figures were recorded through the API or by the demo loader.
 */
export const YEAR_END_2016_17 = {
  broughtForward: { fromFinancialYear: '2015-16', toFinancialYear: '2016-17', amountPence: 11_013_900 },
  carriedOut: { fromFinancialYear: '2016-17', toFinancialYear: '2017-18', amountPence: 4_704_300 },
  carryForwardSpent: {
    statedPence: 6_309_600,
    partsTotalPence: 6_303_800,
    partsDifferencePence: 5_800,
    broughtForwardLessCarriedOutPence: 6_309_600,
    balanceDifferencePence: 0,
  },
};
