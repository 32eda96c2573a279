import { demoInspections, type DemoInspection } from '../data/inspections';
import { businessManagerFor } from './actors';
import type { DemoClient } from './demo-client';
import { at } from './mappings';

/**
 * Inspections (demo/data/inspections.ts): the business manager records each inspection on the day
 * its report was taken, then its recommendations with the update date the source gives and the
 * linked actions, then any progress the source records at that meeting as an update of that day
 * (no RAG: the sources give none). Loaded after the actions, which the recommendations cite.
 */
export async function loadInspections(client: DemoClient, inspections: DemoInspection[] = demoInspections) {
  const manager = businessManagerFor('wseb');
  for (const i of inspections) {
    const occurredAt = at(i.recordedOn);
    const key = `demo:inspection:${i.id}`;
    await client.post(
      manager,
      '/inspections',
      {
        inspectionId: i.id,
        body: i.body,
        title: i.title,
        fieldworkFrom: i.fieldworkFrom,
        fieldworkTo: i.fieldworkTo,
        publishedOn: i.publishedOn,
        reportReference: i.reportReference,
        partnerIds: i.partnerIds,
        monitoredBy: i.monitoredBy,
        occurredAt,
      },
      key,
    );
    const due = i.nextUpdateDue ? { nextUpdateDue: i.nextUpdateDue } : {};
    for (const r of i.recommendations) {
      const path = `/inspections/${i.id}/recommendations`;
      const body = { recommendationId: r.id, kind: 'recommendation', ownerPartnerId: i.partnerIds[0], text: r.text };
      await client.post(manager, path, { ...body, actionIds: i.actionIds, ...due, occurredAt }, `${key}:${r.id}`);
      if (r.progress === undefined) continue;
      await client.post(
        manager,
        `${path}/${r.id}/updates`,
        { updatedOn: i.recordedOn, summary: r.progress, ...due, occurredAt },
        `${key}:${r.id}:update:${i.recordedOn}`,
      );
    }
  }
}
