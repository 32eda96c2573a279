import type { StoredEvent } from '../../../../ledger/event-envelope';
import {
  DECISION_KEY_PREFIX,
  MEETING_KEY_PREFIX,
  SIGNOFF_KEY_PREFIX,
  type DecisionDoc,
  type DecisionRegisterDoc,
  type MeetingDoc,
  type SignoffDoc,
} from '../../../../../projections/decision-register/decision-register-doc';
import { decisionRegisterProjection } from '../../../../../projections/decision-register/decision-register.projection';
import { meetingRef } from '../../../../../projections/decision-register/decision-register.views';
import { pounds, toCsv, CSV_FORMAT, type Cell, type CsvFormat } from '../csv';
import { ProjectionTable } from './projection-fold';
import { summaryTable, type SummaryTable } from '../summary-pdf/summary-table';

/** Decisions first, then sign-offs (each under the decision it was requested for, when it names one). */
export const DECISION_COLUMNS = [
  'record',
  'id',
  'decisionId',
  'boardId',
  'meetingId',
  'meetingDate',
  'itemNumber',
  'itemTitle',
  'outcome',
  'status',
  'text',
  'budgetPence',
  'budgetPounds',
  'partners',
  'signedBy',
  'conditions',
  'unsatisfiedConditions',
  'recordedAt',
  'recordedBy',
  'lastEventAt',
  'historyEvents',
];

/** The decision register as at the end of the period: decisions and their sign-offs, by id. */
export class DecisionsTable extends ProjectionTable<DecisionRegisterDoc> {
  constructor() {
    super('decisions.csv', decisionRegisterProjection);
  }

  meeting(meetingId: string | undefined): MeetingDoc | undefined {
    return meetingId === undefined
      ? undefined
      : (this.fold.docs.get(`${MEETING_KEY_PREFIX}${meetingId}`) as MeetingDoc | undefined);
  }

  decisions(): DecisionDoc[] {
    return this.fold.sorted<DecisionDoc>(DECISION_KEY_PREFIX).filter((d) => d.recorded);
  }

  signoffs(): SignoffDoc[] {
    return this.fold.sorted<SignoffDoc>(SIGNOFF_KEY_PREFIX).filter((s) => s.requested);
  }

  private decisionRow(d: DecisionDoc): Cell[] {
    const ref = meetingRef(d, this.meeting(d.meetingId));
    const unsatisfied = d.conditions.filter((c) => !c.satisfied).length;
    return [
      'decision',
      d.decisionId,
      d.decisionId,
      ref?.boardId,
      d.meetingId,
      ref?.date,
      d.itemNumber,
      ref?.itemTitle,
      d.outcome,
      d.status,
      d.text,
      d.budgetPence,
      pounds(d.budgetPence),
      d.responsiblePartnerIds.join(';'),
      '',
      d.conditions.length,
      unsatisfied,
      d.recordedAt?.occurredAt,
      d.recordedAt?.actor.userId,
      d.history.at(-1)?.occurredAt,
      d.history.length,
    ];
  }

  private signoffRow(s: SignoffDoc): Cell[] {
    const meetingId =
      s.meetingId ??
      (s.decisionId === undefined
        ? undefined
        : (this.fold.docs.get(`${DECISION_KEY_PREFIX}${s.decisionId}`) as DecisionDoc | undefined)?.meetingId);
    const meeting = this.meeting(meetingId);
    const signed = s.signatures.filter((x) => x.status === 'signed').map((x) => x.partnerId);
    const title = s.artefact ? `${s.artefact.title} (${s.artefact.version})` : '';
    return [
      'signoff',
      s.signoffId,
      s.decisionId,
      meeting?.boardId,
      meetingId,
      meeting?.scheduledFor,
      '',
      '',
      s.completed?.subjectToConditions ? 'completed-subject-to-conditions' : '',
      s.status,
      title,
      '',
      '',
      s.requiredPartnerIds.join(';'),
      signed.join(';'),
      '',
      '',
      s.history[0]?.occurredAt,
      s.history[0]?.actor.userId,
      s.history.at(-1)?.occurredAt,
      s.history.length,
    ];
  }

  csv(format: CsvFormat = CSV_FORMAT): string {
    return toCsv(
      DECISION_COLUMNS,
      [...this.decisions().map((d) => this.decisionRow(d)), ...this.signoffs().map((s) => this.signoffRow(s))],
      format,
    );
  }
}

export function decisionsCsv(events: Iterable<StoredEvent>): string {
  const table = new DecisionsTable();
  for (const e of events) table.add(e);
  return table.csv();
}

/** summary.pdf's decisions: each recorded decision, its outcome and where it stands. */
export function decisionSummaryTable(decisions: DecisionDoc[]): SummaryTable {
  return summaryTable(
    'Decisions',
    ['Decision', 'Outcome', 'Status', 'Text'],
    decisions.map((d) => [d.decisionId, d.outcome ?? '', d.status, d.text]),
  );
}
