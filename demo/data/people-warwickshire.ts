/**
 * People named in the Warwickshire sources. Ids are name slugs, never initials:
 * "JC" (Jackie Channell) and "JCol" (John Coleman) are different people, and "JC" is also
 * the initials of Jon Chapman in the Worcestershire minutes.
 */
import type { Person } from './types';
import { SOURCE_DOCUMENTS } from './types-case-reviews';

export const warwickshirePeople: Person[] = [
  {
    id: 'elaine-coleridge-smith',
    fullName: 'Elaine Coleridge-Smith',
    initialsAsWritten: ['ECS'],
    role: 'Independent Chair, Warwickshire Safeguarding',
    partnerId: 'warwickshire-safeguarding',
  },
  {
    id: 'jackie-channell',
    fullName: 'Jackie Channell',
    // Trap (initials collide): "JC" here; John Coleman is "JCol".
    initialsAsWritten: ['JC'],
    role: 'Health representative; escalation lead for health from Sep 2022',
    partnerId: 'coventry-warwickshire-icb',
    notes: 'Attended for the CCG on 10 May 2022 and for the ICB (its successor) on 22 Sep 2022.',
  },
  {
    id: 'pete-hill',
    fullName: 'Pete Hill',
    initialsAsWritten: ['PH'],
    role: 'Warwickshire Police representative',
    partnerId: 'warwickshire-police',
  },
  {
    id: 'jo-galloway',
    fullName: 'Jo Galloway',
    initialsAsWritten: ['JG'],
    role: 'Health representative',
    partnerId: 'coventry-warwickshire-ccg',
  },
  {
    id: 'nigel-minns',
    fullName: 'Nigel Minns',
    // The May 2022 attendance list gives no initials for him; the text uses "NM".
    initialsAsWritten: ['NM'],
    role: 'Lead Director (Warwickshire County Council)',
    partnerId: 'warwickshire-county-council',
  },
  {
    id: 'lucy-young',
    fullName: 'Lucy Young',
    initialsAsWritten: ['LY'],
    role: 'Independent Reviewer (CSPR James)',
    notes: 'Independent of the partner agencies, so no partnerId.',
  },
  {
    id: 'amrita-sharma',
    fullName: 'Amrita Sharma',
    initialsAsWritten: ['AS'],
    role: 'Business Manager, Warwickshire Safeguarding',
    partnerId: 'warwickshire-safeguarding',
  },
  {
    id: 'kiran-mahal',
    fullName: 'Kiran Mahal',
    role: 'Minute Taker, Warwickshire Safeguarding',
    partnerId: 'warwickshire-safeguarding',
  },
  {
    // Trap (owner not on attendance): co-owner of the "amend title" action on 10 May 2022.
    id: 'caroline-mccluskey',
    fullName: 'Caroline McCluskey',
    notOnAttendance: true,
    notes:
      'Named only as an action owner on 10 May 2022; role and agency not given (presumably Warwickshire Safeguarding business team).',
  },
  {
    id: 'tracy-pilcher',
    fullName: 'Tracy Pilcher',
    initialsAsWritten: ['TP'],
    role: 'Chief Nurse, Coventry and Warwickshire ICB (appointed 2022, joining August)',
    partnerId: 'coventry-warwickshire-icb',
    notes: 'Sent apologies on 22 Sep 2022 yet is named as an action co-owner ("TP/JC").',
  },
  {
    id: 'jo-davies',
    fullName: 'Jo Davies',
    role: 'Warwickshire County Council (co-presented the IRO Annual Report 2021-22)',
    partnerId: 'warwickshire-county-council',
  },
  {
    id: 'john-coleman',
    fullName: 'John Coleman',
    // Trap (initials collide): "JCol", not "JC".
    initialsAsWritten: ['JCol'],
    role: 'Warwickshire County Council',
    partnerId: 'warwickshire-county-council',
  },
  {
    id: 'julie-smith',
    fullName: 'Julie Smith',
    role: 'Warwickshire County Council (co-presented the IRO Annual Report 2021-22)',
    partnerId: 'warwickshire-county-council',
  },
  {
    id: 'chelsea-jones',
    fullName: 'Chelsea Jones',
    initialsAsWritten: ['CJ'],
    role: 'Warwickshire Safeguarding business team',
    partnerId: 'warwickshire-safeguarding',
  },
  {
    // Trap (owner not on attendance): co-owner "AS/HR" of the 7MB action on 22 Sep 2022.
    id: 'holly-reed',
    fullName: 'Holly Reed',
    initialsAsWritten: ['HR'],
    notOnAttendance: true,
    notes: 'Named as action co-owner on 22 Sep 2022 but not on the attendance list; agency not given.',
  },
  {
    id: 'dave-andrews',
    fullName: 'Dave Andrews',
    notOnAttendance: true,
    source: { document: SOURCE_DOCUMENTS.wseb20220922, where: 'item 7: "Holly Reed is to liaise with Dave Andrews"' },
    notes: 'Contact for the modern slavery / human trafficking 7 minute briefings; agency not given.',
  },
  {
    id: 'david-peplow',
    fullName: 'David Peplow',
    role: 'Independent Chair, Warwickshire Safeguarding Children Board (from June 2014)',
    source: {
      document: SOURCE_DOCUMENTS.wscbAnnualReport201617,
      where: 'section 1, Forward - David Peplow, Independent Chair',
    },
    notes: 'From the 2016-17 annual report.',
  },
];
