/**
 * Meetings the records mention whose minutes are not in the data set: earlier meetings whose
 * minutes were approved (and whose actions were reported on) and planned meetings that actions
 * target. Ids follow the recorded meetings' pattern `<board>-<date or month>`.
 *
 * A month the minutes name for the forward plan ("forward plan for April 2023 meeting") is not a
 * meeting: it is a forward-plan item for that month (forward-plan.ts), and no meeting is invented.
 * A meeting whose day the minutes do not give is scheduled on an illustrative day its title labels.
 */
import type { ReferencedMeeting } from './types';
import { SOURCE_DOCUMENTS } from './types-case-reviews';

const MAY_2022 = SOURCE_DOCUMENTS.wseb20220510;
const SEP_2022 = SOURCE_DOCUMENTS.wseb20220922;
const WORCS_2019 = SOURCE_DOCUMENTS.worcsScb20190313;

export const referencedMeetings: ReferencedMeeting[] = [
  {
    id: 'wseb-before-2022-05-10',
    boardId: 'wseb',
    kind: 'past-not-recorded',
    source: { document: MAY_2022, where: 'item 2: "The previous minutes were agreed as an accurate record"' },
    mentionedInMeetingIds: ['wseb-2022-05-10'],
    notes: 'The previous WSEB meeting; the May 2022 minutes approve its minutes but do not give its date.',
  },
  {
    id: 'wseb-2022-06-07',
    boardId: 'wseb',
    kind: 'planned',
    date: '2022-06-07',
    source: { document: MAY_2022, where: '"Date of Next Meeting: 7th June 2022"' },
    mentionedInMeetingIds: ['wseb-2022-05-10'],
    notes:
      'Given as the date of the next meeting (no weekday written; 7 June 2022 was a Tuesday). The "June agenda" action targets it.',
  },
  {
    id: 'wseb-2022-07',
    boardId: 'wseb',
    kind: 'planned',
    month: '2022-07',
    location: 'Northgate, Warwickshire',
    source: { document: MAY_2022, where: 'item 12: "agreed to arrange the July meeting at Northgate, Warwickshire"' },
    mentionedInMeetingIds: ['wseb-2022-05-10'],
    notes: 'Agreed to be held face to face; day not given.',
  },
  {
    id: 'wsp-2022-10-04',
    boardId: 'wsp',
    kind: 'planned',
    date: '2022-10-04',
    source: { document: SEP_2022, where: 'item 11: "Agenda items for WSP meeting – 4th October 2022"' },
    mentionedInMeetingIds: ['wseb-2022-09-22'],
    notes: 'Partnership meeting whose agenda the Executive Board set on 22 Sep 2022.',
  },
  {
    id: 'wseb-2022-11-08',
    boardId: 'wseb',
    kind: 'planned',
    date: '2022-11-08',
    weekdayAsWritten: 'Tuesday',
    startTime: '09:30',
    source: { document: SEP_2022, where: '"Date of next meeting: Tuesday 8th November 2022, 09:30-12:00pm"' },
    mentionedInMeetingIds: ['wseb-2022-09-22'],
    notes: '09:30-12:00. Written weekday matches the date.',
  },
  {
    id: 'worcs-scb-2018-12-05',
    boardId: 'worcs-scb',
    kind: 'past-not-recorded',
    date: '2018-12-05',
    source: {
      document: WORCS_2019,
      where: '2.1: "Minutes of meeting held on 5.12.2018 were approved pending the following amendment"',
    },
    mentionedInMeetingIds: ['worcs-scb-2019-03-13'],
    notes: 'Minutes approved with an amendment on 13 Mar 2019; its action log was updated then.',
  },
  {
    id: 'worcs-scb-2019-06-12',
    boardId: 'worcs-scb',
    kind: 'planned',
    date: '2019-06-12',
    weekdayAsWritten: 'Wednesday',
    location: 'Haresfield Surgery, Turnpike House Medical Centre, Worcester',
    source: { document: WORCS_2019, where: '"Date of next meeting: Wednesday 12th June, 2019 at Haresfield Surgery"' },
    mentionedInMeetingIds: ['worcs-scb-2019-03-13'],
    notes: 'Next meeting; the CSE audit (MACFA 32) is due to report to this June Board.',
  },
];
