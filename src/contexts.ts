import type { Type } from '@nestjs/common';
import { ActionsModule } from './actions/actions.module';
import { AssuranceModule } from './assurance/assurance.module';
import { CaseReviewsModule } from './case-reviews/case-reviews.module';
import { DecisionsModule } from './decisions/decisions.module';
import { DigestsModule } from './ledger/digests/digests.module';
import { EscalationsModule } from './escalations/escalations.module';
import { EvidenceModule } from './evidence/evidence.module';
import { ForwardPlanModule } from './forward-plan/forward-plan.module';
import { InspectionsModule } from './inspections/inspections.module';
import { RisksModule } from './risks/risks.module';
import { FundingModule } from './funding/funding.module';
import { MeetingsModule } from './meetings/meetings.module';
import { PartnersModule } from './partners/partners.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ProjectionsModule } from './read-models/projections.module';
import { SignoffsModule } from './signoffs/signoffs.module';

/** One Nest module per bounded context (each registers its command slices), then the read side. */
export const CONTEXT_MODULES: Type[] = [
  PartnersModule,
  MeetingsModule,
  DecisionsModule,
  SignoffsModule,
  ActionsModule,
  EscalationsModule,
  CaseReviewsModule,
  InspectionsModule,
  AssuranceModule,
  RisksModule,
  ForwardPlanModule,
  FundingModule,
  ProjectionsModule,
  DigestsModule,
  EvidenceModule,
  PrivacyModule,
];
