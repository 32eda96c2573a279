/**
 * Meetings the records mention whose minutes are not in the data set: earlier meetings whose
 * minutes were approved (and whose actions were reported on) and planned meetings that actions
 * target. Ids follow the recorded meetings' pattern `<board>-<date or month>`.
 */
import type { ReferencedMeeting } from './types';

export const referencedMeetings: ReferencedMeeting[] = [
  {
    id: 'wseb-before-2022-05-10',
    boardId: 'wseb',
    kind: 'past-not-recorded',
    mentionedInMeetingIds: ['wseb-2022-05-10'],
    notes: 'The previous WSEB meeting; the May 2022 minutes approve its minutes but do not give its date.',
  },
  {
    id: 'wseb-2022-06-07',
    boardId: 'wseb',
    kind: 'planned',
    date: '2022-06-07',
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
    mentionedInMeetingIds: ['wseb-2022-05-10'],
    notes: 'Agreed to be held face to face; day not given.',
  },
  {
    id: 'wsp-2022-10-04',
    boardId: 'wsp',
    kind: 'planned',
    date: '2022-10-04',
    mentionedInMeetingIds: ['wseb-2022-09-22'],
    notes: 'Partnership meeting whose agenda the Executive Board set on 22 Sep 2022.',
  },
  {
    id: 'wseb-2022-11-08',
    boardId: 'wseb',
    kind: 'planned',
    date: '2022-11-08',
    weekdayAsWritten: 'Tuesday',
    mentionedInMeetingIds: ['wseb-2022-09-22'],
    notes: '09:30-12:00. Written weekday matches the date.',
  },
  {
    id: 'wseb-2023-04',
    boardId: 'wseb',
    kind: 'planned',
    month: '2023-04',
    mentionedInMeetingIds: ['wseb-2022-09-22'],
    notes: 'Forward-plan slot for the police inspection update.',
  },
  {
    id: 'worcs-scb-2018-12-05',
    boardId: 'worcs-scb',
    kind: 'past-not-recorded',
    date: '2018-12-05',
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
    mentionedInMeetingIds: ['worcs-scb-2019-03-13'],
    notes: 'Next meeting; the CSE audit (MACFA 32) is due to report to this June Board.',
  },
];
