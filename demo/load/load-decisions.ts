import type { DemoData } from '../data';
import { warwickshireStatutoryMay2022 } from '../data/partners';
import { businessManagerFor } from './actors';
import type { DemoClient } from './demo-client';
import { at, itemNumberOf } from './mappings';

/**
 * Decisions that make named partners responsible. The data says so in words ("the three
 * statutory partners", "police, health and social care"); the API records it as partner ids.
 */
const RESPONSIBLE: Record<string, readonly string[]> = {
  'wseb-2022-05-10-d-jtai-responsibility': warwickshireStatutoryMay2022,
  'wseb-2022-05-10-d-underwrite-shortfall': warwickshireStatutoryMay2022,
  'wseb-2022-05-10-d-mash-assurance-visit': warwickshireStatutoryMay2022,
  'wseb-2022-09-22-d-thematic-recommendations': [
    'warwickshire-county-council',
    'warwickshire-police',
    'coventry-warwickshire-icb',
  ],
};

/** Each decision at the agenda item it was taken under, dated to its meeting. */
export async function loadDecisions(client: DemoClient, data: DemoData): Promise<void> {
  for (const m of data.meetings) {
    for (const item of m.items) {
      for (const d of item.decisions) {
        const conditions = d.conditions?.map((text, i) => ({ conditionId: `c${i + 1}`, text }));
        const responsible = RESPONSIBLE[d.id];
        const body = {
          decisionId: d.id,
          meetingId: m.id,
          itemNumber: itemNumberOf(item.number),
          outcome: d.outcome,
          text: d.text,
          ...(conditions?.length ? { conditions } : {}),
          ...(d.amountPence !== undefined ? { budgetPence: d.amountPence } : {}),
          ...(responsible ? { responsiblePartnerIds: [...responsible] } : {}),
          occurredAt: at(m.date),
        };
        await client.post(businessManagerFor(m.boardId), '/decisions', body, `demo:decision:${d.id}:record`);
      }
    }
  }
}
