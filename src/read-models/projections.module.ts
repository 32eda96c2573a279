import { BeforeApplicationShutdown, Inject, Module, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { join } from 'node:path';
import type { SubscribedProjection } from '../../projections/subscription';
import { actionLogProjection } from '../../projections/action-log/action-log.projection';
import { budgetProjection } from '../../projections/budget/budget.projection';
import { decisionRegisterProjection } from '../../projections/decision-register/decision-register.projection';
import { escalationTrailProjection } from '../../projections/escalations/escalation-trail.projection';
import { boardsProjection } from '../../projections/boards/boards.projection';
import { partnersProjection } from '../../projections/partners/partners.projection';
import { peopleProjection } from '../../projections/people/people.projection';
import { meetingsProjection } from '../../projections/meetings/meetings.projection';
import { signoffsProjection } from '../../projections/signoffs/signoffs.projection';
import { protocolsProjection } from '../../projections/protocols/protocols.projection';
import { caseReviewsProjection } from '../../projections/case-reviews/case-reviews.projection';
import { CaseReviewsAsOfController } from './case-reviews/case-reviews-as-of.controller';
import { CaseReviewsController } from './case-reviews/case-reviews.controller';
import { inspectionsProjection } from '../../projections/inspections/inspections.projection';
import { forwardPlanProjection } from '../../projections/forward-plan/forward-plan.projection';
import { ForwardPlanAsOfController } from './forward-plan/forward-plan-as-of.controller';
import { ForwardPlanController } from './forward-plan/forward-plan.controller';
import { InspectionsAsOfController } from './inspections/inspections-as-of.controller';
import { InspectionsController } from './inspections/inspections.controller';
import { CaseReviewChainController } from './case-reviews/case-review-chain.controller';
import { risksProjection } from '../../projections/risks/risks.projection';
import { RisksAsOfController } from './risks/risks-as-of.controller';
import { RisksController } from './risks/risks.controller';
import { dataSubjectsProjection } from '../../projections/data-subjects/data-subjects.projection';
import { thematicReviewsProjection } from '../../projections/assurance/thematic-reviews.projection';
import { auditsProjection } from '../../projections/assurance/audits.projection';
import { ASSURANCE_CONTROLLERS } from './assurance/assurance-controllers';
import { reviewActivityProjection } from '../../projections/review-activity/review-activity.projection';
import { ReviewActivityController } from './review-activity/review-activity.controller';
import { ReviewActivityAsOfController } from './review-activity/review-activity-as-of.controller';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EVENT_STORE, type EventStore } from '../ledger/event-store.port';
import { IntegrityGate } from '../ledger/integrity/integrity-gate';
import { ActionLogController } from './action-log/action-log.controller';
import { ActionLogReader } from './action-log/action-log.reader';
import { ActionLogAsOfController } from './action-log/action-log-as-of.controller';
import { AS_OF_SOURCES, asOfEngineProvider } from './as-of/as-of.providers';
import { BudgetAsOfController } from './budget/budget-as-of.controller';
import { DecisionRegisterAsOfController } from './decision-register/decision-register-as-of.controller';
import { EscalationTrailAsOfController } from './escalations/escalation-trail-as-of.controller';
import { BudgetController } from './budget/budget.controller';
import { BudgetReader } from './budget/budget.reader';
import { DecisionRegisterController } from './decision-register/decision-register.controller';
import { DecisionRegisterReader } from './decision-register/decision-register.reader';
import { EscalationTrailController } from './escalations/escalation-trail.controller';
import { EscalationTrailReader } from './escalations/escalation-trail.reader';
import { ConditionalGetHook } from './etag/conditional-get.hook';
import { BoardsAsOfController } from './boards/boards-as-of.controller';
import { BoardsController } from './boards/boards.controller';
import { PeopleAsOfController } from './people/people-as-of.controller';
import { PeopleController } from './people/people.controller';
import { PartnersAsOfController } from './partners/partners-as-of.controller';
import { PartnersController } from './partners/partners.controller';
import { MeetingsAsOfController } from './meetings/meetings-as-of.controller';
import { MeetingsController } from './meetings/meetings.controller';
import { MeetingsReader } from './meetings/meetings.reader';
import { SignoffsAsOfController } from './signoffs/signoffs-as-of.controller';
import { SignoffsController } from './signoffs/signoffs.controller';
import { ProtocolsAsOfController } from './protocols/protocols-as-of.controller';
import { ProtocolsController } from './protocols/protocols.controller';
import { DataSubjectsController } from './data-subjects/data-subjects.controller';
import { DataSubjectsAsOfController } from './data-subjects/data-subjects-as-of.controller';
import { PROJECTION_OVERRIDES, withOverrides, type ProjectionOverrides } from './projection-overrides';
import { ProjectionRunner } from './projection-runner';
import { ReadModelStore } from './read-model-store';
import { ProjectionStreams } from './sse/projection-streams';
import { SseHeartbeat } from './sse/sse-heartbeat';

