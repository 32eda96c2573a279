import { AuditsAsOfController } from './audits-as-of.controller';
import { AuditsController } from './audits.controller';
import { ThematicReviewsAsOfController } from './thematic-reviews-as-of.controller';
import { ThematicReviewsController } from './thematic-reviews.controller';

/** The assurance registers' read endpoints, live and as-of, for the read-model module to list in one line. */
export const ASSURANCE_CONTROLLERS = [
  ThematicReviewsController,
  ThematicReviewsAsOfController,
  AuditsController,
  AuditsAsOfController,
];
