import { aggregateOf } from '../../ledger/aggregate';
import { unchanged, type Evolutions } from '../../shared/decider';
import { NotFound, RuleViolation, StateConflict } from '../../shared/domain-errors';
import { draftBriefing, holdBriefing, linkFindingAction, publishBriefing, recordFinding } from './case-review-learning';
import type { CaseReviewCommand, CaseReviewEvent, CaseReviewState } from './case-review.messages';

export * from './case-review.messages';

type Data<T extends CaseReviewCommand['type']> = Extract<CaseReviewCommand, { type: T }>['data'];

const initialState: CaseReviewState = {
  exists: false,
  notified: false,
  rapidReviewCompleted: false,
  reviewerAppointed: false,
  draftVersions: [],
  signoffIds: [],
  published: false,
  findings: {},
  findingKinds: {},
  briefings: {},
  dataSubjectIds: [],
};

function open(data: Data<'open-case-review'>, state: CaseReviewState): CaseReviewEvent[] {
  const { boardRegistered, ...opened } = data;
  if (state.exists) throw new StateConflict('case-review-exists', `Case review ${data.caseReviewId} is already open`);
  const ids = (opened.dataSubjects ?? []).map((s) => s.subjectId);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice)
    throw new RuleViolation('duplicate-data-subject', `Data subject ${twice} is named twice`, { subjectId: twice });
  if (opened.boardId !== undefined && !boardRegistered)
    throw new RuleViolation('board-not-registered', `Board ${opened.boardId} is not registered`);
  return [{ type: 'case-review-opened', data: opened }];
}

/** Nothing in a review's life happens before the local authority knew of the incident. */
function notBeforeAwareness(state: CaseReviewState, date: string): void {
  if (date < state.awareOn!)
    throw new RuleViolation('date-before-awareness', `${date} is before the incident was known (${state.awareOn})`);
}

function notify(data: Data<'notify-national-panel'>, state: CaseReviewState): CaseReviewEvent[] {
  if (state.type !== 'rapid-review' && state.type !== 'cspr')
    throw new RuleViolation('notification-not-applicable', `A ${state.type} is not notified to the National Panel`);
  if (state.notified) throw new StateConflict('already-notified', 'The National Panel has already been notified');
  notBeforeAwareness(state, data.notifiedOn);
  return [{ type: 'national-panel-notified', data }];
}

function completeRapidReview(data: Data<'complete-rapid-review'>, state: CaseReviewState): CaseReviewEvent[] {
  if (state.rapidReviewCompleted) throw new StateConflict('rapid-review-completed', 'The rapid review is complete');
  if (state.type !== 'rapid-review')
    throw new RuleViolation('rapid-review-not-applicable', `A ${state.type} has no rapid review`);
  if (!state.notified)
    throw new RuleViolation(
      'rapid-review-without-notification',
      'A rapid review follows the serious incident notification to the National Panel: record that first',
    );
  notBeforeAwareness(state, data.completedOn);
  return [{ type: 'rapid-review-completed', data }];
}

/** The Panel answers a rapid review (children) or a legacy serious case review it oversees; never a SAR. */
function panelResponse(data: Data<'record-panel-response'>, state: CaseReviewState): CaseReviewEvent[] {
  if (state.type === 'sar') throw new RuleViolation('panel-not-involved', 'The National Panel does not review SARs');
  if (state.type !== 'serious-case-review' && !state.rapidReviewCompleted)
    throw new RuleViolation('rapid-review-not-completed', 'The Panel responds to a completed rapid review');
  notBeforeAwareness(state, data.respondedOn);
  return [{ type: 'panel-response-recorded', data }];
}

function decideCommissioning(data: Data<'decide-commissioning'>, state: CaseReviewState): CaseReviewEvent[] {
  if (state.commissioned !== undefined)
    throw new StateConflict('commissioning-decided', 'Whether to commission a review is already decided');
  if (state.type === 'rapid-review' && !state.rapidReviewCompleted)
    throw new RuleViolation('rapid-review-not-completed', 'A CSPR is decided on after the rapid review');
  notBeforeAwareness(state, data.decidedOn);
  return [{ type: 'review-commissioning-decided', data }];
}

function commissioned(state: CaseReviewState): void {
  if (state.commissioned !== true)
    throw new RuleViolation('review-not-commissioned', 'No review has been commissioned for this case');
}

function notPublished(state: CaseReviewState): void {
  if (state.published) throw new StateConflict('review-published', 'The review is already published');
}

function receiveDraft(data: Data<'receive-draft'>, state: CaseReviewState): CaseReviewEvent[] {
  if (!state.reviewerAppointed)
    throw new RuleViolation('reviewer-not-appointed', 'Drafts come from the appointed reviewer');
  notPublished(state);
  if (state.draftVersions.includes(data.version))
    throw new StateConflict('draft-version-exists', `Draft ${data.version} is already received`);
  return [{ type: 'review-draft-received', data }];
}

function linkSignoff(data: Data<'link-signoff'>, state: CaseReviewState): CaseReviewEvent[] {
  const { signoffExists, ...link } = data;
  commissioned(state);
  if (state.draftVersions.length === 0)
    throw new RuleViolation('no-draft-received', 'Partners sign off a draft: receive one first');
  if (!signoffExists) throw new RuleViolation('signoff-not-found', `Sign-off ${link.signoffId} is not requested`);
  if (state.signoffIds.includes(link.signoffId))
    throw new StateConflict('signoff-already-linked', `Sign-off ${link.signoffId} is already linked`);
  return [{ type: 'review-signoff-linked', data: link }];
}

