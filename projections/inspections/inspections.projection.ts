import { Inspection, type InspectionEvent } from '../../src/inspections';
import type { DecodedEvent } from '../../src/ledger/event-registry';
import { stampOf } from '../partners/record-history';
import { citedRecordRegister } from '../record-register';
import { subscribe, type SubscribedProjection } from '../subscription';
import { INSPECTION_KEY_PREFIX, type InspectionDoc, type RecommendationEntry } from './inspection-doc';

const inspections = subscribe(Inspection, {
  'inspection-recorded': 'handled',
  'inspection-recommendation-recorded': 'handled',
  'recommendation-action-linked': 'handled',
  'recommendation-update-recorded': 'handled',
  'recommendation-rag-set': 'handled',
  'recommendation-closed': 'handled',
});

const newInspection = (inspectionId: string): InspectionDoc => ({
  inspectionId,
  exists: false,
  title: '',
  partnerIds: [],
  recommendations: [],
  citedBy: [],
  revision: -1,
  history: [],
});

type Change = [Partial<InspectionDoc>, string];

const withRecommendation = (
  doc: InspectionDoc,
  recommendationId: string,
  to: (r: RecommendationEntry) => RecommendationEntry,
): Partial<InspectionDoc> => ({
  recommendations: doc.recommendations.map((r) => (r.recommendationId === recommendationId ? to(r) : r)),
});

/** What one event changes, and its history line. */
function change(doc: InspectionDoc, event: DecodedEvent<InspectionEvent>): Change {
  switch (event.type) {
    case 'inspection-recorded': {
      const { inspectionId: _id, ...recorded } = event.data;
      return [
        { ...recorded, exists: true, registered: stampOf(event) },
        `Recorded ${recorded.title} (${recorded.body})`,
      ];
    }
    case 'inspection-recommendation-recorded': {
      const { inspectionId: _i, nextUpdateDue, dueWithinMonths, ...rec } = event.data;
      const entry: RecommendationEntry = {
        ...rec,
        ...(nextUpdateDue ? { firstUpdateDue: nextUpdateDue } : {}),
        ...(dueWithinMonths ? { dueWithinMonths } : {}),
        updates: [],
        ragHistory: [],
      };
      const due = nextUpdateDue ? `, first update due ${nextUpdateDue}` : '';
      return [
        { recommendations: [...doc.recommendations, entry] },
        `${rec.kind} ${rec.recommendationId} for ${rec.ownerPartnerId}${due}`,
      ];
    }
    case 'recommendation-action-linked': {
      const { recommendationId, actionId } = event.data;
      return [
        withRecommendation(doc, recommendationId, (r) => ({ ...r, actionIds: [...r.actionIds, actionId] })),
        `Action ${actionId} added to the plan for ${recommendationId}`,
      ];
    }
    case 'recommendation-update-recorded': {
      const { inspectionId: _i, recommendationId, ...update } = event.data;
      const rag = update.rag ? [{ on: update.updatedOn, rag: update.rag, setBy: 'update' as const }] : [];
      return [
        withRecommendation(doc, recommendationId, (r) => ({
          ...r,
          updates: [...r.updates, update],
          ragHistory: [...r.ragHistory, ...rag],
        })),
        `Update on ${recommendationId} (${update.updatedOn})${update.nextUpdateDue ? `, next due ${update.nextUpdateDue}` : ''}`,
      ];
    }
    case 'recommendation-rag-set': {
      const { recommendationId, setOn, rag, reason } = event.data;
      return [
        withRecommendation(doc, recommendationId, (r) => ({
          ...r,
          ragHistory: [...r.ragHistory, { on: setOn, rag, setBy: 'review', reason }],
        })),
        `${recommendationId} set ${rag}`,
      ];
    }
    case 'recommendation-closed': {
      const { recommendationId, closedOn, summary, evidence } = event.data;
      return [
        withRecommendation(doc, recommendationId, (r) => ({ ...r, closure: { closedOn, summary, evidence } })),
        `${recommendationId} closed on ${closedOn}, citing ${evidence.map((e) => `${e.streamId}@${e.revision}`).join(', ')}`,
      ];
    }
  }
}

/** The inspections register: one document per inspection with its recommendations (overdue is measured on read). */
export const inspectionsProjection: SubscribedProjection<InspectionDoc> = citedRecordRegister(inspections, {
  name: 'inspections',
  // 2: citedBy (issue 16, traceability).
  version: 2,
  id: 'inspectionId',
  keyPrefix: INSPECTION_KEY_PREFIX,
  newDoc: newInspection,
  change,
  root: 'inspection',
});
