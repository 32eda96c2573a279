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
