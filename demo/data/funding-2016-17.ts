/**
 * Warwickshire Safeguarding Children Board carry-forward for 2016-17, from its annual report.
 * All money is integer pence.
 *
 * Partner contributions: the report sets them out in a table (Appendix 2) that is not in the
 * text of the source, and says only that 2017-18 contributions stay at previous amounts, so no
 * per-partner contribution figures are recorded.
 *
 * Trap (sums that don't add up): £63,096 is stated as spent from the carry-forward, but its
 * stated parts (£18,000 + £40,000 + £5,038) total £63,038, £58 less. £110,139 - £63,096 =
 * £47,043 does match the stated balance. Figures are kept as stated.
 */
import type { CarryForwardAccount } from './types';

export const carryForward201617: CarryForwardAccount = {
  id: 'warwickshire-scb-carry-forward-2016-17',
  boardId: 'warwickshire-scb',
  financialYear: '2016/17',
  broughtForwardPence: 11013900,
  spentPence: 6309600,
  spendComponents: [
    { label: "'Something's not right' campaign (partner funding paid in 2015-16 for 2016-17)", amountPence: 1800000 },
    {
      label: 'Balancing the budget after the council could not make its usual learning and development grant',
      amountPence: 4000000,
    },
    { label: 'Case review spending above contributions for reviews', amountPence: 503800 },
  ],
  carriedForwardPence: 4704300,
  otherFigures: [
    {
      label: 'Estimated saving from the Development Manager acting as SCR co-reviewer',
      amountPence: 1925000,
      notes: '38.5 days at £500 a day = £19,250 (this one adds up).',
    },
  ],
  source: 'Warwickshire Safeguarding Children Board annual report 2016-17',
  notes: [
    'Stated spend £63,096; listed components total £63,038 (£58 unexplained).',
    'The report says £47,043 is carried forward "into 2016-17"; from context it is the balance carried into 2017-18.',
    'Per-partner contribution figures are not available in the source text.',
  ],
};
