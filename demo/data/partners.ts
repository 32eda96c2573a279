/**
 * Partner agencies, boards and successions derived from the source documents.
 * Ids are slugs of the organisation name; abbreviations from the minutes are kept in
 * `shortName` only (both Warwickshire's and Worcestershire's children's boards are "WSCB").
 */
import type { Board, Partner, PartnerSuccession } from './types';
import { SOURCE_DOCUMENTS } from './types-case-reviews';

const REPORT_2016_17 = SOURCE_DOCUMENTS.wscbAnnualReport201617;

const p = (
  id: string,
  name: string,
  kind: Partner['kind'],
  statutory: boolean,
  area: string,
  extra: Partial<Partner> = {},
): Partner => ({ id, name, kind, statutory, area, ...extra });

export const partners: Partner[] = [
  // --- Warwickshire ---------------------------------------------------------------
  p('warwickshire-county-council', 'Warwickshire County Council', 'local-authority', true, 'Warwickshire', {
    shortName: 'WCC',
  }),
  p('warwickshire-police', 'Warwickshire Police', 'police', true, 'Warwickshire'),
  p(
    'coventry-warwickshire-ccg',
    'Coventry and Warwickshire Clinical Commissioning Group',
    'health',
    true,
    'Coventry and Warwickshire',
    {
      shortName: 'CCG',
      activeTo: '2022-06-30',
      notes: 'Became the Integrated Care Board with effect from 1 July 2022 (announced at WSEB 10 May 2022).',
    },
  ),
  p(
    'coventry-warwickshire-icb',
    'Coventry and Warwickshire Integrated Care Board',
    'health',
    true,
    'Coventry and Warwickshire',
    {
      shortName: 'ICB',
      activeFrom: '2022-07-01',
    },
  ),
  p(
    'coventry-warwickshire-partnership-trust',
    'Coventry and Warwickshire Partnership Trust',
    'health',
    false,
    'Coventry and Warwickshire',
    {
      shortName: 'CWPT',
      notes: 'Mental health trust; CSPR concerns were shared with it (WSEB 10 May 2022).',
    },
  ),
  p(
    'warwickshire-safeguarding',
    'Warwickshire Safeguarding (partnership business team)',
    'other',
    false,
    'Warwickshire',
    {
      shortName: 'WS',
      // Trap (date inconsistency): recorded as stated, flagged in notes.
      activeFrom: '2020-09-29',
      notes:
        'The partnership and its business team. The 2020 cabinet report states the new arrangements took effect on 29 September 2020, yet it reports on 2019-20 and says the Executive Board had met since September 2019: 2019 may be meant. Recorded as stated.',
    },
  ),
  p('warwickshire-youth-justice-service', 'Warwickshire Youth Justice Service', 'other', false, 'Warwickshire', {
    source: {
      document: REPORT_2016_17,
      where: 'section 7.4 Child Sexual Exploitation: the conference "collaboration"',
    },
  }),
  p('warwickshire-north-ccg', 'Warwickshire North Clinical Commissioning Group', 'health', false, 'Warwickshire', {
    notes:
      'Named in the 2016-17 annual report; the sources do not say how it relates to the later Coventry and Warwickshire CCG, so no succession is recorded.',
  }),
  p('south-warwickshire-ccg', 'South Warwickshire Clinical Commissioning Group', 'health', false, 'Warwickshire'),
  p('coventry-rugby-ccg', 'Coventry and Rugby Clinical Commissioning Group', 'health', false, 'Coventry and Rugby'),
  p('cafcass', 'Cafcass', 'other', false, 'England', {
    source: {
      document: REPORT_2016_17,
      where: 'section 7.1 Resources and Governance: "smaller contributions made by Probation and Cafcass"',
    },
  }),
  p('barnardos', "Barnardo's (advocacy service)", 'voluntary', false, 'Warwickshire', {
    source: { document: SOURCE_DOCUMENTS.wseb20220922, where: 'item 3: "the Barnardo\'s Advocacy service"' },
  }),
  p('home-office', 'Home Office', 'other', false, 'England', {
    source: {
      document: SOURCE_DOCUMENTS.wseb20220922,
      where: 'item 4: "The responsibility and management of the hotel lies with the Home Office"',
    },
    notes: 'Runs the Rugby hotel for unaccompanied asylum-seeking children (WSEB 22 Sep 2022).',
  }),
  // --- Shared ---------------------------------------------------------------------
  p('national-probation-service', 'National Probation Service', 'probation', false, 'England and Wales', {
    shortName: 'NPS',
  }),
  // --- Worcestershire -------------------------------------------------------------
  p('worcestershire-county-council', 'Worcestershire County Council', 'local-authority', true, 'Worcestershire', {
    shortName: 'WCC',
    notes: '"WCC" also abbreviates Warwickshire County Council; ids keep them apart.',
  }),
  p('west-mercia-police', 'West Mercia Police', 'police', true, 'West Mercia', {
    shortName: 'WM Police',
    notes: 'Minutes write "WM Police"; Worcestershire is policed by West Mercia (not West Midlands) Police.',
  }),
  p('worcestershire-ccgs', 'Worcestershire Clinical Commissioning Groups', 'health', true, 'Worcestershire', {
    shortName: 'CCGs',
    notes: 'The minutes refer to "CCGs" collectively, represented by one Chief Nursing Officer.',
  }),
  p(
    'worcestershire-acute-hospitals-nhs-trust',
    'Worcestershire Acute Hospitals NHS Trust',
    'health',
    false,
    'Worcestershire',
    { shortName: 'WHAT' },
  ),
  p(
    'worcestershire-health-and-care-nhs-trust',
    'Worcestershire Health and Care NHS Trust',
    'health',
    false,
    'Worcestershire',
    { shortName: 'WH&CT' },
  ),
  p(
    'west-midlands-ambulance-service',
    'West Midlands Ambulance Service NHS Foundation Trust',
    'health',
    false,
    'West Midlands',
    { shortName: 'WMAS' },
  ),
  p('west-mercia-youth-justice-service', 'West Mercia Youth Justice Service', 'other', false, 'West Mercia'),
  p('worcestershire-district-councils', 'Worcestershire District Councils', 'local-authority', false, 'Worcestershire'),
  p(
    'hereford-worcester-fire-rescue',
    'Hereford and Worcester Fire and Rescue Service',
    'other',
    false,
    'Herefordshire and Worcestershire',
  ),
  p('healthwatch-worcestershire', 'Healthwatch Worcestershire', 'other', false, 'Worcestershire', {
    notes: 'Participant observer.',
  }),
  p('young-solutions', 'Young Solutions (community and voluntary sector)', 'voluntary', false, 'Worcestershire'),
  p(
    'worcestershire-schools-and-colleges',
    'Worcestershire schools, colleges and early years (sector representatives)',
    'education',
    false,
    'Worcestershire',
    {
      notes: 'Independent, middle and special school, college and early years representatives sit for their sectors.',
    },
  ),
  p(
    'worcestershire-scb-business-unit',
    'Worcestershire Safeguarding Children Board business unit',
    'other',
    false,
    'Worcestershire',
    { shortName: 'WSCB' },
  ),
  p('worcestershire-children-first', 'Worcestershire Children First', 'local-authority', false, 'Worcestershire', {
    shortName: 'WCF',
    activeFrom: '2019-10-01',
    source: {
      document: SOURCE_DOCUMENTS.worcsScb20190313,
      where: '2.3: "Worcestershire Children First is the new name of the council-owned Company"',
    },
    notes: "Council-owned company for children's services, due to go live 1 October 2019 (WSCB 13 Mar 2019).",
  }),
];

