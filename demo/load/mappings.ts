/**
 * Where the demo data says more (or other) than the API can take, the loader maps it here and
 * says so. Every mapping, in one place:
 *
 * - Partners: registered with their own kind; bodies of a statutory kind that are NOT statutory
 *   partners (district councils, NHS trusts, the older CCGs, Worcestershire Children First) are
 *   sent with statutory: false.
 * - Successions: only 'replaced-by' is loaded (CCG -> ICB). 'functions-transferred' (Worcestershire
 *   County Council -> Worcestershire Children First) is not a succession: the council stays the
 *   statutory partner, and the API's succession would freeze it.
 * - People: the API needs a partner for everyone. People the sources give no agency (independent
 *   reviewers, a designated doctor, action owners named only by name) are registered under their
 *   partnership's business team: 'warwickshire-safeguarding' or 'worcestershire-scb-business-unit'.
 *   A person is registered with the partner they represented at their first meeting and updated
 *   when it changes (Jackie Channell: CCG, then the ICB from the succession date, 1 July 2022).
 * - Agenda items: decisions and actions cite items by whole number. '2.1' becomes 21 and 'Part 1'
 *   becomes 10; the item's label keeps the number as written ('2.1', 'Part 1').
 * - Meetings known only by reference: 'wseb-before-2022-05-10' has no date in the minutes; it is
 *   scheduled on 1 April 2022, an illustrative date its title labels, so that its minutes can be
 *   approved at 10 May 2022 and its actions raised. A meeting the minutes give only a month for
 *   ('the July meeting') is scheduled on the 1st, labelled the same way. A forward-plan month
 *   ('forward plan for April 2023 meeting') is a forward-plan item for the month: no meeting.
 *   Past meetings without minutes get one agenda item per action-log entry reported on later.
 * - Actions: the API needs at least one owner and a due date or target meeting. No owner named ->
 *   a team 'Not named in the minutes'; an 'unresolved' owner -> a team named as written (e.g. 'DB
 *   (initials as written; not resolved)'); no due date -> due back at the board's next meeting,
 *   and the action's text says '(no due date minuted; illustrative: due back at the next meeting,
 *   <id>)' (for earlier actions: the meeting whose action log reported on them, said the same way);
 *   a described due ('after the inquest') -> the next meeting, its words kept in the text; a period
 *   ('within six months') -> its last day as the due date, the words kept in the text.
 * - Action updates: 'actioned' -> complete; 'closed' -> close with the minutes' text as the
 *   reason; 'carried-forward' -> carry forward to the next meeting; 'delayed', 'on-agenda',
 *   'for-discussion', 'in-progress', 'progressed' -> a progress note prefixed with the status
 *   (and 'inferred:' where the data infers it from later items rather than an action log).
 * - Board members: everyone a board's minutes list as present or sending apologies (not those to
 *   present, in attendance or taking the minutes) holds a seat named after them from the first
 *   meeting listing them; each membership's source names the list. The quorum rule is the seeds'
 *   three statutory partners each present or deputised; no seed states one, and its text says so.
 * - Sign-offs: the minutes record them as the board's ('All agreed to sign off'): the chair records
 *   each required partner's agreement, naming no signatory. The documents are not in the data set,
 *   so the artefact version is 'as presented
 *   <date>' and the content hash is SHA-256 of the sign-off id, title and meeting: it pins the
 *   record, not the PDF.
 * - Escalation protocol: the API has no 'assumed' flag, so each assumed stage's name says
 *   '(assumed)'. The health routing (all escalations to Jackie Channell) stays in the decision.
 * - Escalations: none from the data is raised (three ILLUSTRATIVE ones are: load-illustrative-escalations.ts). The minutes record board discussions about escalation (one within
 *   a single agency, one with no agency concerned, one about concerns NOT being escalated, one
 *   routing agreement) and two Worcestershire inter-agency challenges for which the data set has
 *   no protocol; none is a case raised under a protocol between two agencies, which is what the
 *   escalations API records.
 * - Budget: the derived staffing line (a remainder the minutes do not state) is not sent; the API
 *   reports it as unallocated. Pledges to underwrite 'up to' £7,000 use basis 'up-to'; the
 *   underwriting itself is 'in-principle' with fixed caps, as minuted.
 */
import { createHash } from 'node:crypto';

/** Business time for a date: minutes are entered after the fact, dated to the meeting. */
export const at = (date: string): string => `${date}T10:00:00Z`;

/** Agenda item numbers as whole numbers decisions and actions cite: '4' -> 4, '2.1' -> 21, 'Part 1' -> 10 (the label keeps what was written). */
export function itemNumberOf(written: string): number {
  if (/^\d+$/.test(written)) return Number(written);
  const dotted = /^(\d+)\.(\d)$/.exec(written);
  if (dotted) return Number(dotted[1]) * 10 + Number(dotted[2]);
  const part = /^Part (\d+)$/.exec(written);
  if (part) return Number(part[1]) * 10;
  throw new Error(`Agenda item number '${written}' has no whole-number mapping`);
}

/** The number as the minutes write it, sent as the item's label when it is not a plain number. */
export const itemLabelOf = (written: string): { label?: string } => (/^\d+$/.test(written) ? {} : { label: written });

/** Kinds that can be statutory partners; bodies of these kinds that are not say statutory: false. */
export const STATUTORY_KINDS: readonly string[] = ['local-authority', 'police', 'health'];

/** Stand-in for the artefact's content hash (see the header). */
export const artefactHash = (...parts: string[]): string => createHash('sha256').update(parts.join('\n')).digest('hex');

/** Team owners for owners the API cannot name as a person or partner. */
export const NO_OWNER_TEAM = 'Not named in the minutes';
export const unresolvedTeam = (asWritten: string): string => `${asWritten} (initials as written; not resolved)`;
