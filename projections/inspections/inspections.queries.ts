import type { InspectionBody, RagStatus } from '../../src/inspections';
import type { Citation } from '../citations/citations';
import type { InspectionDoc, RecommendationEntry } from './inspection-doc';

export const RECOMMENDATION_STATUSES = ['open', 'closed'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** A recommendation read at a measuring date: open or closed then, the update due then, overdue or not. */
export type RecommendationView = RecommendationEntry & {
  status: RecommendationStatus;
  /** The update due at the measuring date: set by the latest update given by then, else the first. */
  nextUpdateDue?: string;
  /** Open, with that due date before the measuring date: the update was missed. */
  overdue: boolean;
  rag?: RagStatus;
  /** The inspection's citedBy that cite this recommendation (only that of what each serves). */
  citedBy: Citation[];
};

export type InspectionView = Omit<InspectionDoc, 'exists' | 'history' | 'recommendations'> & {
  measuredOn: string;
  recommendations: RecommendationView[];
  counts: { open: number; overdue: number; closed: number };
};

/** Ledger order is not business order (an update can be keyed late): sorted by date, stable. */
const byDate = <T>(items: T[], dateOf: (t: T) => string) =>
  items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (dateOf(a.item) < dateOf(b.item) ? -1 : dateOf(a.item) > dateOf(b.item) ? 1 : a.i - b.i))
    .map(({ item }) => item);

/** What of the inspection's citations serves this recommendation. */
function citing(citedBy: Citation[], recommendationId: string): Citation[] {
  const serving = (c: Citation) =>
    c.serves.filter((s) => s.kind === 'inspection-recommendation' && s.id === recommendationId);
  return citedBy.flatMap((c) => (serving(c).length > 0 ? [{ ...c, serves: serving(c) }] : []));
}

export function measureRecommendation(
  r: RecommendationEntry,
  on: string,
  citedBy: Citation[] = [],
): RecommendationView {
  const closed = r.closure !== undefined && r.closure.closedOn <= on;
  const lastUpdate = byDate(
    r.updates.filter((u) => u.updatedOn <= on),
    (u) => u.updatedOn,
  ).at(-1);
  const nextUpdateDue = lastUpdate ? lastUpdate.nextUpdateDue : r.firstUpdateDue;
  const rag = byDate(
    r.ragHistory.filter((h) => h.on <= on),
    (h) => h.on,
  ).at(-1)?.rag;
  return {
    ...r,
    status: closed ? 'closed' : 'open',
    ...(nextUpdateDue && !closed ? { nextUpdateDue } : {}),
    overdue: !closed && nextUpdateDue !== undefined && nextUpdateDue < on,
    ...(rag ? { rag } : {}),
    citedBy: citing(citedBy, r.recommendationId),
  };
}

export function measure(doc: InspectionDoc, on: string): InspectionView {
  const { exists: _exists, history: _history, recommendations, ...facts } = doc;
  const views = recommendations.map((r) => measureRecommendation(r, on, doc.citedBy));
  return {
    ...facts,
    measuredOn: on,
    recommendations: views,
    counts: {
      open: views.filter((r) => r.status === 'open').length,
      overdue: views.filter((r) => r.overdue).length,
      closed: views.filter((r) => r.status === 'closed').length,
    },
  };
}

/**
 * What a reader can ask the register for; every filter given must match (AND). body and
 * inspectedPartnerId pick inspections; ownerPartnerId, status and overdue pick recommendations:
 * when any of those is given, an inspection is listed with its matching recommendations only, and
 * not at all when none matches.
 */
export interface InspectionsQuery {
  measuredOn: string;
  body?: InspectionBody;
  inspectedPartnerId?: string;
  ownerPartnerId?: string;
  status?: RecommendationStatus;
  overdue?: boolean;
}

export function matchingView(doc: InspectionDoc, q: InspectionsQuery): InspectionView | undefined {
  if (!doc.exists) return undefined;
  if (q.body !== undefined && doc.body !== q.body) return undefined;
  if (q.inspectedPartnerId !== undefined && !doc.partnerIds.includes(q.inspectedPartnerId)) return undefined;
  const view = measure(doc, q.measuredOn);
  if (q.ownerPartnerId === undefined && q.status === undefined && q.overdue === undefined) return view;
  const recommendations = view.recommendations.filter(
    (r) =>
      (q.ownerPartnerId === undefined || r.ownerPartnerId === q.ownerPartnerId) &&
      (q.status === undefined || r.status === q.status) &&
      (q.overdue === undefined || r.overdue === q.overdue),
  );
  return recommendations.length > 0 ? { ...view, recommendations } : undefined;
}