/** Every projection the runner keeps up to date (each reads aggregates' events through their codecs). */
export const PROJECTIONS: SubscribedProjection<unknown>[] = [
  actionLogProjection,
  budgetProjection,
  escalationTrailProjection,
  decisionRegisterProjection,
  partnersProjection,
  peopleProjection,
  boardsProjection,
  meetingsProjection,
  signoffsProjection,
  protocolsProjection,
  caseReviewsProjection,
  inspectionsProjection,
  risksProjection,
  forwardPlanProjection,
  dataSubjectsProjection,
  thematicReviewsProjection,
  auditsProjection,
  reviewActivityProjection,
];

export function readModelFile(config: AppConfig): string {
  return config.store === 'memory' ? ':memory:' : join(config.dataDir, 'read-models.sqlite');
}

/**
 * Read models: the SQLite read-model store, the runner that keeps it up to date from the ledger,
 * and the query and SSE endpoints. Needs LedgerModule (global) for the event store.
 */
@Module({
  controllers: [
    ActionLogController,
    ActionLogAsOfController,
    BudgetController,
    BudgetAsOfController,
    EscalationTrailController,
    EscalationTrailAsOfController,
    DecisionRegisterController,
    DecisionRegisterAsOfController,
    PartnersController,
    PartnersAsOfController,
    PeopleController,
    PeopleAsOfController,
    BoardsController,
    BoardsAsOfController,
    MeetingsController,
    MeetingsAsOfController,
    SignoffsController,
    SignoffsAsOfController,
    ProtocolsController,
    ProtocolsAsOfController,
    CaseReviewsController,
    CaseReviewsAsOfController,
    InspectionsController,
    InspectionsAsOfController,
    CaseReviewChainController,
    RisksController,
    RisksAsOfController,
    ForwardPlanController,
    ForwardPlanAsOfController,
    DataSubjectsController,
    DataSubjectsAsOfController,
    ...ASSURANCE_CONTROLLERS,
    ReviewActivityController,
    ReviewActivityAsOfController,
  ],
  providers: [
    {
      provide: ReadModelStore,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) =>
        new ReadModelStore(readModelFile(c), {
          deadlineMs: c.storeDeadlineMs,
          snapshotEvery: c.snapshotEvery,
          snapshotProjections: AS_OF_SOURCES.map((s) => s.projection.name),
        }),
    },
    {
      provide: ProjectionRunner,
      inject: [EVENT_STORE, ReadModelStore, { token: PROJECTION_OVERRIDES, optional: true }],
      useFactory: (events: EventStore, store: ReadModelStore, overrides?: ProjectionOverrides) =>
        new ProjectionRunner(events, store, withOverrides(PROJECTIONS, overrides), {
          beforeSwitchOver: overrides?.beforeSwitchOver,
        }),
    },
    {
      provide: ActionLogReader,
      inject: [ReadModelStore, EVENT_STORE],
      useFactory: (store: ReadModelStore, events: EventStore) =>
        new ActionLogReader(store, { events, upTo: () => store.checkpoint(actionLogProjection.name)?.position }),
    },
    asOfEngineProvider,
    { provide: BudgetReader, inject: [ReadModelStore], useFactory: (store: ReadModelStore) => new BudgetReader(store) },
    {
      provide: EscalationTrailReader,
      inject: [ReadModelStore],
      useFactory: (store: ReadModelStore) => new EscalationTrailReader(store),
    },
    {
      provide: DecisionRegisterReader,
      inject: [ReadModelStore],
      useFactory: (store: ReadModelStore) => new DecisionRegisterReader(store),
    },
    {
      provide: MeetingsReader,
      inject: [ReadModelStore],
      useFactory: (store: ReadModelStore) => new MeetingsReader(store),
    },
    { provide: SseHeartbeat, useFactory: () => new SseHeartbeat() },
    ProjectionStreams,
    ConditionalGetHook,
  ],
  exports: [ProjectionRunner],
})
export class ProjectionsModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(ReadModelStore) private readonly store: ReadModelStore,
    @Optional() private readonly gate?: IntegrityGate,
  ) {}

  /** After the ledger's start-up check: read models ahead of the head it read are rebuilt (and reported to the gate). */
  async onApplicationBootstrap(): Promise<void> {
    const ledger = await this.gate?.ready();
    if (ledger?.read) this.gate!.noteReadModelsAhead(this.runner.resetAhead(ledger.head?.position));
    this.runner.start();
  }

  /**
   * Before (not on) shutdown: LedgerModule closes the event store in onApplicationShutdown, and the
   * runner must have closed its subscriptions and committed its last batch by then.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    this.store.close();
  }
}
