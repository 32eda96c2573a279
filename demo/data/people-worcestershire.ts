/**
 * People named in the Worcestershire Safeguarding Children Board minutes of 13 March 2019.
 * Ids are name slugs, never initials:
 * - Trap (initials collide): Nicki Pettitt and Nick Pullan are both written "NP".
 * - "DBe" is Derek Benson; the "DB" who owned a December 2018 action is left unresolved.
 * - "KD" (whom Judith Willis deputised for) resolves to Kevin Dicks via the apologies list;
 *   "DP" (for whom Emma Whitworth presented) resolves to Superintendent Damian Pettit.
 * - "TR" (named twice in the minutes) is on no list and is not modelled as a person.
 */
import type { Person } from './types';
import { SOURCE_DOCUMENTS } from './types-case-reviews';

/** Compact constructor: id, full name as written, initials as written, role, partner. */
const w = (
  id: string,
  fullName: string,
  initials: string | undefined,
  role: string,
  partnerId: string | undefined,
  extra: Partial<Person> = {},
): Person => ({
  id,
  fullName,
  ...(initials ? { initialsAsWritten: [initials] } : {}),
  role,
  ...(partnerId ? { partnerId } : {}),
  ...extra,
});

const SCHOOLS = 'worcestershire-schools-and-colleges';
const WORCS_CC = 'worcestershire-county-council';
const BUSINESS_UNIT = 'worcestershire-scb-business-unit';

