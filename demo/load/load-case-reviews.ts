import type { DemoData } from '../data';
import { businessManagerFor } from './actors';
import type { DemoClient } from './demo-client';
import { artefactHash, at } from './mappings';

/**
 * Case reviews: the business manager of each review's board records its lifecycle step by step.
 * Loaded after the meetings' sign-offs and actions, which the reviews link and name in findings.
 * A draft's content hash is derived like a sign-off artefact's (the documents give no text to hash).
 */
export async function loadCaseReviews(client: DemoClient, data: DemoData): Promise<void> {
  for (const review of data.caseReviews) {
    const actor = businessManagerFor(review.boardId);
    for (const [n, step] of review.steps.entries()) {
      const url = step.path === '' ? '/case-reviews' : `/case-reviews/${review.id}/${step.path}`;
      const body: Record<string, unknown> = {
        ...(step.path === '' ? { caseReviewId: review.id } : {}),
        ...step.body,
        ...(step.path === 'drafts' ? { contentHash: artefactHash(review.id, String(step.body.version)) } : {}),
        occurredAt: at(step.on),
      };
      await client.post(actor, url, body, `demo:case-review:${review.id}:${n}`);
    }
  }
}

/**
 * A year's review activity as the annual report states it (issue 17): the counts and their citations,
 * recorded as stated (a figure given differently elsewhere in the report kept beside the total), never
 * as invented case-review records. Recorded by the board's business manager on the day it was reported.
 */
export async function loadReviewActivity(client: DemoClient, data: DemoData): Promise<void> {
  for (const { id, notes, reportedOn, ...activity } of data.reviewActivity) {
    const body = { activityId: id, ...activity, notes: notes ?? [], occurredAt: at(reportedOn) };
    await client.post(businessManagerFor(activity.boardId), '/review-activity', body, `demo:review-activity:${id}`);
  }
}
