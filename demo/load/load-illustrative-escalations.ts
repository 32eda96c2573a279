import { businessManagerFor, representative } from './actors';
import type { DemoActor, DemoClient } from './demo-client';
import { at } from './mappings';

/**
 * ILLUSTRATIVE escalations, NOT from the source minutes: the minutes discuss the escalation
 * protocol (health escalations routed to Jackie Channell from September 2022) but record no
 * inter-agency case. These three show a new user the escalation trail, stage timescales and a
 * breach; every subject says "(illustrative)" and the case references are invented ("ILL-").
 */
interface Step {
  path: string;
  body: Record<string, unknown>;
  on: string;
  by: DemoActor;
}
interface Illustration {
  id: string;
  raise: Record<string, unknown>;
  on: string;
  by: DemoActor;
  steps: Step[];
}

const PROTOCOL = 'ws-escalation-protocol';
const manager = businessManagerFor('wseb');
const police = representative('pete-hill', 'warwickshire-police');
const council = representative('nigel-minns', 'warwickshire-county-council');
const icb = representative('jackie-channell', 'coventry-warwickshire-icb');

const ILLUSTRATIONS: Illustration[] = [
  {
    id: 'ill-2022-camhs-threshold',
    on: '2022-09-26',
    by: police,
    raise: {
      raisedByAgency: 'warwickshire-police',
      concerningAgency: 'coventry-warwickshire-icb',
      subject: '(illustrative) Threshold for a mental health referral of a young person with complex needs',
      caseReference: 'ILL-2022-0001',
    },
    steps: [
      { path: 'acknowledge', body: { note: 'Received by the designated nurse.' }, on: '2022-09-27', by: icb },
      {
        path: 'responses',
        body: {
          respondingAgency: 'coventry-warwickshire-icb',
          response: 'Referral criteria applied as written; no change proposed.',
        },
        on: '2022-09-28',
        by: icb,
      },
      {
        path: 'escalate',
        body: { reason: 'Practitioners could not agree; raised to managers.' },
        on: '2022-09-29',
        by: manager,
      },
      { path: 'acknowledge', body: { note: 'Managers to meet.' }, on: '2022-09-30', by: icb },
      {
        path: 'resolve',
        body: { outcome: 'agreed', summary: 'Joint assessment agreed with the trauma-informed pilot.' },
        on: '2022-10-07',
        by: manager,
      },
      { path: 'close', body: {}, on: '2022-10-10', by: manager },
    ],
  },
  {
    id: 'ill-2022-strategy-attendance',
    on: '2022-10-03',
    by: council,
    raise: {
      raisedByAgency: 'warwickshire-county-council',
      concerningAgency: 'warwickshire-police',
      subject: '(illustrative) Police attendance at a strategy discussion',
      caseReference: 'ILL-2022-0002',
    },
    steps: [
      { path: 'acknowledge', body: { note: 'Acknowledged late: leave embargo period.' }, on: '2022-10-10', by: police },
      {
        path: 'resolve',
        body: { outcome: 'partially-agreed', summary: 'Attendance by phone accepted for urgent discussions.' },
        on: '2022-10-12',
        by: manager,
      },
    ],
  },
  {
    id: 'ill-2022-education-placement',
    on: '2022-11-01',
    by: icb,
    raise: {
      raisedByAgency: 'coventry-warwickshire-icb',
      concerningAgency: 'warwickshire-county-council',
      subject: '(illustrative) Responsibility for arranging alternative education provision',
      caseReference: 'ILL-2022-0003',
    },
    steps: [],
  },
];

export async function loadIllustrativeEscalations(client: DemoClient): Promise<void> {
  for (const e of ILLUSTRATIONS) {
    const key = `demo:escalation:${e.id}`;
    await client.post(
      e.by,
      '/escalations',
      { escalationId: e.id, protocolId: PROTOCOL, ...e.raise, occurredAt: at(e.on) },
      `${key}:raise`,
    );
    for (const [i, s] of e.steps.entries()) {
      await client.post(
        s.by,
        `/escalations/${e.id}/${s.path}`,
        { ...s.body, occurredAt: at(s.on) },
        `${key}:${i}:${s.path}`,
      );
    }
  }
}