function delayPublication(data: Data<'delay-publication'>, state: CaseReviewState): CaseReviewEvent[] {
  commissioned(state);
  notPublished(state);
  if (data.reviewOn <= data.delayedOn)
    throw new RuleViolation('review-date-not-after-delay', 'A delay is reviewed on a later date than it was decided');
  return [{ type: 'publication-delayed', data }];
}

/** Only a report every statutory partner signed (the linked sign-off, completed) is published. */
function publish(data: Data<'publish-review'>, state: CaseReviewState): CaseReviewEvent[] {
  const { signoffCompleted, ...published } = data;
  commissioned(state);
  notPublished(state);
  if (!state.signoffIds.includes(published.signoffId))
    throw new RuleViolation('signoff-not-linked', `Sign-off ${published.signoffId} is not linked to this review`);
  if (!signoffCompleted)
    throw new RuleViolation('signoff-not-completed', `Sign-off ${published.signoffId} is not complete`);
  notBeforeAwareness(state, published.publishedOn);
  return [{ type: 'review-published', data: published }];
}

function decide(command: CaseReviewCommand, state: CaseReviewState): CaseReviewEvent[] {
  if (command.type === 'open-case-review') return open(command.data, state);
  if (!state.exists) throw new NotFound('Case review', command.data.caseReviewId);
  switch (command.type) {
    case 'notify-national-panel':
      return notify(command.data, state);
    case 'complete-rapid-review':
      return completeRapidReview(command.data, state);
    case 'record-panel-response':
      return panelResponse(command.data, state);
    case 'decide-commissioning':
      return decideCommissioning(command.data, state);
    case 'appoint-reviewer':
      commissioned(state);
      notPublished(state);
      return [{ type: 'reviewer-appointed', data: command.data }];
    case 'receive-draft':
      return receiveDraft(command.data, state);
    case 'link-signoff':
      return linkSignoff(command.data, state);
    case 'delay-publication':
      return delayPublication(command.data, state);
    case 'publish-review':
      return publish(command.data, state);
    case 'record-finding':
      return recordFinding(command.data, state);
    case 'link-finding-action':
      return linkFindingAction(command.data, state);
    case 'draft-briefing':
      return draftBriefing(command.data, state);
    case 'hold-briefing':
      return holdBriefing(command.data, state);
    case 'publish-briefing':
      return publishBriefing(command.data, state);
  }
}

const evolutions: Evolutions<CaseReviewEvent, CaseReviewState> = {
  'case-review-opened': (_, event) => ({
    ...initialState,
    exists: true,
    type: event.data.type,
    awareOn: event.data.awareOn,
    dataSubjectIds: (event.data.dataSubjects ?? []).map((s) => s.subjectId),
  }),
  'national-panel-notified': (state) => ({ ...state, notified: true }),
  'rapid-review-completed': (state) => ({ ...state, rapidReviewCompleted: true }),
  'review-commissioning-decided': (state, event) => {
    const { commission } = event.data;
    return {
      ...state,
      commissioned: commission,
      type: state.type === 'rapid-review' && commission ? 'cspr' : state.type,
    };
  },
  'reviewer-appointed': (state) => ({ ...state, reviewerAppointed: true }),
  'review-draft-received': (state, event) => ({
    ...state,
    draftVersions: [...state.draftVersions, event.data.version],
  }),
  'review-signoff-linked': (state, event) => ({ ...state, signoffIds: [...state.signoffIds, event.data.signoffId] }),
  'review-published': (state) => ({ ...state, published: true }),
  'review-finding-recorded': (state, event) => ({
    ...state,
    findings: { ...state.findings, [event.data.findingId]: event.data.actionIds },
    findingKinds: { ...state.findingKinds, [event.data.findingId]: event.data.kind },
  }),
  'finding-action-linked': (state, event) => {
    const { findingId, actionId } = event.data;
    return { ...state, findings: { ...state.findings, [findingId]: [...state.findings[findingId], actionId] } };
  },
  'learning-briefing-drafted': (state, event) => ({
    ...state,
    briefings: { ...state.briefings, [event.data.briefingId]: 'draft' },
  }),
  'learning-briefing-held': (state, event) => ({
    ...state,
    briefings: { ...state.briefings, [event.data.briefingId]: 'on-hold' },
  }),
  'learning-briefing-published': (state, event) => ({
    ...state,
    briefings: { ...state.briefings, [event.data.briefingId]: 'published' },
  }),
  // Facts for the register alone: no later rule depends on them.
  'panel-response-recorded': unchanged,
  'publication-delayed': unchanged,
};

export const CaseReview = aggregateOf(
  { category: 'casereview', name: 'Case review' },
  { initialState, decide, evolutions },
  {
    // The child and family are named only here, sealed under each subject's key before append.
    'case-review-opened': {
      version: 1,
      personal: [
        { path: 'dataSubjects[].name', subject: 'dataSubjects[].subjectId' },
        { path: 'dataSubjects[].dateOfBirth', subject: 'dataSubjects[].subjectId' },
      ],
    },
  },
);
