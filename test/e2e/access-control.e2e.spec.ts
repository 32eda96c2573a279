import { ROLE_PERMISSIONS, ROLES, type Permission, type Role } from '../../src/auth/permissions';
import { operations, type OpenApiDoc } from '../support/openapi-bodies';
import { eventCount } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Every endpoint and the permission it needs. Adding an endpoint without a line here fails the
 * first test, so access is always decided on purpose. Who holds each permission is defined once,
 * in src/auth/permissions.ts.
 */
const ENDPOINTS: Record<string, Permission | 'public'> = {
  health: 'public', // GET /health
  requestEvidencePack: 'packs:request', // POST /evidence-packs (202: built in the background)
  listEvidencePacks: 'packs:access-log', // GET /evidence-packs (requesters all; inspectors only active grants; others none)
  getEvidencePack: 'packs:access-log', // GET /evidence-packs/{packId} (same visibility; 404 when not yours to see)
  downloadEvidencePack: 'packs:access-log', // GET /evidence-packs/{packId}/download (same visibility; records the download)
  grantEvidencePackAccess: 'packs:grant', // POST /evidence-packs/{packId}/grants
  revokeEvidencePackAccess: 'packs:grant', // POST /evidence-packs/{packId}/grants/{inspectorUserId}/revoke
  getEvidencePackAccessLog: 'packs:access-log', // GET /evidence-packs/{packId}/access-log (requesters, DPOs; inspectors only active grants)
  recordLedgerDigest: 'ledger:digest', // POST /ledger/digests
  listLedgerDigests: 'ledger:read', // GET /ledger/digests
  getLedgerDigest: 'ledger:read', // GET /ledger/digests/{digestId} (with its signed payload and proof links)
  proveDigestConsistency: 'ledger:read', // GET /ledger/digests/{digestId}/consistency?from={olderDigestId}
  proveEventInclusion: 'ledger:read', // GET /ledger/events/{position}/inclusion?digest={digestId}
  listActionLog: 'ledger:read', // GET /action-log
  listActionLogAsOf: 'ledger:read', // GET /as-of/action-log
  getActionLogEntryAsOf: 'ledger:read', // GET /as-of/action-log/{actionId}
  getActionLogEntry: 'ledger:read', // GET /action-log/{actionId}
  streamActionLog: 'ledger:read', // GET /action-log/stream (server-sent events)
  listBudgets: 'ledger:read', // GET /budgets
  getBudgetContributions: 'ledger:read', // GET /budgets/{financialYear}/contributions
  streamBudgets: 'ledger:read', // GET /budgets/stream (server-sent events)
  listBudgetsAsOf: 'ledger:read', // GET /as-of/budgets
  getBudgetContributionsAsOf: 'ledger:read', // GET /as-of/budgets/{financialYear}/contributions
  listEscalationTrail: 'ledger:read', // GET /escalation-trail
  summariseEscalationTrail: 'ledger:read', // GET /escalation-trail/summary
  getEscalationTrail: 'ledger:read', // GET /escalation-trail/{escalationId}
  streamEscalationTrail: 'ledger:read', // GET /escalation-trail/stream (server-sent events)
  listEscalationTrailAsOf: 'ledger:read', // GET /as-of/escalation-trail
  summariseEscalationTrailAsOf: 'ledger:read', // GET /as-of/escalation-trail/summary
  getEscalationTrailAsOf: 'ledger:read', // GET /as-of/escalation-trail/{escalationId}
  listDecisionRegister: 'ledger:read', // GET /decision-register
  getDecisionRegisterEntry: 'ledger:read', // GET /decision-register/{decisionId}
  getDecisionRegisterHistory: 'ledger:read', // GET /decision-register/{decisionId}/history
  streamDecisionRegister: 'ledger:read', // GET /decision-register/stream (server-sent events)
  listDecisionRegisterAsOf: 'ledger:read', // GET /as-of/decision-register
  getDecisionRegisterEntryAsOf: 'ledger:read', // GET /as-of/decision-register/{decisionId}
  getDecisionRegisterHistoryAsOf: 'ledger:read', // GET /as-of/decision-register/{decisionId}/history
  listPartners: 'ledger:read', // GET /partners
  getPartner: 'ledger:read', // GET /partners/{partnerId}
  getPartnerHistory: 'ledger:read', // GET /partners/{partnerId}/history
  streamPartners: 'ledger:read', // GET /partners/stream (server-sent events)
  listPartnersAsOf: 'ledger:read', // GET /as-of/partners
  getPartnerAsOf: 'ledger:read', // GET /as-of/partners/{partnerId}
  getPartnerHistoryAsOf: 'ledger:read', // GET /as-of/partners/{partnerId}/history
  listPeople: 'ledger:read', // GET /people
  getPerson: 'ledger:read', // GET /people/{personId}
  getPersonHistory: 'ledger:read', // GET /people/{personId}/history
  streamPeople: 'ledger:read', // GET /people/stream (server-sent events)
  listPeopleAsOf: 'ledger:read', // GET /as-of/people
  getPersonAsOf: 'ledger:read', // GET /as-of/people/{personId}
  getPersonHistoryAsOf: 'ledger:read', // GET /as-of/people/{personId}/history
  listBoards: 'ledger:read', // GET /boards
  getBoard: 'ledger:read', // GET /boards/{boardId}
  getBoardHistory: 'ledger:read', // GET /boards/{boardId}/history
  streamBoards: 'ledger:read', // GET /boards/stream (server-sent events)
  listBoardsAsOf: 'ledger:read', // GET /as-of/boards
  getBoardAsOf: 'ledger:read', // GET /as-of/boards/{boardId}
  getBoardHistoryAsOf: 'ledger:read', // GET /as-of/boards/{boardId}/history
  listMeetings: 'ledger:read', // GET /meetings
  getMeeting: 'ledger:read', // GET /meetings/{meetingId}
  getMeetingHistory: 'ledger:read', // GET /meetings/{meetingId}/history
  streamMeetings: 'ledger:read', // GET /meetings/stream (server-sent events)
  listMeetingsAsOf: 'ledger:read', // GET /as-of/meetings
  getMeetingAsOf: 'ledger:read', // GET /as-of/meetings/{meetingId}
  getMeetingHistoryAsOf: 'ledger:read', // GET /as-of/meetings/{meetingId}/history
  listSignoffs: 'ledger:read', // GET /signoffs
  getSignoff: 'ledger:read', // GET /signoffs/{signoffId}
  getSignoffHistory: 'ledger:read', // GET /signoffs/{signoffId}/history
  streamSignoffs: 'ledger:read', // GET /signoffs/stream (server-sent events)
  listSignoffsAsOf: 'ledger:read', // GET /as-of/signoffs
  getSignoffAsOf: 'ledger:read', // GET /as-of/signoffs/{signoffId}
  getSignoffHistoryAsOf: 'ledger:read', // GET /as-of/signoffs/{signoffId}/history
  listEscalationProtocols: 'ledger:read', // GET /escalation-protocols
  getEscalationProtocol: 'ledger:read', // GET /escalation-protocols/{protocolId}
  getEscalationProtocolHistory: 'ledger:read', // GET /escalation-protocols/{protocolId}/history
  streamEscalationProtocols: 'ledger:read', // GET /escalation-protocols/stream (server-sent events)
  listEscalationProtocolsAsOf: 'ledger:read', // GET /as-of/escalation-protocols
  getEscalationProtocolAsOf: 'ledger:read', // GET /as-of/escalation-protocols/{protocolId}
  getEscalationProtocolHistoryAsOf: 'ledger:read', // GET /as-of/escalation-protocols/{protocolId}/history
  readStream: 'ledger:read', // GET /ledger/streams/{streamId}
  verifyLedger: 'ledger:read', // GET /ledger/verify
  registerPartner: 'partners:manage', // POST /partners
  renamePartner: 'partners:manage', // POST /partners/{partnerId}/rename
  succeedPartner: 'partners:manage', // POST /partners/{partnerId}/succession
  registerPerson: 'partners:manage', // POST /people
  updatePerson: 'partners:manage', // POST /people/{personId}/update
  registerBoard: 'partners:manage', // POST /boards
  scheduleMeeting: 'meetings:record', // POST /meetings
  recordAttendance: 'meetings:record', // POST /meetings/{meetingId}/attendance
  correctAttendance: 'meetings:record', // POST /meetings/{meetingId}/attendance/{personId}/correction
  addAgendaItem: 'meetings:record', // POST /meetings/{meetingId}/agenda-items
  approvePreviousMinutes: 'meetings:record', // POST /meetings/{meetingId}/previous-minutes-approval
  changeMeetingLocation: 'meetings:record', // POST /meetings/{meetingId}/location
  closeMeeting: 'meetings:record', // POST /meetings/{meetingId}/close
  recordDecision: 'decisions:record', // POST /decisions
  satisfyDecisionCondition: 'decisions:record', // POST /decisions/{decisionId}/satisfy-condition
  rescindDecision: 'decisions:record', // POST /decisions/{decisionId}/rescind
  supersedeDecision: 'decisions:record', // POST /decisions/{decisionId}/supersede
  requestSignoff: 'signoffs:request', // POST /signoffs
  signSignoff: 'signoffs:sign', // POST /signoffs/{signoffId}/sign
  reviseSignoffArtefact: 'signoffs:request', // POST /signoffs/{signoffId}/revise
  withdrawSignoffSignature: 'signoffs:sign', // POST /signoffs/{signoffId}/withdraw-signature
  withdrawSignoffRequest: 'signoffs:request', // POST /signoffs/{signoffId}/withdraw
  raiseAction: 'actions:manage', // POST /actions
  noteActionProgress: 'actions:update', // POST /actions/{actionId}/progress
  carryActionForward: 'actions:manage', // POST /actions/{actionId}/carry-forward
  reassignAction: 'actions:manage', // POST /actions/{actionId}/reassign
  changeActionDueDate: 'actions:manage', // POST /actions/{actionId}/due-date
  completeAction: 'actions:update', // POST /actions/{actionId}/complete
  closeAction: 'actions:manage', // POST /actions/{actionId}/close
  reopenAction: 'actions:manage', // POST /actions/{actionId}/reopen
  cancelAction: 'actions:manage', // POST /actions/{actionId}/cancel
  defineEscalationProtocol: 'partners:manage', // POST /escalation-protocols
  reviseEscalationProtocol: 'partners:manage', // POST /escalation-protocols/{protocolId}/revise
  raiseEscalation: 'escalations:raise', // POST /escalations
  acknowledgeEscalation: 'escalations:respond', // POST /escalations/{escalationId}/acknowledge
  recordEscalationResponse: 'escalations:respond', // POST /escalations/{escalationId}/responses
  escalateEscalation: 'escalations:manage', // POST /escalations/{escalationId}/escalate
  resolveEscalation: 'escalations:manage', // POST /escalations/{escalationId}/resolve
  closeEscalation: 'escalations:manage', // POST /escalations/{escalationId}/close
  rectifyDataSubject: 'escalations:manage', // POST /escalations/{escalationId}/data-subjects/{subjectId}/rectification
  eraseDataSubject: 'personal-data:erase', // POST /data-subjects/{subjectId}/erasure (data protection officers only)
  listDataSubjects: 'personal-data:read', // GET /data-subjects (values in clear to chair, business manager, DPO only)
  getDataSubject: 'personal-data:read', // GET /data-subjects/{subjectId}
  getDataSubjectHistory: 'personal-data:read', // GET /data-subjects/{subjectId}/history
  setBudget: 'funding:manage', // POST /budgets
  reviseBudget: 'funding:manage', // POST /budgets/{financialYear}/revision
  pledgeContribution: 'funding:pledge', // POST /budgets/{financialYear}/pledges
  amendPledge: 'funding:pledge', // POST /budgets/{financialYear}/pledges/{pledgeId}/amendment
  withdrawPledge: 'funding:pledge', // POST /budgets/{financialYear}/pledges/{pledgeId}/withdrawal
  recordPayment: 'funding:manage', // POST /budgets/{financialYear}/payments
  underwriteShortfall: 'funding:manage', // POST /budgets/{financialYear}/underwritings
};

