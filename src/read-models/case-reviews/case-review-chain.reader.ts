import { caseReviewKey, type CaseReviewDoc } from '../../../projections/case-reviews/case-review-doc';
import { caseReviewChain, chainStreams, type ChainStep } from '../../../projections/case-reviews/case-review-chain';
import { caseReviewsProjection } from '../../../projections/case-reviews/case-reviews.projection';
import { Action } from '../../actions';
import { Decision } from '../../decisions';
import type { StoredEvent } from '../../ledger/event-envelope';
import type { EventStore } from '../../ledger/event-store.port';
import { streamName } from '../../ledger/stream-name';
import { NotFound } from '../../shared/domain-errors';
import { Signoff } from '../../signoffs';
import type { ReadModelView } from '../as-of/as-of-answer';

export interface CaseReviewChain {
  caseReviewId: string;
  title: string;
  type: string;
  steps: ChainStep[];
}

/**
 * A case review's whole chain in one answer: the review as the register holds it (live, or as of a
 * past point) and, read from the ledger, the linked and citing sign-offs, decisions and actions, up to
 * the same point (`include`), so the two halves never describe different moments.
 */
export class CaseReviewChainReader {
  constructor(private readonly events: Pick<EventStore, 'readStream'>) {}

  async chain(
    view: ReadModelView,
    caseReviewId: string,
    include: (e: StoredEvent) => boolean,
  ): Promise<CaseReviewChain> {
    const doc = view.get<CaseReviewDoc>(caseReviewsProjection.name, caseReviewKey(caseReviewId));
    if (!doc?.exists) throw new NotFound('Case review', caseReviewId);
    const { signoffs, actions, decisions } = chainStreams(doc);
    const streams = [
      ...signoffs.map((id) => streamName(Signoff.category, id)),
      ...decisions.map((id) => streamName(Decision.category, id)),
      ...actions.map((id) => streamName(Action.category, id)),
    ];
    const related = (await Promise.all(streams.map((s) => this.events.readStream(s)))).flat().filter(include);
    return { caseReviewId, title: doc.title, type: doc.type!, steps: caseReviewChain(doc, related) };
  }
}
