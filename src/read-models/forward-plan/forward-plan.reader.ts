import {
  FORWARD_PLAN_KEY_PREFIX,
  forwardPlanKey,
  type ForwardPlanDoc,
} from '../../../projections/forward-plan/forward-plan-doc';
import { forwardPlanProjection } from '../../../projections/forward-plan/forward-plan.projection';
import {
  matchingView,
  view,
  type ForwardPlanQuery,
  type ForwardPlanView,
} from '../../../projections/forward-plan/forward-plan.queries';
import type { RecordHistoryEntry } from '../../../projections/partners/record-history';
import { documentPage, type Page } from '../../http/cursor-page';
import { NotFound } from '../../shared/domain-errors';
import type { ReadModelView } from '../as-of/as-of-answer';
import type { StreamSpec } from '../sse/projection-streams';

const NAME = forwardPlanProjection.name;

/** Reads the forward plan from the live store or an as-of view (the same get/scan calls). */
export class ForwardPlanReader {
  constructor(private readonly store: ReadModelView) {}

  list(query: ForwardPlanQuery, limit: number, cursor?: string): Page<ForwardPlanView> {
    return documentPage<ForwardPlanDoc, ForwardPlanView>(
      this.store,
      NAME,
      FORWARD_PLAN_KEY_PREFIX,
      { limit, cursor },
      (doc) => matchingView(doc, query),
    );
  }

  get(itemId: string): ForwardPlanView {
    return view(this.record(itemId));
  }

  history(itemId: string): { itemId: string; entries: RecordHistoryEntry[] } {
    return { itemId, entries: this.record(itemId).history };
  }

  private record(itemId: string): ForwardPlanDoc {
    const doc = this.store.get<ForwardPlanDoc>(NAME, forwardPlanKey(itemId));
    if (!doc?.exists) throw new NotFound('Forward plan item', itemId);
    return doc;
  }
}

/** Each item as it is applied. */
export const forwardPlanDocuments: StreamSpec<ForwardPlanDoc> = {
  projection: forwardPlanProjection,
  select: (_key, doc) => (doc.exists ? { type: 'forward-plan-item', data: view(doc) } : undefined),
};
