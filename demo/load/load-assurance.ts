import type { DemoData } from '../data';
import { businessManagerFor } from './actors';
import type { DemoClient } from './demo-client';
import { at } from './mappings';

const COLLECTION = { 'thematic-review': '/thematic-reviews', 'multi-agency-audit': '/multi-agency-audits' } as const;
const ID_FIELD = { 'thematic-review': 'thematicReviewId', 'multi-agency-audit': 'auditId' } as const;

/**
 * Thematic reviews and multi-agency audits: the business manager of each record's board enters its
 * steps in order. Loaded after the meetings' actions, which the partners' plans hold.
 */
export async function loadAssurance(client: DemoClient, data: DemoData): Promise<void> {
  for (const record of data.assuranceRecords) {
    const actor = businessManagerFor(record.boardId);
    const base = COLLECTION[record.kind];
    for (const [n, step] of record.steps.entries()) {
      const url = step.path === '' ? base : `${base}/${record.id}/${step.path}`;
      const body = {
        ...(step.path === '' ? { [ID_FIELD[record.kind]]: record.id } : {}),
        ...step.body,
        occurredAt: at(step.on),
      };
      await client.post(actor, url, body, `demo:assurance:${record.id}:${n}`);
    }
  }
}
