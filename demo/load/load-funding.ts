import type { CarryForwardAccount, DemoData, FundingPledge, FundingYear, Meeting } from '../data';
import { SOURCE_DOCUMENTS } from '../data/types-case-reviews';
import { businessManagerFor, representative, representativeAt } from './actors';
import type { DemoClient } from './demo-client';
import { at } from './mappings';

/** '2022/23' as the API's financial year id '2022-23'. */
const yearOf = (f: FundingYear) => f.financialYear.replace('/', '-');

/**
 * Each funding year: the budget with its stated lines (the business manager), each partner's
 * pledge (see pledgeAsMinuted), then the underwriting of the shortfall; then each carry-forward
 * year an annual report states (the 2016-17 one).
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
      const { personId, source } = pledgeAsMinuted(meeting, p, data);
      const body = {
        pledgeId: p.id,
        partnerId: p.partnerId,
        amountPence: p.capPence,
        basis: 'up-to',
        source,
        occurredAt,
      };
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
 * Who a pledge is recorded by, and its source text. Only a partner's representative may pledge
 * (funding:pledge, permissions.ts), so the chair cannot record the board's collective agreement as
 * it does a sign-off. Where the minutes name the person agreeing (Jo Galloway for the CCG), the
 * pledge is theirs, quoting those words; otherwise the minutes record only the board's collective
 * agreement, so the partner's first attendee stands in and the source says "(illustrative)".
 */
export function pledgeAsMinuted(
  meeting: Meeting,
  p: FundingPledge,
  data: Pick<DemoData, 'people'>,
): { personId: string; source: string } {
  const where = `Minutes ${meeting.date} (seeds ${p.source.document}), ${p.source.where}`;
  const collective = `the board's collective agreement: "${p.source.words}"`;
  const notes = p.notes ? ` ${p.notes}` : '';
  if (p.pledgedBy) {
    const { personId, words } = p.pledgedBy;
    return { personId, source: `${where}: "${words}" Within ${collective}${notes}` };
  }
  const personId = representativeAt(meeting, p.partnerId);
  const name = data.people.find((x) => x.id === personId)?.fullName ?? personId;
  return {
    personId,
    source:
      `(illustrative) recorded in the name of ${name}, the partner's first attendee: the minutes name no one ` +
      `pledging for ${p.partnerId}. ${where}, records only ${collective}${notes}`,
  };
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
