import type { DomainCommand } from '../../ledger/aggregate';
import type { DomainEvent } from '../../shared/decider';

/**
 * Who inspected: a joint targeted area inspection (Ofsted, CQC, HMICFRS, HMIP together), Ofsted's
 * inspection of local authority children's services (ILACS), HMICFRS (e.g. a police force's child
 * protection inspection), CQC (e.g. safeguarding and looked after children), a SEND area inspection,
 * HM Inspectorate of Probation, or another body, named.
 */
export const INSPECTION_BODIES = ['jtai', 'ofsted-ilacs', 'hmicfrs', 'cqc', 'send', 'hmip', 'other'] as const;
export type InspectionBody = (typeof INSPECTION_BODIES)[number];

/** What the report calls it: a recommendation, or (Ofsted, CQC) an area for improvement. */
export const RECOMMENDATION_KINDS = ['recommendation', 'area-for-improvement'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export const RAG_STATUSES = ['red', 'amber', 'green'] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];

/**
 * A ledger record cited as evidence: the event at `revision` of `streamId` (e.g. the minutes that
 * took the update, the completed action). `eventId`, when given, must be that event's id; a bare
 * event id is not accepted because it cannot be checked without reading the whole log.
 */
export interface EvidenceReference {
  streamId: string;
  revision: number;
  eventId?: string;
}

/** When the next progress update is due: a date, or a number of months from the date it counts from. */
export type NextUpdate = { dueOn: string } | { withinMonths: number };

/** Every date is a business date (YYYY-MM-DD): the day it happened, not when it was keyed. */
export interface InspectionRecorded {
  inspectionId: string;
  body: InspectionBody;
  /** The body's name when it is 'other' (and, optionally, the programme, e.g. 'HMIC PEEL'). */
  bodyName?: string;
  title: string;
  fieldworkFrom: string;
  fieldworkTo: string;
  publishedOn: string;
  /** The published report: its reference or title as the body publishes it, and where it is. */
  reportReference: string;
  reportUrl?: string;
  /** The agencies inspected (partners context). */
  partnerIds: string[];
  /** Who monitors the response, e.g. 'WSEB' or 'Performance, Monitoring and Evaluation subcommittee'. */
  monitoredBy?: string;
}

type Ev<T extends string, D> = DomainEvent<T, { inspectionId: string; recommendationId: string } & D>;

/** nextUpdateDue is stored as a date; dueWithinMonths says it was counted, from publication or the update. */
type Due = { nextUpdateDue?: string; dueWithinMonths?: number };

export type InspectionEvent =
  | DomainEvent<'inspection-recorded', InspectionRecorded>
  | Ev<
      'inspection-recommendation-recorded',
      { kind: RecommendationKind; ownerPartnerId: string; text: string; actionIds: string[] } & Due
    >
  | Ev<'recommendation-action-linked', { actionId: string }>
  | Ev<'recommendation-update-recorded', { updatedOn: string; summary: string; rag?: RagStatus } & Due>
  | Ev<'recommendation-rag-set', { setOn: string; rag: RagStatus; reason: string }>
  | Ev<'recommendation-closed', { closedOn: string; summary: string; evidence: EvidenceReference[] }>;

type Cmd<T extends string, D> = DomainCommand<T, { inspectionId: string; recommendationId: string } & D>;

export type InspectionCommand =
  /** unregisteredPartnerIds: the named partners the handler could not find in the partners context. */
  | DomainCommand<'record-inspection', InspectionRecorded & { unregisteredPartnerIds: string[] }>
  /** missingActionIds: the named actions the handler could not find in the actions context. */
  | Cmd<
      'record-recommendation',
      {
        kind: RecommendationKind;
        ownerPartnerId: string;
        text: string;
        actionIds: string[];
        missingActionIds: string[];
        nextUpdate?: NextUpdate;
      }
    >
  | Cmd<'link-recommendation-action', { actionId: string; actionExists: boolean }>
  | Cmd<
      'record-recommendation-update',
      { updatedOn: string; summary: string; rag?: RagStatus; nextUpdate?: NextUpdate }
    >
  | Cmd<'set-recommendation-rag', { setOn: string; rag: RagStatus; reason: string }>
  /** unverifiedEvidence: the cited references the handler could not find in the ledger as given. */
  | Cmd<
      'close-recommendation',
      { closedOn: string; summary: string; evidence: EvidenceReference[]; unverifiedEvidence: EvidenceReference[] }
    >;

export interface RecommendationState {
  ownerPartnerId: string;
  actionIds: string[];
  closed: boolean;
}

export interface InspectionState {
  exists: boolean;
  publishedOn?: string;
  partnerIds: string[];
  recommendations: Record<string, RecommendationState>;
}
