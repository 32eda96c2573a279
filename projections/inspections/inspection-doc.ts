import type { EvidenceReference, InspectionBody, RagStatus, RecommendationKind } from '../../src/inspections';
import type { Citation } from '../citations/citations';
import type { RecordTrail, Stamp } from '../partners/record-history';

export interface RecommendationUpdate {
  updatedOn: string;
  summary: string;
  rag?: RagStatus;
  /** The update after this one is due by then (none: no further update was asked for). */
  nextUpdateDue?: string;
  dueWithinMonths?: number;
}

/** One RAG status as set: with a progress update, or on its own with a reason. */
export interface RagEntry {
  on: string;
  rag: RagStatus;
  setBy: 'update' | 'review';
  reason?: string;
}

export interface RecommendationEntry {
  recommendationId: string;
  kind: RecommendationKind;
  ownerPartnerId: string;
  text: string;
  /** The action plan: tracked actions (GET /actions/{actionId}). */
  actionIds: string[];
  /** The first update's due date (e.g. six months from publication). */
  firstUpdateDue?: string;
  dueWithinMonths?: number;
  updates: RecommendationUpdate[];
  ragHistory: RagEntry[];
  closure?: { closedOn: string; summary: string; evidence: EvidenceReference[] };
}

/**
 * One inspection as recorded, with its recommendations. Whether one is overdue is not stored: it
 * depends on the day it is read at, so the read side measures it (inspections.queries.ts).
 */
export interface InspectionDoc extends RecordTrail {
  inspectionId: string;
  exists: boolean;
  body?: InspectionBody;
  bodyName?: string;
  title: string;
  fieldworkFrom?: string;
  fieldworkTo?: string;
  publishedOn?: string;
  reportReference?: string;
  reportUrl?: string;
  partnerIds: string[];
  monitoredBy?: string;
  recommendations: RecommendationEntry[];
  /** What came of it: the actions, decisions and sign-offs citing it or one of its recommendations (serves). */
  citedBy: Citation[];
  lastChange?: Stamp;
}

export const INSPECTION_KEY_PREFIX = 'inspection:';
export const inspectionKey = (inspectionId: string) => `${INSPECTION_KEY_PREFIX}${inspectionId}`;
