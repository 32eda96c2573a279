import type { BudgetEvent } from '../../src/funding/domain/budget.messages';
import type { PartnerEvent } from '../../src/partners/domain/partner';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import type { Projection } from '../projection';
import {
  PARTNER_KEY_PREFIX,
  partnerKey,
  yearKey,
  YEAR_KEY_PREFIX,
  type BudgetDoc,
  type BudgetYearDoc,
  type PartnerNameDoc,
  type PledgeEntry,
} from './budget-doc';

/** The funding event types this version understands; a new type needs a version bump (and a rebuild). */
const BUDGET_EVENT_TYPES: ReadonlySet<string> = new Set<BudgetEvent['type']>([
  'budget-set',
  'budget-revised',
  'contribution-pledged',
  'pledge-amended',
  'pledge-withdrawn',
  'payment-received',
  'shortfall-underwriting-agreed',
]);
const PARTNER_NAME_TYPES: ReadonlySet<string> = new Set<PartnerEvent['type']>([
  'partner-registered',
  'partner-renamed',
]);

const isBudgetEvent = (e: StoredEvent): boolean => e.streamId.startsWith('budget-') && BUDGET_EVENT_TYPES.has(e.type);
const isPartnerName = (e: StoredEvent): boolean => e.streamId.startsWith('partner-') && PARTNER_NAME_TYPES.has(e.type);

function newYear(financialYear: string): BudgetYearDoc {
  return {
    kind: 'year',
    financialYear,
    set: false,
    totalPence: 0,
    lines: [],
    allocatedPence: 0,
    unallocatedPence: 0,
    revisions: [],
    pledges: [],
    payments: [],
    underwritings: [],
  };
}

const updatePledge = (doc: BudgetYearDoc, pledgeId: string, change: (p: PledgeEntry) => PledgeEntry): PledgeEntry[] =>
  doc.pledges.map((p) => (p.pledgeId === pledgeId ? change(p) : p));

/** What an event changes in the year; everything else is kept. */
function changes(doc: BudgetYearDoc, event: BudgetEvent, at: string): Partial<BudgetYearDoc> {
  switch (event.type) {
    case 'budget-set': {
      const { totalPence, lines, allocatedPence, unallocatedPence } = event.data;
      return { set: true, totalPence, lines, allocatedPence, unallocatedPence, setAt: at };
    }
    case 'budget-revised': {
      const { totalPence, lines, allocatedPence, unallocatedPence, previousTotalPence, reason } = event.data;
      return {
        totalPence,
        lines,
        allocatedPence,
        unallocatedPence,
        revisions: [...doc.revisions, { previousTotalPence, totalPence, reason, occurredAt: at }],
      };
    }
    case 'contribution-pledged': {
      const { pledgeId, partnerId, amountPence, basis } = event.data;
      return {
        pledges: [
          ...doc.pledges,
          { pledgeId, partnerId, amountPence, basis, withdrawn: false, paidPence: 0, pledgedAt: at },
        ],
      };
    }
    case 'pledge-amended': {
      const { pledgeId, amountPence, basis } = event.data;
      return { pledges: updatePledge(doc, pledgeId, (p) => ({ ...p, amountPence, basis, amendedAt: at })) };
    }
    case 'pledge-withdrawn':
      return { pledges: updatePledge(doc, event.data.pledgeId, (p) => ({ ...p, withdrawn: true, withdrawnAt: at })) };
    case 'payment-received': {
      const { paymentId, partnerId, amountPence, receivedOn, pledgeId } = event.data;
      const pledges =
        pledgeId === undefined
          ? doc.pledges
          : updatePledge(doc, pledgeId, (p) => ({ ...p, paidPence: p.paidPence + amountPence }));
      return {
        pledges,
        payments: [
          ...doc.payments,
          { paymentId, partnerId, amountPence, receivedOn, ...(pledgeId === undefined ? {} : { pledgeId }) },
        ],
      };
    }
    case 'shortfall-underwriting-agreed': {
      const { underwritingId, shortfallPence, method, basis, shares, coveredPence, uncoveredPence } = event.data;
      return {
        underwritings: [
          ...doc.underwritings,
          { underwritingId, shortfallPence, method, basis, shares, coveredPence, uncoveredPence, agreedAt: at },
        ],
      };
    }
  }
}

function evolveYear(doc: BudgetYearDoc, stored: StoredEvent): BudgetYearDoc {
  const event = { type: stored.type, data: stored.data } as BudgetEvent;
  const { occurredAt, recordedAt, actor } = stored.metadata;
  return {
    ...doc,
    ...changes(doc, event, occurredAt),
    lastUpdate: { type: stored.type, occurredAt, recordedAt, actor, position: stored.position },
  };
}

function evolvePartner(doc: PartnerNameDoc, stored: StoredEvent): PartnerNameDoc {
  return { ...doc, name: (stored.data as { name: string }).name };
}

/** Budget and contributions per financial year, plus partner names to label them. */
export const budgetProjection: Projection<BudgetDoc> = {
  name: 'budget',
  version: 1,
  canHandle: (event) => isBudgetEvent(event) || isPartnerName(event),
  keysOf: (event) => {
    if (isPartnerName(event)) return [partnerKey((event.data as { partnerId: string }).partnerId)];
    return [yearKey((event.data as { financialYear: string }).financialYear)];
  },
  initialState: (key) =>
    key.startsWith(PARTNER_KEY_PREFIX)
      ? { kind: 'partner', partnerId: key.slice(PARTNER_KEY_PREFIX.length) }
      : newYear(key.slice(YEAR_KEY_PREFIX.length)),
  evolve: (doc, event) => (doc.kind === 'partner' ? evolvePartner(doc, event) : evolveYear(doc, event)),
};
