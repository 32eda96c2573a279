import type { TokenClaims } from '../../../src/auth/mint-token';
import { sendOk } from '../../support/http';
import { ESCALATION_PARTNERS } from '../../support/escalation-partners';
import { recordVerifiedActors } from '../../support/verified-actors';
import { startProjectionsApp, type ProjectionsTestApp } from './projections-app';

export type TrailApp = ProjectionsTestApp;

/** The projections test app (escalationTrailProjection is one of its PROJECTIONS); on close, as every e2e suite does, each event's actor must be a verified token's. */
export async function startTrailApp(): Promise<TrailApp> {
  const t = await startProjectionsApp({});
  const verified = recordVerifiedActors(t.app);
  return {
    ...t,
    async close() {
      const strangers = (await t.store.readAll()).filter(
        (e) => !verified.some((v) => v.userId === e.metadata.actor.userId && v.role === e.metadata.actor.role),
      );
      await t.close();
      if (strangers.length) throw new Error(`Events whose actor is no token's: ${strangers.length}`);
    },
  };
}

const admin = { userId: 'admin-1', role: 'admin' } as const;
const icbRep = { userId: 'icb-rep', role: 'partner-representative', agency: 'cw-icb' } as const;
const stages = [
  { name: 'Practitioner to practitioner', timescaleWorkingDays: 2 },
  { name: 'Manager to manager', timescaleWorkingDays: 5 },
  { name: 'Senior manager / designated safeguarding lead', timescaleWorkingDays: 10 },
];
const at = (date: string) => `${date}T09:00:00Z`;

/** Sends a setup command and insists it succeeded, so a broken setup never passes silently. */
async function ok(t: TrailApp, url: string, body: Record<string, unknown>, claims: Partial<TokenClaims> = {}) {
  await sendOk(t, url, body, await t.token(claims));
}

/**
 * wsep-2022-001, WCC about the ICB: raised Friday 27 May 2022; acknowledged 30 May; answered 31 May;
 * escalated 7 June (stage 1: 5 working days against 2, the jubilee days not counted: breached on
 * 1 June); resolved 10 June at stage 2 (3 working days against 5); closed 14 June.
 * wsep-2022-002, police about WCC: raised Thursday 15 September 2022 and still open at stage 1.
 */
export async function loadEscalations(t: TrailApp): Promise<void> {
  for (const partner of ESCALATION_PARTNERS) await ok(t, '/partners', partner, admin);
  await ok(
    t,
    '/escalation-protocols',
    { protocolId: 'ws-escalation-protocol', name: 'Warwickshire Safeguarding Escalation Protocol', stages },
    admin,
  );
  const raise = {
    protocolId: 'ws-escalation-protocol',
    subject: 'Delay in a health assessment for a child in care',
    caseReference: 'LCS-104233',
  };
  const E = '/escalations/wsep-2022-001';
  await ok(t, '/escalations', {
    ...raise,
    escalationId: 'wsep-2022-001',
    raisedByAgency: 'warwickshire-cc',
    concerningAgency: 'cw-icb',
    occurredAt: at('2022-05-27'),
  });
  await ok(t, `${E}/acknowledge`, { note: 'Received', occurredAt: at('2022-05-30') }, icbRep);
  await ok(
    t,
    `${E}/responses`,
    { respondingAgency: 'cw-icb', response: 'Assessment booked for 14 June', occurredAt: at('2022-05-31') },
    icbRep,
  );
  await ok(t, `${E}/escalate`, { reason: 'Date not acceptable for a child in care', occurredAt: at('2022-06-07') });
  await ok(t, `${E}/resolve`, {
    outcome: 'agreed',
    summary: 'Assessment brought forward to 9 June',
    occurredAt: at('2022-06-10'),
  });
  await ok(t, `${E}/close`, { occurredAt: at('2022-06-14') });
  await ok(t, '/escalations', {
    ...raise,
    escalationId: 'wsep-2022-002',
    raisedByAgency: 'warwickshire-police',
    concerningAgency: 'warwickshire-cc',
    subject: 'Strategy discussion not convened',
    occurredAt: at('2022-09-15'),
  });
  await t.runner.waitFor((await t.store.readAll()).at(-1)!.position);
}

/** The trail app listening on a port (for the SSE stream, which inject cannot read), loaded with the two escalations. */
export async function startLoadedTrailApp(): Promise<TrailApp> {
  const t = await startTrailApp();
  await t.app.listen(0, '127.0.0.1');
  await loadEscalations(t);
  return t;
}
