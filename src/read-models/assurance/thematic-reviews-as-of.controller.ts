import { registryAsOfController } from '../registry/registry-as-of.controller';
import { assuranceQuery, THEMATIC_REVIEWS } from './assurance-models';
import { AsOfAssuranceQueryDto } from './assurance-query.dto';
import {
  ThematicReviewAsOfDto,
  ThematicReviewHistoryAsOfDto,
  ThematicReviewPageAsOfDto,
} from './assurance-responses.dto';

/** The thematic reviews register as it stood at a past point of the log (knownAt) and business date (validAt). */
export const ThematicReviewsAsOfController = registryAsOfController({
  name: 'ThematicReviewsAsOfController',
  tag: 'thematic-reviews',
  path: 'thematic-reviews',
  idParam: 'thematicReviewId',
  model: THEMATIC_REVIEWS,
  query: { dto: AsOfAssuranceQueryDto, filters: assuranceQuery },
  notFound: 'thematic-review-not-found: no such review had been opened by then',
  list: {
    operationId: 'listThematicReviewsAsOf',
    summary:
      'The thematic reviews as known at knownAt (recording time) and true at validAt (business time); same filters and paging as listThematicReviews',
    type: ThematicReviewPageAsOfDto,
  },
  get: {
    operationId: 'getThematicReviewAsOf',
    summary: 'One thematic review as known at knownAt and true at validAt',
    type: ThematicReviewAsOfDto,
  },
  history: {
    operationId: 'getThematicReviewHistoryAsOf',
    summary: "The review's history as known at knownAt, of what had happened by validAt",
    type: ThematicReviewHistoryAsOfDto,
  },
});
