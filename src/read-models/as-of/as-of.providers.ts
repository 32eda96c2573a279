import type { Provider } from '@nestjs/common';
import { actionLogProjection } from '../../../projections/action-log/action-log.projection';
import { budgetProjection } from '../../../projections/budget/budget.projection';
import { decisionRegisterProjection } from '../../../projections/decision-register/decision-register.projection';
import { escalationTrailProjection } from '../../../projections/escalations/escalation-trail.projection';
import { boardsProjection } from '../../../projections/boards/boards.projection';
import { partnersProjection } from '../../../projections/partners/partners.projection';
import { peopleProjection } from '../../../projections/people/people.projection';
import { meetingsProjection } from '../../../projections/meetings/meetings.projection';
import { signoffsProjection } from '../../../projections/signoffs/signoffs.projection';
import { protocolsProjection } from '../../../projections/protocols/protocols.projection';
import { dataSubjectsProjection } from '../../../projections/data-subjects/data-subjects.projection';
import { caseReviewsProjection } from '../../../projections/case-reviews/case-reviews.projection';
import { inspectionsProjection } from '../../../projections/inspections/inspections.projection';
import { thematicReviewsProjection } from '../../../projections/assurance/thematic-reviews.projection';
import { auditsProjection } from '../../../projections/assurance/audits.projection';
import { risksProjection } from '../../../projections/risks/risks.projection';
import { forwardPlanProjection } from '../../../projections/forward-plan/forward-plan.projection';
import { categoriesOf, type SubscribedProjection } from '../../../projections/subscription';
import { EVENT_STORE, type EventStore } from '../../ledger/event-store.port';
import { ReadModelStore } from '../read-model-store';
import { AsOfEngine, type AsOfSource } from './as-of-engine';

const source = (projection: SubscribedProjection<unknown>): AsOfSource => ({
  projection,
  filter: { streamCategories: categoriesOf(projection) },
});

/**
 * Projections that answer as-of queries. The filter (the categories the projection subscribes to)
 * lets SQLite skip, without parsing them, events of streams the projection never reads (a shorter
 * replay per answer). A new projection adds one entry here (and an as-of endpoint over its reader).
 */
export const AS_OF_SOURCES: AsOfSource[] = [
  source(actionLogProjection),
  // Years from budget streams, and partner names to label them as they were then.
  source(budgetProjection),
  source(decisionRegisterProjection),
  source(escalationTrailProjection),
  source(partnersProjection),
  source(peopleProjection),
  source(boardsProjection),
  source(meetingsProjection),
  source(signoffsProjection),
  source(protocolsProjection),
  source(caseReviewsProjection),
  source(inspectionsProjection),
  source(risksProjection),
  source(forwardPlanProjection),
  source(dataSubjectsProjection),
  source(thematicReviewsProjection),
  source(auditsProjection),
];

export const asOfEngineProvider: Provider = {
  provide: AsOfEngine,
  inject: [EVENT_STORE, ReadModelStore],
  useFactory: (events: EventStore, store: ReadModelStore) => new AsOfEngine(events, store, AS_OF_SOURCES),
};
