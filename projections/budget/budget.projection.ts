import { Budget, budgetId, type BudgetEvent } from '../../src/funding';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { Partner } from '../../src/partners';
import { NO_REVISION, revisionAfter } from '../record-revision';
import { subscribe, type SubscribedProjection } from '../subscription';
import {
  keyedYear,
  PARTNER_KEY_PREFIX,
  partnerKey,
  yearKey,
  type BudgetDoc,
  type BudgetYearDoc,
  type PartnerNameDoc,
  type PledgeEntry,
} from './budget-doc';

/** Every funding event; of a partner, its name (to label the rows) and successor (underwriting follows it). */
const budgets = subscribe(Budget, {
  'budget-set': 'handled',
  'budget-revised': 'handled',
  'contribution-pledged': 'handled',
  'pledge-amended': 'handled',
  'pledge-withdrawn': 'handled',
  'payment-received': 'handled',
  'invoice-raised': 'handled',
  'shortfall-underwriting-agreed': 'handled',
  'spending-recorded': 'handled',
  'year-closed': 'handled',
  'carried-forward': 'handled',
});
const partners = subscribe(Partner, {
  'partner-registered': 'handled',
  'partner-renamed': 'handled',
  'partner-succeeded': 'handled',
});

function newYear({ ownerId, financialYear }: ReturnType<typeof keyedYear>): BudgetYearDoc {
  return {
    kind: 'year',
    ownerId,
    financialYear,
    set: false,
    totalPence: 0,
    lines: [],
    allocatedPence: 0,
    unallocatedPence: 0,
    revisions: [],
    pledges: [],
    payments: [],
    invoices: [],
    underwritings: [],
    spending: [],
    revision: NO_REVISION,
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
      const { pledgeId, partnerId, amountPence, basis, source } = event.data;
      const entry = { pledgeId, partnerId, amountPence, basis, withdrawn: false, paidPence: 0, pledgedAt: at };
      return {
        pledges: [...doc.pledges, source === undefined ? entry : { ...entry, source }],
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
    case 'invoice-raised': {
      const { invoiceId, partnerId, amountPence, raisedOn, reference } = event.data;
      return { invoices: [...doc.invoices, { invoiceId, partnerId, amountPence, raisedOn, reference }] };
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
    case 'spending-recorded': {
      const { financialYear: _year, ownerId: _owner, ...spend } = event.data;
      return { spending: [...doc.spending, { ...spend, recordedAt: at }] };
    }
    case 'year-closed': {
      const { financialYear: _year, ownerId: _owner, ...close } = event.data;
      return { closure: { ...close, closedAt: at } };
    }
    case 'carried-forward': {
      const { financialYear, toFinancialYear, amountPence, source } = event.data;
      const entry = { fromFinancialYear: financialYear, toFinancialYear, amountPence, source, occurredAt: at };
      return doc.financialYear === financialYear ? { carriedOut: entry } : { broughtForward: entry };
    }
  }
}

function evolveYear(doc: BudgetYearDoc, stored: StoredEvent): BudgetYearDoc {
  const event = budgets.decode(stored);
  const { occurredAt, recordedAt, actor } = event.metadata;
  return {
    ...doc,
    ...changes(doc, event, occurredAt),
    lastUpdate: { type: event.type, occurredAt, recordedAt, actor, position: event.position },
    revision: revisionAfter(doc, stored, {
      category: budgets.category,
      id: budgetId({ financialYear: doc.financialYear, ...(doc.ownerId ? { ownerId: doc.ownerId } : {}) }),
    }),
  };
}

function evolvePartner(doc: PartnerNameDoc, stored: StoredEvent): PartnerNameDoc {
  const event = partners.decode(stored);
  if (event.type !== 'partner-succeeded') return { ...doc, name: event.data.name };
  const { successorId, effectiveFrom } = event.data;
  return { ...doc, succeededBy: { successorId, effectiveFrom } };
}

/** Budget, contributions, spending and year-end per financial year, plus partner names to label them. */
export const budgetProjection: SubscribedProjection<BudgetDoc> = {
  name: 'budget',
  // 2: revision. 3: spending, close and carry-forward. 4: partner successions. 5: owners, invoices.
  version: 5,
  subscriptions: [budgets, partners],
  canHandle: (event) => budgets.takes(event) || partners.takes(event),
  keysOf: (event) => {
    if (partners.takes(event)) return [partnerKey(partners.decode(event).data.partnerId)];
    const { type, data } = budgets.decode(event);
    // A carry-forward is one event, shown in the year it leaves and the same owner's year it enters.
    return type === 'carried-forward'
      ? [yearKey(data.financialYear, data.ownerId), yearKey(data.toFinancialYear, data.ownerId)]
      : [yearKey(data.financialYear, data.ownerId)];
  },
  initialState: (key) =>
    key.startsWith(PARTNER_KEY_PREFIX)
      ? { kind: 'partner', partnerId: key.slice(PARTNER_KEY_PREFIX.length) }
      : newYear(keyedYear(key)),
  evolve: (doc, event) => (doc.kind === 'partner' ? evolvePartner(doc, event) : evolveYear(doc, event)),
};
