/**
 * Board members and quorum rules (issue 17 item 1), from the minutes' attendance lists.
 *
 * A member is someone the minutes list as "Present" (not "To present", "In attendance" or taking the
 * minutes) or as sending apologies. Each holds a seat of their own, named after them: the seeds name
 * no seats or roles on the board, so none is invented. `from` is the first meeting listing them (the
 * seeds give no appointment date).
 *
 * WSEB, 22 September 2022: the council's Nigel Minns and the ICB's Tracy Pilcher sent apologies and the
 * minutes name no deputy for either; the council's Jo Davies, John Coleman and Julie Smith and the
 * ICB's Jackie Channell are listed present. So under "each statutory partner present or deputised"
 * every statutory partner was there and the meeting was quorate, although two of their members were not.
 */
import { SOURCE_DOCUMENTS } from './types-case-reviews';
import type { BoardMember, BoardQuorumRule } from './types-members';
import { worcsScb20190313 } from './worcestershire-2019-03-13';
import { worcestershirePeople } from './people-worcestershire';

const WCC = 'warwickshire-county-council';
const POLICE = 'warwickshire-police';
const CCG = 'coventry-warwickshire-ccg';
const ICB = 'coventry-warwickshire-icb';
const MAY = { document: SOURCE_DOCUMENTS.wseb20220510, where: 'WSEB minutes, 10 May 2022, "Present"' };
const SEP = (list: 'Present' | 'Apologies') => ({
  document: SOURCE_DOCUMENTS.wseb20220922,
  where: `WSEB minutes, 22 September 2022, "${list}"`,
});

const wseb = (
  personId: string,
  partnerId: string,
  statutory: boolean,
  from: string,
  source: BoardMember['source'],
  to?: string,
): BoardMember => ({
  boardId: 'wseb',
  seat: `member-${personId}`,
  partnerId,
  personId,
  statutory,
  from,
  ...(to ? { to } : {}),
  source,
});

/** The CCG's last day: "due to become the Integrated Care Board with effect from 1st July 2022" (10 May 2022, item 12). */
const CCG_LAST_DAY = '2022-06-30';

export const wsebMembers: BoardMember[] = [
  wseb('elaine-coleridge-smith', 'warwickshire-safeguarding', false, '2022-05-10', MAY),
  wseb('nigel-minns', WCC, true, '2022-05-10', MAY),
  wseb('pete-hill', POLICE, true, '2022-05-10', MAY),
  // Jo Galloway is on no later list; her CCG seat ends with the CCG.
  wseb('jo-galloway', CCG, true, '2022-05-10', MAY, CCG_LAST_DAY),
  // Jackie Channell attends for the CCG in May and the ICB in September: the same seat, for the ICB from its first day.
  wseb('jackie-channell', CCG, true, '2022-05-10', MAY, CCG_LAST_DAY),
  wseb('jackie-channell', ICB, true, '2022-07-01', SEP('Present')),
  wseb('tracy-pilcher', ICB, true, '2022-09-22', SEP('Apologies')),
  wseb('jo-davies', WCC, true, '2022-09-22', SEP('Present')),
  wseb('john-coleman', WCC, true, '2022-09-22', SEP('Present')),
  wseb('julie-smith', WCC, true, '2022-09-22', SEP('Present')),
];

/** The statutory partners of Worcestershire's board in 2019 (the local authority, police and the CCGs). */
const WORCS_STATUTORY = new Set(['worcestershire-county-council', 'west-mercia-police', 'worcestershire-ccgs']);
/** Listed as present but serving the board rather than sitting on it: the minute-taker, the business unit, the reviewer presenting. */
const WORCS_NOT_MEMBERS = new Set(['sarah-berry', 'sue-haddon', 'angela-eason', 'nicki-pettitt']);
const WORCS_UNIT = 'worcestershire-scb-business-unit';

/** Worcestershire, 13 March 2019: everyone on the "Present" or "Apologies" list who sits on the board; deputies deputise. */
export const worcsMembers: BoardMember[] = worcsScb20190313.attendance
  .filter((a) => ['present', 'also-representing', 'apologies'].includes(a.status) && !WORCS_NOT_MEMBERS.has(a.personId))
  .map((a): BoardMember => {
    const given = a.representingPartnerId ?? worcestershirePeople.find((p) => p.id === a.personId)?.partnerId;
    const partnerId = given ?? WORCS_UNIT;
    const listed = a.status === 'apologies' ? 'Apologies' : 'Present';
    return {
      boardId: 'worcs-scb',
      seat: `member-${a.personId}`,
      partnerId,
      personId: a.personId,
      statutory: WORCS_STATUTORY.has(partnerId),
      from: worcsScb20190313.date,
      source: { document: SOURCE_DOCUMENTS.worcsScb20190313, where: `WSCB minutes, 13 March 2019, "${listed}:"` },
      ...(given ? {} : { illustrative: 'the minutes give no agency; recorded under the board business unit' }),
    };
  });

export const boardMembers: BoardMember[] = [...wsebMembers, ...worcsMembers];

const NO_RULE_STATED =
  'the seeds state no quorum rule; this one is drawn from the three statutory safeguarding partners the minutes name, each present or deputised';

export const quorumRules: BoardQuorumRule[] = [
  {
    boardId: 'wseb',
    rule: 'each-statutory-partner',
    from: '2022-05-10',
    illustrative: NO_RULE_STATED,
    basedOn: {
      document: SOURCE_DOCUMENTS.wseb20220510,
      where: 'item 10: "the three statutory partners collectively agree to underwrite"',
    },
  },
  {
    boardId: 'worcs-scb',
    rule: 'each-statutory-partner',
    from: '2019-03-13',
    illustrative: NO_RULE_STATED,
    basedOn: {
      document: SOURCE_DOCUMENTS.worcsScb20190313,
      where: '"Present": deputies named for the police and the CCGs ("deputising for", "also representing")',
    },
  },
];
