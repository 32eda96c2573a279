import { Action } from '../../../actions';
import { CaseReview } from '../../../case-reviews';
import { Decision } from '../../../decisions';
import type { StoredEvent } from '../../../ledger/event-envelope';
import { streamName } from '../../../ledger/stream-name';
import { citesCaseReview, type ServedRecord } from '../../../shared/serves';
import { Signoff } from '../../../signoffs';

type Data = Record<string, unknown>;
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The stream of the record an event creates, when that record can cite what it serves. */
const CITING_EVENT: Record<string, { category: string; idField: string }> = {
  'action-raised': { category: Action.category, idField: 'actionId' },
  'decision-recorded': { category: Decision.category, idField: 'decisionId' },
  'signoff-requested': { category: Signoff.category, idField: 'signoffId' },
};

/**
 * The streams of one case review's chain (a pack scoped to it, rule 10 in select-streams.ts), noted
 * event by event in the selector's one pass: the review's stream; the sign-offs it links or was
 * published under; the actions its findings name; and every action, decision and sign-off that cites
 * the review or one of its findings or recommendations (`serves`). Nothing else: no meeting, board,
 * partner or person context.
 */
export class CaseReviewChainStreams {
  readonly reviewStream: string;
  private readonly streams = new Set<string>();

  constructor(private readonly caseReviewId: string) {
    this.reviewStream = streamName(CaseReview.category, caseReviewId);
    this.streams.add(this.reviewStream);
  }

  /** `e`: decoded to its current domain shape where the pack's codecs know it. */
  observe(e: StoredEvent): void {
    const d = (e.data ?? {}) as Data;
    if (e.streamId === this.reviewStream) {
      for (const id of [d.signoffId].filter((x): x is string => typeof x === 'string'))
        this.streams.add(streamName(Signoff.category, id));
      for (const id of [...ids(d.actionIds), ...(typeof d.actionId === 'string' ? [d.actionId] : [])])
        this.streams.add(streamName(Action.category, id));
      return;
    }
    const citing = CITING_EVENT[e.type];
    const serves = Array.isArray(d.serves) ? (d.serves as ServedRecord[]) : [];
    if (citing && serves.some((s) => citesCaseReview(s, this.caseReviewId)) && typeof d[citing.idField] === 'string')
      this.streams.add(streamName(citing.category, d[citing.idField] as string));
  }

  all(): Set<string> {
    return this.streams;
  }
}
