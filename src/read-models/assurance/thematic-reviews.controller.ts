import { registryController } from '../registry/registry.controller';
import { assuranceQuery, THEMATIC_REVIEWS, thematicReviewDocuments } from './assurance-models';
import { AssuranceQueryDto } from './assurance-query.dto';
import { ThematicReviewDto, ThematicReviewHistoryDto, ThematicReviewPageDto } from './assurance-responses.dto';

/** The thematic reviews register, as the projection has applied it (eventually consistent with the ledger). */
export const ThematicReviewsController = registryController({
  name: 'ThematicReviewsController',
  tag: 'thematic-reviews',
  path: 'thematic-reviews',
  idParam: 'thematicReviewId',
  model: THEMATIC_REVIEWS,
  query: { dto: AssuranceQueryDto, filters: assuranceQuery },
  notFound: 'thematic-review-not-found',
  list: {
    operationId: 'listThematicReviews',
    summary: "Thematic reviews with each partner's plan and what came of each finding; filter open or by partner",
    type: ThematicReviewPageDto,
  },
  stream: {
    operationId: 'streamThematicReviews',
    summary:
      'Server-Sent Events: each thematic review as it is applied (event "thematic-review", id = ledger position)',
    events: { 'thematic-review': ThematicReviewDto },
    documents: thematicReviewDocuments,
  },
  get: {
    operationId: 'getThematicReview',
    summary: "One thematic review: its findings and the partners each went to, every partner's plan and progress",
    type: ThematicReviewDto,
  },
  history: {
    operationId: 'getThematicReviewHistory',
    summary: "The review's events in ledger order: what, when, who, where to verify it",
    type: ThematicReviewHistoryDto,
  },
});
