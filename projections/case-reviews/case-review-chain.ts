import { Action } from '../../src/actions';
import { Decision } from '../../src/decisions';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { decodeWith } from '../../src/ledger/event-registry';
import { streamCategory, streamEntityId } from '../../src/ledger/stream-name';
import { Signoff } from '../../src/signoffs';
import { summarise as summariseAction } from '../action-log/summaries';
import { summariseDecision, summariseSignoff } from '../decision-register/summaries';
import type { RecordHistoryEntry } from '../partners/record-history';
import type { CaseReviewDoc } from './case-review-doc';

/**
 * The stages of a case review's chain, in the order an inspector traces it (JTAI's first request):
 * from the serious incident notification to the learning spread. Decisions citing the review sit
 * before its sign-off; actions answering its findings after them.
 */
export const CHAIN_STAGES = [
  'opened',
  'notification',
  'rapid-review',
  'panel-response',
  'commissioning',
  'reviewer',
  'draft',
  'decision',
  'sign-off',
  'publication',
  'finding',
  'action',
  'briefing',
] as const;
export type ChainStage = (typeof CHAIN_STAGES)[number];

const STAGE_OF_REVIEW_EVENT: Record<string, ChainStage> = {
  'case-review-opened': 'opened',
  'national-panel-notified': 'notification',
  'rapid-review-completed': 'rapid-review',
  'panel-response-recorded': 'panel-response',
  'review-commissioning-decided': 'commissioning',
  'reviewer-appointed': 'reviewer',
  'review-draft-received': 'draft',
  'review-signoff-linked': 'sign-off',
  'publication-delayed': 'publication',
  'review-published': 'publication',
  'review-finding-recorded': 'finding',
  'finding-action-linked': 'finding',
  'learning-briefing-drafted': 'briefing',
  'learning-briefing-held': 'briefing',
  'learning-briefing-published': 'briefing',
};

export type ChainRecordKind = 'case-review' | 'signoff' | 'action' | 'decision';

/** One event of the chain: its stage, the record it belongs to, what happened, who and when, where to verify it. */
export interface ChainStep extends RecordHistoryEntry {
  stage: ChainStage;
  recordKind: ChainRecordKind;
  recordId: string;
}

/** The streams beyond the review's own that its chain holds: linked and citing sign-offs, actions and decisions. */
export function chainStreams(doc: CaseReviewDoc): { signoffs: string[]; actions: string[]; decisions: string[] } {
  const cited = (kind: string) => doc.citedBy.filter((c) => c.kind === kind).map((c) => c.id);
  const unique = (ids: (string | undefined)[]) => [...new Set(ids.filter((id): id is string => id !== undefined))];
  return {
    signoffs: unique([...doc.signoffIds, doc.publication?.signoffId, ...cited('signoff')]),
    actions: unique([...doc.findings.flatMap((f) => f.actionIds), ...cited('action')]),
    decisions: unique(cited('decision')),
  };
}

type RelatedStep = Pick<ChainStep, 'stage' | 'recordKind' | 'recordId' | 'summary'>;

/** A sign-off, decision or action event as a step, summarised as its own register summarises it. */
function relatedStep(stored: StoredEvent): RelatedStep {
  const step = (stage: ChainStage, recordKind: ChainRecordKind, summary: string): RelatedStep => ({
    stage,
    recordKind,
    recordId: streamEntityId(stored.streamId),
    summary,
  });
  switch (streamCategory(stored.streamId)) {
    case Signoff.category:
      return step('sign-off', 'signoff', summariseSignoff(decodeWith(Signoff.codec, stored)));
    case Decision.category:
      return step('decision', 'decision', summariseDecision(decodeWith(Decision.codec, stored)));
    default:
      return step('action', 'action', summariseAction(decodeWith(Action.codec, stored)));
  }
}

/** Log order without arithmetic on positions (they are opaque). */
const byPosition = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The chain in stage order; within a stage, record by record (each where its first event of that stage
 * is in the ledger), each record's events in ledger order. `related`: the events of chainStreams(doc), any order.
 */
export function caseReviewChain(doc: CaseReviewDoc, related: readonly StoredEvent[]): ChainStep[] {
  const own: ChainStep[] = doc.history.map((h) => ({
    ...h,
    stage: STAGE_OF_REVIEW_EVENT[h.type],
    recordKind: 'case-review',
    recordId: doc.caseReviewId,
  }));
  const others: ChainStep[] = related.map((e) => ({
    type: e.type,
    occurredAt: e.metadata.occurredAt,
    recordedAt: e.metadata.recordedAt,
    actor: e.metadata.actor,
    streamId: e.streamId,
    eventId: e.id,
    position: e.position,
    ...relatedStep(e),
  }));
  const steps = [...own, ...others];
  const firstSeen = new Map<string, number>();
  const group = (s: ChainStep) => `${s.stage} ${s.streamId}`;
  for (const s of [...steps].sort((a, b) => byPosition(a.position, b.position)))
    if (!firstSeen.has(group(s))) firstSeen.set(group(s), s.position);
  const stage = (s: ChainStep) => CHAIN_STAGES.indexOf(s.stage);
  return steps.sort(
    (a, b) =>
      stage(a) - stage(b) ||
      byPosition(firstSeen.get(group(a))!, firstSeen.get(group(b))!) ||
      byPosition(a.position, b.position),
  );
}
