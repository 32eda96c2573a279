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

/**
 * The first action of the WSEB meeting of 10 May 2022, as its minutes give it: the escalation put on
 * the June agenda, owned by the business team. The due date is illustrative; a spec adds the agenda
 * item it is raised at.
 */
export const ESCALATION_ON_JUNE_AGENDA = {
  actionId: 'wseb-2022-05-10-a1',
  meetingId: 'wseb-2022-05-10',
  text: 'Add escalation to the June agenda for an update.',
  owners: [{ kind: 'team', name: 'WS Business Team' }],
  dueDate: '2022-06-01',
};

/**
 * The WSEB meeting of 22 September 2022, its item 9 (the police inspection report) and the action the
 * minutes record there; its due date is illustrative (the minutes give the month).
 */
export const WSEB_2022_09_22 = { meetingId: 'wseb-2022-09-22', boardId: 'wseb', scheduledFor: '2022-09-22T10:00:00Z' };
export const WSEB_2022_09_22_ITEM_9 = { itemNumber: 9, title: 'Police Inspection Report' };
export const FORWARD_PLAN_ACTION_2022_09_22 = {
  actionId: 'wseb-2022-09-22-a9',
  text: 'Item to be added to WSEB forward plan for April 2023 meeting',
  dueDate: '2023-04-30',
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
