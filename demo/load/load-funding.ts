import type { DemoData, FundingYear } from '../data';
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
 * pledge by its own representative at the meeting, then the underwriting of the shortfall.
 */
export async function loadFunding(client: DemoClient, data: DemoData): Promise<void> {
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