export const worcestershirePeople: Person[] = [
  w('matthew-armstrong', 'Matthew Armstrong', 'MA', 'Independent Schools representative', SCHOOLS),
  w(
    'keith-barham',
    'Keith Barham',
    'KB',
    'Head of Service, West Mercia Youth Justice Service',
    'west-mercia-youth-justice-service',
  ),
  w('derek-benson', 'Derek Benson', 'DBe', 'Independent Chair, WSCB', BUSINESS_UNIT),
  w('sarah-berry', 'Sarah Berry', 'SB', 'Minutes', BUSINESS_UNIT),
  w('julia-breakwell', 'Julia Breakwell', 'JB', 'College representative', SCHOOLS),
  w('emma-britain', 'Emma Britain', 'EB', "Children's Services, Worcestershire County Council", WORCS_CC),
  w('sarah-cox', 'Sarah Cox', 'SC', 'Adult Services, Worcestershire County Council', WORCS_CC),
  w('catherine-driscoll', 'Catherine Driscoll', 'CD', 'Director of Children, Families and Communities', WORCS_CC),
  w('angela-eason', 'Angela Eason', 'AE', 'WSCB business unit', BUSINESS_UNIT),
  w('ellen-footman', 'Ellen Footman', 'EF', 'Designated Nurse', 'worcestershire-ccgs', {
    notes: 'Also represented Lisa Levy (CCGs) on 13 Mar 2019.',
  }),
  w('sue-haddon', 'Sue Haddon', 'SH', 'WSCB Business Manager', BUSINESS_UNIT),
  w('denise-hannibal', 'Denise Hannibal', 'DH', 'Education Safeguarding Adviser', undefined, {
    notes: 'Employing agency not given in the minutes.',
  }),
  w('helen-hey', 'Helen Hey', 'HH', "Early Help, Children's Services", WORCS_CC, {
    notes: 'Deputised for Sarah Wilkins on 13 Mar 2019.',
  }),
  w('michael-hunter', 'Michael Hunter', 'MH', 'Community and Voluntary Sector representative', 'young-solutions'),
  w('david-lewis', 'David Lewis', 'DL', 'Designated Doctor', undefined, {
    notes: 'Employing agency not given in the minutes.',
  }),
  w(
    'lisa-miruszenko',
    'Lisa Miruszenko',
    'LM',
    'Worcestershire Acute Hospitals NHS Trust',
    'worcestershire-acute-hospitals-nhs-trust',
  ),
  // Trap (initials collide): two different people are "NP" in these minutes.
  w('nicki-pettitt', 'Nicki Pettitt', 'NP', 'Independent Reviewer', undefined, {
    notes: "Presented the SCR report; 'NP' resolved to her by role and by the minutes' 'her work'.",
  }),
  // Trap (initials collide): two different people are "NP" in these minutes.
  w('nick-pullan', 'Nick Pullan', 'NP', 'Middle School representative', SCHOOLS, {
    notes: "Shares the initials 'NP' with Nicki Pettitt; nothing in the minutes is attributed to him.",
  }),
  w('andy-roberts', 'Andy Roberts', 'AR', 'Lead Member, Worcestershire County Council', WORCS_CC),
  w(
    'liz-staples',
    'Liz Staples',
    'LS',
    'Worcestershire Health and Care NHS Trust',
    'worcestershire-health-and-care-nhs-trust',
  ),
  w('jackie-stevenson', 'Jackie Stevenson', 'JSte', 'National Probation Service', 'national-probation-service'),
  w('emma-whitworth', 'Emma Whitworth', 'EW', 'West Mercia Police', 'west-mercia-police'),
  w('judith-willis', 'Judith Willis', 'JW', 'District Councils', 'worcestershire-district-councils'),
  // --- sent apologies ---
  w('kevin-dicks', 'Kevin Dicks', 'KD', 'District Councils', 'worcestershire-district-councils'),
  w('damian-pettit', 'Damian Pettit', 'DP', 'Superintendent, West Mercia Police', 'west-mercia-police', {
    notes: 'Not to be confused with Nicki Pettitt (Independent Reviewer).',
  }),
  w(
    'vicky-morris',
    'Vicky Morris',
    undefined,
    'Chief Nursing Officer, Worcestershire Acute Hospitals NHS Trust',
    'worcestershire-acute-hospitals-nhs-trust',
  ),
  w(
    'lisa-levy',
    'Lisa Levy',
    undefined,
    'Chief Nursing Officer, Director of Quality and Executive Safeguarding Lead for CCGs',
    'worcestershire-ccgs',
  ),
  w(
    'nathan-travis',
    'Nathan Travis',
    undefined,
    'Hereford and Worcester Fire and Rescue Service',
    'hereford-worcester-fire-rescue',
  ),
  w('paul-robinson', 'Paul Robinson', undefined, 'Chief Executive, Worcestershire County Council', WORCS_CC),
  w(
    'nick-wilson',
    'Nick Wilson',
    undefined,
    'Assistant Director (Education and Skills), Worcestershire County Council',
    WORCS_CC,
  ),
  // Trap (apologies but quoted): "SW noted..." in item 2.3 although she sent apologies.
  w(
    'sarah-wilkins',
    'Sarah Wilkins',
    'SW',
    'Assistant Director (Early Help and Commissioning), Worcestershire County Council',
    WORCS_CC,
    { notes: "Sent apologies on 13 Mar 2019 (Helen Hey deputised), yet the minutes attribute a remark to 'SW'." },
  ),
  w(
    'michelle-clarke',
    'Michelle Clarke',
    undefined,
    'Director of Nursing and Quality, Worcestershire Health and Care NHS Trust',
    'worcestershire-health-and-care-nhs-trust',
  ),
  w(
    'jane-stanley',
    'Jane Stanley',
    undefined,
    'Healthwatch Worcestershire (participant observer)',
    'healthwatch-worcestershire',
  ),
  w('paul-yeomans', 'Paul Yeomans', undefined, 'Special Schools representative', SCHOOLS),
  w('natalie-burford', 'Natalie Burford', undefined, 'Early Years representative', SCHOOLS),
  // --- named in discussion only ---
  // "JC" is also Jackie Channell's initials in Warwickshire; ids keep them apart.
  w('jon-chapman', 'Jon Chapman', undefined, 'Author of the SCR overview report', undefined, {
    notOnAttendance: true,
    source: {
      document: SOURCE_DOCUMENTS.worcsScb20190313,
      where: 'Part 1: "Thanks were extended to EF and Jon Chapman (author)"',
    },
    notes: 'Thanked as author of the SCR overview report; on no attendance or apologies list.',
  }),
];