export const partnerSuccessions: PartnerSuccession[] = [
  {
    id: 'succession-cw-ccg-to-icb',
    fromPartnerId: 'coventry-warwickshire-ccg',
    toPartnerId: 'coventry-warwickshire-icb',
    effectiveDate: '2022-07-01',
    kind: 'replaced-by',
    announcedOnly: true,
    sourceMeetingId: 'wseb-2022-05-10',
    notes:
      'Announced by Jo Galloway on 10 May 2022; by 22 Sep 2022 Jackie Channell and Tracy Pilcher attend for the ICB. Commitments made by the CCG (e.g. the 2022/23 underwriting) pass to the ICB.',
  },
  {
    id: 'succession-worcs-cc-to-wcf',
    fromPartnerId: 'worcestershire-county-council',
    toPartnerId: 'worcestershire-children-first',
    effectiveDate: '2019-10-01',
    kind: 'functions-transferred',
    announcedOnly: true,
    sourceMeetingId: 'worcs-scb-2019-03-13',
    notes: "Children's services move to the council-owned company; the county council remains the statutory partner.",
  },
];

/** The three Warwickshire statutory partners as constituted on 10 May 2022 (health = CCG, pre-ICB). */
export const warwickshireStatutoryMay2022: readonly string[] = [
  'warwickshire-county-council',
  'warwickshire-police',
  'coventry-warwickshire-ccg',
];

export const boards: Board[] = [
  {
    id: 'wseb',
    name: 'Warwickshire Safeguarding Executive Board',
    area: 'Warwickshire',
    chairPersonId: 'elaine-coleridge-smith',
    statutoryPartnerIds: ['warwickshire-county-council', 'warwickshire-police', 'coventry-warwickshire-icb'],
    notes:
      'Executive board of Warwickshire Safeguarding (children and adults). Health seat held by the CCG until 30 June 2022.',
  },
  {
    id: 'wsp',
    name: 'Warwickshire Safeguarding Partnership group',
    area: 'Warwickshire',
    statutoryPartnerIds: ['warwickshire-county-council', 'warwickshire-police', 'coventry-warwickshire-icb'],
    notes: 'Wider partnership meeting ("WSP") fed by the Executive Board.',
  },
  {
    id: 'warwickshire-scb',
    name: 'Warwickshire Safeguarding Children Board',
    area: 'Warwickshire',
    chairPersonId: 'david-peplow',
    statutoryPartnerIds: [],
    source: { document: REPORT_2016_17, where: 'title and section 3 Governance and Accountability' },
    notes: 'Pre-2019 Local Safeguarding Children Board ("WSCB" — same abbreviation as Worcestershire\'s).',
  },
  {
    id: 'worcs-scb',
    name: 'Worcestershire Safeguarding Children Board',
    area: 'Worcestershire',
    chairPersonId: 'derek-benson',
    statutoryPartnerIds: ['worcestershire-county-council', 'west-mercia-police', 'worcestershire-ccgs'],
  },
];
