import type { DemoData, SourceRef } from '../data';
import { allActions } from '../data';
import { admin, businessManagerFor } from './actors';
import type { DemoClient } from './demo-client';
import { meetingDates } from './load-meetings';
import { at } from './mappings';

/** A citation as the record's own text: the seed file and where in it. */
export const cite = (s: SourceRef): string => `${s.document}, ${s.where}`;

/**
 * Each board's members (seat, partner, person, statutory or not) and its quorum rule, by the admin
 * who registered the boards: every membership cites the attendance list it is taken from, and the
 * rule (which no seed states) says in its own text that it is illustrative. Loaded before the
 * meetings, whose quorum is judged against them.
 */
export async function loadBoardMembers(client: DemoClient, data: DemoData): Promise<void> {
  for (const m of data.boardMembers) {
    const label = m.illustrative ? ` (illustrative: ${m.illustrative})` : '';
    const body = {
      seat: m.seat,
      partnerId: m.partnerId,
      personId: m.personId,
      statutory: m.statutory,
      from: m.from,
      ...(m.to ? { to: m.to } : {}),
      source: `${cite(m.source)}${label}`,
      occurredAt: at(m.from),
    };
    await client.post(
      admin,
      `/boards/${m.boardId}/members`,
      body,
      `demo:board:${m.boardId}:member:${m.seat}:${m.from}`,
    );
  }
  for (const r of data.quorumRules) {
    const body = {
      rule: r.rule,
      ...(r.minimum !== undefined ? { minimum: r.minimum } : {}),
      from: r.from,
      source: `(illustrative) ${r.illustrative}; based on ${cite(r.basedOn)}`,
      occurredAt: at(r.from),
    };
    await client.post(admin, `/boards/${r.boardId}/quorum-rules`, body, `demo:board:${r.boardId}:quorum:${r.from}`);
  }
}

/** Forward-plan items for a month, planned by the business manager at the meeting whose action put them there. */
export async function loadForwardPlan(client: DemoClient, data: DemoData): Promise<void> {
  const dates = meetingDates(data);
  const actions = allActions(data);
  for (const f of data.forwardPlan) {
    const action = actions.find((a) => a.id === f.fromActionId);
    if (!action)
      throw new Error(`Forward-plan item ${f.itemId} cites action ${f.fromActionId}, which is not in the data`);
    const body = {
      itemId: f.itemId,
      boardId: f.boardId,
      month: f.month,
      title: `${f.title} [source: ${cite(f.source)}]`,
      from: { kind: 'action', id: f.fromActionId },
      occurredAt: at(dates.dateOf(action.raisedAtMeetingId)),
    };
    await client.post(businessManagerFor(f.boardId), '/forward-plan', body, `demo:forward-plan:${f.itemId}`);
  }
}
