import { CaseReview, type CaseReviewEvent } from '../../src/case-reviews';
import type { DecodedEvent } from '../../src/ledger/event-registry';
import { stampOf } from '../partners/record-history';
import { citedRecordRegister } from '../record-register';
import { subscribe, type SubscribedProjection } from '../subscription';
import { CASE_REVIEW_KEY_PREFIX, type CaseReviewDoc } from './case-review-doc';

const reviews = subscribe(CaseReview, {
  'case-review-opened': 'handled',
  'national-panel-notified': 'handled',
  'rapid-review-completed': 'handled',
  'panel-response-recorded': 'handled',
  'review-commissioning-decided': 'handled',
  'reviewer-appointed': 'handled',
  'review-draft-received': 'handled',
  'review-signoff-linked': 'handled',
  'publication-delayed': 'handled',
  'review-published': 'handled',
  'review-finding-recorded': 'handled',
  'finding-action-linked': 'handled',
  'learning-briefing-drafted': 'handled',
  'learning-briefing-held': 'handled',
  'learning-briefing-published': 'handled',
});

const newReview = (caseReviewId: string): CaseReviewDoc => ({
  caseReviewId,
  exists: false,
  title: '',
  dataSubjects: [],
  panelResponses: [],
  drafts: [],
  signoffIds: [],
  delays: [],
  findings: [],
  briefings: [],
  citedBy: [],
  revision: -1,
  history: [],
});

type Change = [Partial<CaseReviewDoc>, string];

/** What one event changes, and its history line (never a personal value: names stay sealed in the ledger). */
function change(doc: CaseReviewDoc, event: DecodedEvent<CaseReviewEvent>): Change {
  switch (event.type) {
    case 'case-review-opened': {
      const { type, title, awareOn, boardId, dataSubjects = [] } = event.data;
      const subjects = dataSubjects.map(({ subjectId, relation }) => ({ subjectId, relation }));
      const opened = { exists: true, type, openedAs: type, title, awareOn, dataSubjects: subjects };
      return [{ ...opened, ...(boardId ? { boardId } : {}), registered: stampOf(event) }, `Opened ${title} (${type})`];
    }
    case 'national-panel-notified':
      return [{ notifiedOn: event.data.notifiedOn }, `National Panel notified on ${event.data.notifiedOn}`];
    case 'rapid-review-completed': {
      const { completedOn, outcome, recommendsCspr } = event.data;
      const said = recommendsCspr ? 'recommends a CSPR' : 'does not recommend a CSPR';
      return [
        { rapidReview: { completedOn, outcome, recommendsCspr } },
        `Rapid review completed on ${completedOn}: ${said}`,
      ];
    }
    case 'panel-response-recorded': {
      const { respondedOn, response, summary } = event.data;
      return [
        { panelResponses: [...doc.panelResponses, { respondedOn, response, summary }] },
        `National Panel: ${response}`,
      ];
    }
    case 'review-commissioning-decided': {
      const { decidedOn, commission, reasons } = event.data;
      const type = doc.type === 'rapid-review' && commission ? 'cspr' : doc.type;
      return [
        { commissioning: { decidedOn, commission, reasons }, type },
        commission ? 'Review commissioned' : 'No review commissioned',
      ];
    }
    case 'reviewer-appointed': {
      const { appointedOn, reviewer, termsOfReference } = event.data;
      return [{ reviewer: { appointedOn, reviewer, termsOfReference } }, `Reviewer appointed: ${reviewer}`];
    }
    case 'review-draft-received': {
      const { version, receivedOn, contentHash } = event.data;
      return [{ drafts: [...doc.drafts, { version, receivedOn, contentHash }] }, `Draft ${version} received`];
    }
    case 'review-signoff-linked':
      return [{ signoffIds: [...doc.signoffIds, event.data.signoffId] }, `Sign-off ${event.data.signoffId} linked`];
    case 'publication-delayed': {
      const { delayedOn, reason, detail, reviewOn } = event.data;
      return [
        { delays: [...doc.delays, { delayedOn, reason, detail, reviewOn }] },
        `Publication delayed (${reason}) until review on ${reviewOn}`,
      ];
    }
    case 'review-published': {
      const { publishedOn, signoffId, url } = event.data;
      return [{ publication: { publishedOn, signoffId, ...(url ? { url } : {}) } }, `Published on ${publishedOn}`];
    }
    case 'review-finding-recorded': {
      const { findingId, kind, text, actionIds } = event.data;
      return [{ findings: [...doc.findings, { findingId, kind, text, actionIds }] }, `${kind} ${findingId} recorded`];
    }
    case 'finding-action-linked': {
      const { findingId, actionId } = event.data;
      const findings = doc.findings.map((f) =>
        f.findingId === findingId ? { ...f, actionIds: [...f.actionIds, actionId] } : f,
      );
      return [{ findings }, `Action ${actionId} answers ${findingId}`];
    }
    case 'learning-briefing-drafted': {
      const { briefingId, format, title } = event.data;
      const entry = { briefingId, format, title, status: 'draft' as const, disseminatedTo: [] };
      return [{ briefings: [...doc.briefings, entry] }, `${format} briefing ${briefingId} drafted`];
    }
    case 'learning-briefing-held': {
      const { briefingId, reason } = event.data;
      return [briefing(doc, briefingId, { status: 'on-hold', heldReason: reason }), `Briefing ${briefingId} on hold`];
    }
    case 'learning-briefing-published': {
      const { briefingId, publishedOn, disseminatedTo } = event.data;
      return [
        briefing(doc, briefingId, { status: 'published', publishedOn, disseminatedTo }),
        `Briefing ${briefingId} published to ${disseminatedTo.join(', ')}`,
      ];
    }
  }
}

const briefing = (doc: CaseReviewDoc, briefingId: string, to: Partial<CaseReviewDoc['briefings'][number]>) => ({
  briefings: doc.briefings.map((b) => (b.briefingId === briefingId ? { ...b, ...to } : b)),
});

/** The case review register: one document per review, its facts as recorded (deadlines are measured on read). */
export const caseReviewsProjection: SubscribedProjection<CaseReviewDoc> = citedRecordRegister(reviews, {
  name: 'case-reviews',
  // 2: citedBy (issue 16, traceability).
  version: 2,
  id: 'caseReviewId',
  keyPrefix: CASE_REVIEW_KEY_PREFIX,
  newDoc: newReview,
  change,
  root: 'case-review',
});