/**
 * Live streams never finish, so allowed calls are proven over a real socket in their own tests; here
 * only refusals. A stream is an operation whose 200 is text/event-stream, read from the document so a
 * new stream cannot be missed.
 */
const isStream = (op: { responses?: Record<string, unknown> }) => {
  const ok = op.responses?.['200'] as { content?: Record<string, unknown> } | undefined;
  return 'text/event-stream' in (ok?.content ?? {});
};

/** Facts about roles the partnership relies on, stated independently of the permissions table. */
const WRITES_NOTHING: Role[] = ['auditor', 'inspector'];

describe('access control: every endpoint against every role (e2e)', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  });
  afterAll(async () => {
    await t.close();
  });

  it('has an entry for every endpoint in the OpenAPI document, and each endpoint declares that permission', () => {
    const served = Object.fromEntries(
      operations(doc).map(({ op }) => [op.operationId, op['x-required-permission'] ?? 'public']),
    );
    expect(Object.keys(served).sort()).toEqual(Object.keys(ENDPOINTS).sort());
    expect(served).toEqual(ENDPOINTS);
  });

  it('answers 401 without a token on every endpoint, and serves /health and the OpenAPI document openly', async () => {
    for (const { method, path, op } of operations(doc)) {
      if (ENDPOINTS[op.operationId] === 'public') continue;
      const res = await t.app.inject({
        method: method as 'GET',
        url: path.replace(/\{[^}]+\}/g, 'some-id'),
        payload: method === 'GET' ? undefined : {},
      });
      expect({ path, status: res.statusCode }).toEqual({ path, status: 401 });
    }
    for (const url of ['/health', '/openapi.json', '/docs'])
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBeLessThan(400);
  });

  it('lets each role through exactly the endpoints its permissions allow, and answers 403 elsewhere', async () => {
    const mismatches: string[] = [];
    for (const role of ROLES) {
      const token = await t.token({ role, userId: `user-${role}`, agency: 'warwickshire-police' });
      for (const { method, path, op } of operations(doc)) {
        const permission = ENDPOINTS[op.operationId];
        const allowed = permission === 'public' || ROLE_PERMISSIONS[role].includes(permission);
        if (allowed && isStream(op)) continue;
        // An empty body: allowed roles get past the guard and meet validation (4xx), refused roles get 403.
        const res = await t.app.inject({
          method: method as 'GET',
          url: path.replace(/\{[^}]+\}/g, 'some-id'),
          headers: { authorization: `Bearer ${token}` },
          payload: method === 'GET' ? undefined : {},
        });
        const got = res.statusCode === 403 ? 'refused' : res.statusCode === 401 ? 'unauthenticated' : 'allowed';
        if (got !== (allowed ? 'allowed' : 'refused')) mismatches.push(`${role} ${op.operationId}: ${res.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(await eventCount(t)).toBe(0);
  });

  it('gives auditors and inspectors no permission to change the governance record, and inspectors only granted packs', () => {
    const governanceWrites = Object.values(ENDPOINTS).filter(
      (p): p is Permission =>
        p !== 'public' && !p.startsWith('ledger:') && !p.startsWith('packs:') && p !== 'personal-data:read',
    );
    for (const role of WRITES_NOTHING)
      expect(ROLE_PERMISSIONS[role].filter((p) => governanceWrites.includes(p))).toEqual([]);
    expect(ROLE_PERMISSIONS.inspector).toEqual(['packs:read-granted', 'packs:access-log']);
  });
});
