import type { CarryForwardAccount, DemoData, FundingYear } from '../data';
import { SOURCE_DOCUMENTS } from '../data/types-case-reviews';
import { businessManagerFor, representative, representativeAt } from './actors';
import type { DemoClient } from './demo-client';
import { at } from './mappings';

/**
 * Who pledged for a partner, where the minutes name them rather than the first attendee:
 * Jo Galloway agreed the CCG's underwriting (see the pledge's notes).
 */
const PLEDGED_BY: Record<string, string> = { 'ws-2022-23-underwrite-health': 'jo-galloway' };

/** '2022/23' as the API's financial year id '2022-23'. */
const yearOf = (f: FundingYear) => f.financialYear.replace('/', '-');

/**
 * Each funding year: the budget with its stated lines (the business manager), each partner's
 * pledge by its own representative at the meeting, then the underwriting of the shortfall; then
 * each carry-forward year an annual report states (the 2016-17 one).
 */
export async function loadFunding(client: DemoClient, data: DemoData): Promise<void> {
  await loadYears(client, data);
  for (const c of data.carryForwards) await loadCarryForward(client, c);
}

async function loadYears(client: DemoClient, data: DemoData): Promise<void> {
  for (const f of data.funding) {
    const meeting = data.meetings.find((m) => m.id === f.sourceMeetingId);
    if (!meeting) throw new Error(`Funding ${f.id} cites meeting ${f.sourceMeetingId}, which is not recorded`);
    const year = yearOf(f);
    const occurredAt = at(meeting.date);
    const manager = businessManagerFor(f.boardId);
    // Derived lines (a remainder the minutes do not state) stay unallocated rather than invented.
    const lines = f.lines
      .filter((l) => !l.derived)
      .map((l) => ({ lineId: l.id, name: l.label, amountPence: l.amountPence }));
    await client.post(
      manager,
      '/budgets',
      { financialYear: year, totalPence: f.budgetPence, lines, occurredAt },
      `demo:budget:${year}:set`,
    );
    for (const p of f.pledges) {
      const personId = PLEDGED_BY[p.id] ?? representativeAt(meeting, p.partnerId);
      const body = { pledgeId: p.id, partnerId: p.partnerId, amountPence: p.capPence, basis: 'up-to', occurredAt };
      await client.post(
        representative(personId, p.partnerId),
        `/budgets/${year}/pledges`,
        body,
        `demo:budget:${year}:pledge:${p.id}`,
      );
    }
    const underwriters = f.pledges.filter((p) => p.kind === 'underwrite');
    if (f.shortfallPence === undefined || underwriters.length === 0) continue;
    const body = {
      underwritingId: `${f.id}-shortfall`,
      shortfallPence: f.shortfallPence,
      partnerIds: underwriters.map((p) => p.partnerId),
      method: 'fixed-caps',
      capsPence: underwriters.map((p) => p.capPence),
      basis: underwriters.every((p) => p.inPrinciple) ? 'in-principle' : 'agreed',
      occurredAt,
    };
    await client.post(
      manager,
      `/budgets/${year}/underwritings`,
      body,
      `demo:budget:${year}:underwriting:${body.underwritingId}`,
    );
  }
}

/**
 * When a year's carry-forward is recorded: the report gives no date, so the first working day after
 * the year it closes (Monday 3 April 2017 for 2016-17), said to be illustrative in the cited source.
 */
const recordedOn = (financialYear: string) => {
  const day = new Date(`${Number(financialYear.slice(0, 4)) + 1}-04-01T00:00:00Z`);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
};

/** '2016/17' -> '2015-16', the year before. */
const previousYear = (year: string) => {
  const start = Number(year.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
};

/**
 * A board's carry-forward year as its annual report states it, on the board's own budget (keyed by
 * owner and year): what the year before carried into it (recorded on that year, whose budget
 * predates the ledger), the year closed with what it says was spent of that money and the parts it
 * lists (kept as stated: the 2016-17 parts fall £58 short of the total), then the balance carried on.
 * The report holds no budget total for the year, so none is set.
 */
async function loadCarryForward(client: DemoClient, c: CarryForwardAccount): Promise<void> {
  const year = c.financialYear.replace('/', '-');
  const on = recordedOn(year);
  const source =
    `${c.source} (seeds ${SOURCE_DOCUMENTS.wscbAnnualReport201617}), section 3 'Governance and accountability arrangements', 'Budget'. ` +
    `Illustrative: the date it is recorded on (${on}); the report gives none`;
  const manager = businessManagerFor(c.boardId);
  const base = `/budgets/${c.boardId}`;
  const key = `demo:carry-forward:${c.id}`;
  const occurredAt = at(on);
  await client.post(
    manager,
    `${base}/${previousYear(year)}/carry-forward`,
    { amountPence: c.broughtForwardPence, source, occurredAt },
    `${key}:brought-forward`,
  );
  const carryForwardSpent = { statedPence: c.spentPence, parts: c.spendComponents };
  await client.post(manager, `${base}/${year}/closure`, { carryForwardSpent, source, occurredAt }, `${key}:close`);
  await client.post(
    manager,
    `${base}/${year}/carry-forward`,
    {
      amountPence: c.carriedForwardPence,
      // The report says "into 2016-17"; the balance it means is carried into the next year (see the data's notes).
      source: `${source}. The report says "carried forward into 2016-17"; it is the balance carried out of ${year}`,
      occurredAt,
    },
    `${key}:carried-out`,
  );
}
