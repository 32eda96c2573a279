import { FORWARD_PLAN_KEY_PREFIX, type ForwardPlanDoc } from '../../../projections/forward-plan/forward-plan-doc';
import { forwardPlanProjection } from '../../../projections/forward-plan/forward-plan.projection';
import { matchingView, view, type ForwardPlanQuery } from '../../../projections/forward-plan/forward-plan.queries';
import type { ReadModelView } from '../as-of/as-of-answer';
import { RecordReader, type RegistryModel } from '../registry/record-reader';
import type { StreamSpec } from '../sse/projection-streams';

/** The forward plan on the shared registry reader (list, one item, history) from the live store or an as-of view. */
export const FORWARD_PLAN: RegistryModel<ForwardPlanDoc, ForwardPlanQuery> = {
  projection: forwardPlanProjection.name,
  prefix: FORWARD_PLAN_KEY_PREFIX,
  what: 'Forward plan item',
  matches: (doc, query) => matchingView(doc, query) !== undefined,
};

/** The plan's reader over the live store or an as-of view. */
export const forwardPlanReader = (store: ReadModelView) => new RecordReader(FORWARD_PLAN, store);

/** Each item as it is applied. */
export const forwardPlanDocuments: StreamSpec<ForwardPlanDoc> = {
  projection: forwardPlanProjection,
  select: (_key, doc) => (doc.exists ? { type: 'forward-plan-item', data: view(doc) } : undefined),
};
