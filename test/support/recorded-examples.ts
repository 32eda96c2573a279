/**
 * Real records that specs at every layer take as their example (the decider, the read model and the
 * HTTP suite), each as its source gives it. A spec adds its own ids, partners and what else its case
 * needs; what it asserts stays spelt out in the spec.
 */

/**
 * Warwickshire Police's child protection inspection, as the WSEB minutes of 22 September 2022 give it:
 * fieldwork in February 2022, published in August 2022 (the days are illustrative: the minutes give months).
 */
export const POLICE_INSPECTION_2022 = {
  body: 'hmicfrs' as const,
  title: 'Warwickshire Police child protection inspection',
  fieldworkFrom: '2022-02-07',
  fieldworkTo: '2022-02-18',
  publishedOn: '2022-08-09',
  reportReference: 'National child protection inspection: Warwickshire Police',
};

/** The statutory partners of the 2022-23 budget, as the funding specs name them. */
export const STATUTORY_PARTNERS_2022_23 = ['warwickshire-cc', 'warwickshire-police', 'cw-icb'];

/**
 * The 2022-23 shortfall: £21,649 underwritten in principle by the three statutory partners "up to
 * £7,000 each" (so £21,000 is covered and £649 is not).
 */
export const SHORTFALL_UNDERWRITING_2022_23 = {
  underwritingId: 'shortfall-2022-23',
  shortfallPence: 2_164_900,
  partnerIds: STATUTORY_PARTNERS_2022_23,
  method: 'fixed-caps' as const,
  capsPence: [700_000, 700_000, 700_000],
  basis: 'in-principle' as const,
};
