import type { RiskCategory } from '../../src/risks';
import type { RiskControl, RiskDoc, RiskEscalation, RiskReview, RiskScore } from './risk-doc';

export const RISK_STATUSES = ['open', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/**
 * A risk read at a measuring date: its score then and the scores before it, the controls in force,
 * the reviews and escalations by then, the review due then, and whether that review was missed.
 */
export type RiskView = Omit<RiskDoc, 'exists' | 'history' | 'scores' | 'controls' | 'reviews' | 'escalations'> & {
  measuredOn: string;
  status: RiskStatus;
  likelihood: number;
  impact: number;
  score: number;
  /** Every scoring up to the measuring date, oldest first; the last is the current score. */
  scores: RiskScore[];
  controls: (RiskControl & { inForce: boolean })[];
  reviews: RiskReview[];
  escalations: RiskEscalation[];
  /** The review due at the measuring date: set by the latest review by then, else when the risk was recorded. */
  nextReviewDue?: string;
  /** Open, with that review due before the measuring date: the review was missed. */
  reviewOverdue: boolean;
};

/** Ledger order is not business order (a score can be keyed late): sorted by date, stable. */
const byDate = <T>(items: T[], dateOf: (t: T) => string): T[] =>
  items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (dateOf(a.item) < dateOf(b.item) ? -1 : dateOf(a.item) > dateOf(b.item) ? 1 : a.i - b.i))
    .map(({ item }) => item);

export function measure(doc: RiskDoc, on: string): RiskView {
  const { exists: _e, history: _h, scores, controls, reviews, escalations, closure, ...facts } = doc;
  const closed = closure !== undefined && closure.closedOn <= on;
  const scored = byDate(
    scores.filter((s) => s.scoredOn <= on),
    (s) => s.scoredOn,
  );
  // Read before the risk was identified, it shows the score it was recorded with.
  const current = scored.at(-1) ?? scores[0];
  const reviewed = byDate(
    reviews.filter((r) => r.reviewedOn <= on),
    (r) => r.reviewedOn,
  );
  const lastReview = reviewed.at(-1);
  const nextReviewDue = lastReview ? lastReview.nextReviewDue : doc.firstReviewDue;
  return {
    ...facts,
    ...(closed ? { closure } : {}),
    measuredOn: on,
    status: closed ? 'closed' : 'open',
    likelihood: current.likelihood,
    impact: current.impact,
    score: current.score,
    scores: scored.length > 0 ? scored : [current],
    controls: controls
      .filter((c) => c.addedOn <= on)
      .map((c) => ({ ...c, inForce: c.removedOn === undefined || c.removedOn > on })),
    reviews: reviewed,
    escalations: escalations.filter((e) => e.escalatedOn <= on),
    ...(nextReviewDue && !closed ? { nextReviewDue } : {}),
    reviewOverdue: !closed && nextReviewDue !== undefined && nextReviewDue < on,
  };
}

/** What a reader can ask the register for; every filter given must match (AND). */
export interface RisksQuery {
  measuredOn: string;
  ownerPartnerId?: string;
  category?: RiskCategory;
  status?: RiskStatus;
  overdue?: boolean;
}

export function matchingView(doc: RiskDoc, q: RisksQuery): RiskView | undefined {
  if (!doc.exists) return undefined;
  if (q.ownerPartnerId !== undefined && doc.ownerPartnerId !== q.ownerPartnerId) return undefined;
  if (q.category !== undefined && doc.category !== q.category) return undefined;
  const view = measure(doc, q.measuredOn);
  if (q.status !== undefined && view.status !== q.status) return undefined;
  if (q.overdue !== undefined && view.reviewOverdue !== q.overdue) return undefined;
  return view;
}
