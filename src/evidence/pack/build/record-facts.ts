import type { StoredEvent } from '../../../ledger/event-envelope';
import type { RecordKind } from '../../domain/pack-scope';

/**
 * What scope selection needs to know about one record stream, gathered event by event in the
 * first pass: small (ids and flags, never the record's documents), so the pass holds no log.
 */
export interface RecordFacts {
  kind: RecordKind;
  /** Meetings it was raised at, is due back at, or was carried to (actions); its meeting (decisions, sign-offs); itself (meetings). */
  meetingIds: Set<string>;
  /** Boards the record belongs to itself, with no meeting: a board's budget (its owner). */
  boardIds: Set<string>;
  /** Partner parties: owners, responsible partners, agencies inspected and recommendation owners, signatories, pledging/paying/underwriting partners, escalation agencies, partners represented at a meeting. */
  partnerIds: Set<string>;
  /** Person owners, signers, attendees, presenters and contributors: they count for the partner they belong to, and bring their person stream as context. */
  personIds: Set<string>;
  /** The decision a sign-off was requested for; the protocol an escalation was raised under. */
  decisionId?: string;
  protocolId?: string;
  /** Words matched against themes: action text, decision text, artefact title, escalation subject, protocol name, budget line names, meeting and agenda item titles. */
  text: string[];
  inPeriod: boolean;
}

/** Record kinds pick these stream categories (the part of the stream id before the first '-'). */
export const KIND_OF_CATEGORY: Record<string, RecordKind> = {
  decision: 'decisions',
  signoff: 'decisions',
  action: 'actions',
  escalation: 'escalations',
  protocol: 'escalations',
  budget: 'funding',
  meeting: 'meetings',
  casereview: 'case-reviews',
  inspection: 'inspections',
  thematicreview: 'assurance',
  multiagencyaudit: 'assurance',
  risk: 'risks',
  forwardplan: 'forward-plan',
};

type Data = Record<string, unknown>;
type Owner = { kind: string; personId?: string; partnerId?: string };
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const add = (set: Set<string>, v: unknown) => {
  if (typeof v === 'string' && v) set.add(v);
};

function addOwners(f: RecordFacts, owners: unknown): void {
  if (!Array.isArray(owners)) return;
  for (const o of owners as Owner[]) {
    add(f.partnerIds, o.partnerId);
    add(f.personIds, o.personId);
  }
}

/** A meeting's attendance lines: each person (and whom they deputised for) and the partner represented are its parties. */
function addAttendance(f: RecordFacts, entries: unknown): void {
  if (!Array.isArray(entries)) return;
  for (const e of entries as Data[]) {
    add(f.personIds, e.personId);
    add(f.personIds, e.deputisingForPersonId);
    add(f.partnerIds, e.representingPartnerId);
  }
}

/** Folds one event of a record stream into its facts. Unknown shapes add nothing (never throw on old data). */
export function noteEvent(f: RecordFacts, e: StoredEvent): void {
  const d = (e.data ?? {}) as Data;
  if (f.kind === 'funding') add(f.boardIds, d.ownerId);
  for (const key of ['meetingId', 'targetMeetingId', 'toMeetingId', 'fromMeetingId']) add(f.meetingIds, d[key]);
  for (const key of ['partnerId', 'raisedByAgency', 'concerningAgency', 'respondingAgency', 'agency', 'ownerPartnerId'])
    add(f.partnerIds, d[key]);
  for (const key of ['responsiblePartnerIds', 'requiredPartnerIds'])
    if (Array.isArray(d[key])) for (const p of d[key] as unknown[]) add(f.partnerIds, p);
  if (Array.isArray(d.shares)) for (const s of d.shares as Data[]) add(f.partnerIds, s.partnerId);
  // The partners a thematic finding went to, or an audit asked to return; an audit's themes and a review's areas.
  if (e.type === 'thematic-finding-recorded' || e.type === 'audit-returns-requested')
    if (Array.isArray(d.partnerIds)) for (const p of d.partnerIds as unknown[]) add(f.partnerIds, p);
  for (const key of ['themes', 'areas'])
    if (Array.isArray(d[key])) for (const t of d[key] as unknown[]) if (str(t)) f.text.push(t as string);
  for (const key of ['signedByPersonId', 'raisedByPersonId']) add(f.personIds, d[key]);
  addOwners(f, d.owners);
  addAttendance(f, d.entries);
  if (e.type === 'attendance-corrected') addAttendance(f, [d.entry]);
  add(f.personIds, d.presenterPersonId); // agenda-item-added version 1
  if (Array.isArray(d.presenterPersonIds)) for (const p of d.presenterPersonIds as unknown[]) add(f.personIds, p);
  if (e.type === 'contribution-recorded') add(f.personIds, d.personId);
  if (e.type === 'inspection-recorded' && Array.isArray(d.partnerIds))
    for (const p of d.partnerIds as unknown[]) add(f.partnerIds, p);
  if (e.type === 'signoff-requested') f.decisionId = str(d.decisionId);
  if (e.type === 'escalation-raised') f.protocolId = str(d.protocolId);
  for (const key of ['text', 'subject', 'name', 'title']) if (str(d[key])) f.text.push(d[key] as string);
  const artefact = d.artefact as Data | undefined;
  if (artefact && str(artefact.title)) f.text.push(artefact.title as string);
  if (Array.isArray(d.lines)) for (const l of d.lines as Data[]) if (str(l.name)) f.text.push(l.name as string);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A theme matches when its words appear in the record's text as whole words, in order, ignoring
 * case and spacing: "MASH front door" matches "the mash  Front Door review", "exploitation"
 * does not match "exploitations".
 */
export function themeMatcher(themes: string[]): ((text: string[]) => boolean) | undefined {
  const words = themes.map((t) => t.trim().split(/\s+/).filter(Boolean)).filter((w) => w.length > 0);
  if (words.length === 0) return undefined;
  const patterns = words.map(
    (w) => new RegExp(`(?<![\\p{L}\\p{N}])${w.map(escape).join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu'),
  );
  return (text) => text.some((t) => patterns.some((p) => p.test(t)));
}
