/**
 * Inspections of partner agencies and their recommendations, from two source documents:
 *
 * - Warwickshire Safeguarding Executive Board minutes, 22 September 2022
 *   (seeds 001_c61fdfe20dc690cb.txt), item 9 "Police Inspection Report – verbal update": the
 *   Warwickshire Police inspection "took place in February 2022 (published August 2022)"; "The
 *   report highlighted eight key recommendations"; "Within six months, Pete Hill is to provide an
 *   update to the WSEB on the progress of the recommendations"; action "Item to be added to WSEB
 *   forward plan for April 2023 meeting" (CJ).
 * - Warwickshire Safeguarding Children Board annual report 2016-17 (seeds 003_3138b66d3f6a209c.txt),
 *   section 6 Core Statutory Functions, Monitoring and Evaluation (contents: page 15), "Inspection
 *   reports": "In 2016-17 this included HMIC PEEL inspections and a CQC inspection of safeguarding
 *   and looked after children. The CQC action plan is being monitored by the Performance,
 *   Monitoring and Evaluation subcommittee."
 *
 * Everything the documents do not give is labelled "illustrative" in the record's own text.
 * Traps: the minutes say "eight key recommendations" and then list seven topics; the minutes never
 * name the inspectorate (police forces in England are inspected by HMICFRS); the update is due
 * "within six months" of the meeting at which it was said (22 September 2022, so by 22 March 2023),
 * while the forward-plan action puts it on the April 2023 agenda, after that date.
 */

const MINUTES_2022_09_22 = 'WSEB minutes 22 September 2022 (seeds 001_c61fdfe20dc690cb.txt), item 9';
const ANNUAL_REPORT_2016_17 =
  "WSCB annual report 2016-17 (seeds 003_3138b66d3f6a209c.txt), section 6 'Monitoring and Evaluation', 'Inspection reports' (contents: page 15)";

export interface DemoRecommendation {
  id: string;
  /** What the source says, paraphrased; "Illustrative:" where it says nothing. */
  text: string;
  /** Progress the source records at the meeting that took the report, if any. */
  progress?: string;
}

export interface DemoInspection {
  id: string;
  body: 'hmicfrs' | 'cqc';
  title: string;
  fieldworkFrom: string;
  fieldworkTo: string;
  publishedOn: string;
  reportReference: string;
  partnerIds: string[];
  monitoredBy: string;
  /** When and by whom it was recorded: the meeting that took the report, or the report's year. */
  recordedOn: string;
  recordedAtMeetingId?: string;
  /** The date the next progress update is due, as the source says it (absent: the source gives none). */
  nextUpdateDue?: string;
  /** Tracked actions (demo actions) that answer every recommendation. */
  actionIds: string[];
  recommendations: DemoRecommendation[];
  /** Where each fact comes from. */
  sources: string[];
  notes: string[];
}

export const policeInspection2022: DemoInspection = {
  id: 'hmicfrs-warwickshire-police-2022',
  body: 'hmicfrs',
  title: 'Warwickshire Police inspection, February 2022 (published August 2022)',
  // "took place in February 2022 (published August 2022)": the months are the minutes'; the days are not.
  fieldworkFrom: '2022-02-01',
  fieldworkTo: '2022-02-28',
  publishedOn: '2022-08-01',
  reportReference:
    'Police Inspection Report, Warwickshire Police (minutes item 9); fieldwork recorded as the whole of February 2022 and publication on 1 August 2022: illustrative days, the minutes give the months only',
  partnerIds: ['warwickshire-police'],
  monitoredBy: 'WSEB',
  recordedOn: '2022-09-22',
  recordedAtMeetingId: 'wseb-2022-09-22',
  // "Within six months" of the meeting of 22 September 2022 at which it was said.
  nextUpdateDue: '2023-03-22',
  actionIds: ['wseb-2022-09-22-a8'],
  recommendations: [
    {
      id: 'r1',
      text: 'Responses to incidents where children are involved: inspectors felt there was insufficient focus when a child had been involved in an incident.',
      progress: 'OCC management staff are looking to refresh processes.',
    },
    {
      id: 'r2',
      text: "Warwickshire Police to make sure children's views and concerns are recorded.",
      progress: 'Risk assessment processes have been refreshed so that the voice of the child is captured.',
    },
    { id: 'r3', text: 'Warwickshire Police to improve its child protection and exploitation investigations.' },
    { id: 'r4', text: 'Managing the risk to children in respect of sex offenders.' },
    {
      id: 'r5',
      text: 'Assessments and help where there has been drift and delay in missing persons investigations.',
      progress: 'Processes have been amended; concerns about missing children are shared with partners.',
    },
    {
      id: 'r6',
      text: 'Use of police protection powers.',
      progress:
        'Staff have been advised to take children to family centres overnight, but there are occasions where children are taken to the police station.',
    },
    { id: 'r7', text: 'Warwickshire Police to carry out a review of how it manages the detention of children.' },
    {
      id: 'r8',
      text: 'Illustrative: the eighth of the "eight key recommendations"; the minutes list seven topics and do not name it.',
    },
  ],
  sources: [MINUTES_2022_09_22],
  notes: [
    'The minutes say "Police Inspection"; the body is recorded as HMICFRS, the inspectorate of police forces in England.',
    'Progress lines are what Pete Hill reported at the meeting, recorded as updates dated 22 September 2022.',
    'The update action (wseb-2022-09-22-a8) is the action plan linked to every recommendation.',
  ],
};

export const cqcInspection201617: DemoInspection = {
  id: 'cqc-slac-warwickshire-2016-17',
  body: 'cqc',
  title: 'CQC inspection of safeguarding and looked after children (2016-17)',
  // The report places it in 2016-17 and gives no dates: these are illustrative.
  fieldworkFrom: '2016-10-03',
  fieldworkTo: '2016-10-07',
  publishedOn: '2017-01-16',
  reportReference:
    'CQC inspection of safeguarding and looked after children, WSCB annual report 2016-17 (Inspection reports). Illustrative: the fieldwork and publication dates (the report gives the year), agencies inspected (none named), day recorded (year end)',
  // Illustrative: the report does not name the agencies inspected; CQC inspects health services,
  // so the three Warwickshire CCGs of 2016-17 are named.
  partnerIds: ['warwickshire-north-ccg', 'south-warwickshire-ccg', 'coventry-rugby-ccg'],
  monitoredBy: 'WSCB Performance, Monitoring and Evaluation subcommittee (the CQC action plan "is being monitored")',
  recordedOn: '2017-03-31',
  actionIds: [],
  recommendations: [],
  sources: [ANNUAL_REPORT_2016_17],
  notes: [
    'The report names no recommendations and no due date: none are recorded, and no update is due.',
    'recordedOn (31 March 2017, the end of the year the report covers) is illustrative.',
    'The agencies inspected (the three CCGs) are illustrative: the report does not name them.',
    'The HMIC PEEL inspections the same paragraph mentions are not recorded: it gives nothing about them.',
  ],
};

export const demoInspections: DemoInspection[] = [cqcInspection201617, policeInspection2022];
