import fc from 'fast-check';
import { loadDemo } from '../../demo/load/load-demo';
import type { StoredEvent } from '../../src/ledger/event-envelope';
import { verifyStore } from '../../src/ledger/integrity/verify-store';
import {
  badBodies,
  bodySchema,
  fillPath,
  isEventStream,
  operations,
  queryString,
  sample,
  sampleQuery,
  type OpenApiDoc,
  type Operation,
  type RawBody,
} from '../support/openapi-bodies';
import type { Role } from '../../src/auth/permissions';
import { describeMismatch, describesEvents, ResponseValidator, type Mismatch } from '../support/openapi-responses';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Every operation the served OpenAPI document lists, sent valid, invalid and null-laden bodies,
 * good and malformed path ids and query values, as a role allowed to call it, over the demo data
 * set (so well-formed ids name real records and valid bodies reach the handlers). No answer may
 * be a 5xx or outside the document (status, content type and body checked against the operation:
 * test/support/openapi-responses.ts), a request malformed whatever the records' state must be a 4xx problem, a refused
 * request may write no event, and the ledger still verifies afterwards. Deterministic: the generated bodies come
 * from fast-check with a fixed seed and a fixed number of runs.
 */
const SEED = 20_221_121;
const GENERATED_PER_OPERATION = 6;
/** Raw path segments, already percent-encoded (or deliberately not: %FF is not UTF-8, % alone is no escape). */
const MALFORMED_IDS = [
  'BAD%20ID',
  '%00',
  'a'.repeat(300),
  '..',
  '-leading',
  'UPPER',
  '%E2%80%AE',
  '%F0%9F%98%80',
  '%FF',
  '%',
  'x%2Fy',
];
const ODD_QUERY_VALUES = [
  'abc',
  '1e400',
  'NaN',
  'Infinity',
  '-1',
  '99999999999999999999999',
  '',
  'x'.repeat(3000),
  '%00',
  '%FF',
  '%',
  '2022-02-30',
  '1.5',
];
/** Path parameter -> the stream category whose ids it names, to find a real one in the demo log. */
const CATEGORY: Record<string, string> = {
  partnerId: 'partner',
  personId: 'person',
  meetingId: 'meeting',
  decisionId: 'decision',
  signoffId: 'signoff',
  actionId: 'action',
  protocolId: 'protocol',
  escalationId: 'escalation',
  caseReviewId: 'casereview',
  inspectionId: 'inspection',
  thematicReviewId: 'thematicreview',
  auditId: 'multiagencyaudit',
  itemId: 'forwardplan',
  financialYear: 'budget',
  packId: 'pack',
};

/** One request; `refuse`: the edge must answer 4xx whatever the records' state (the body's own flag counts too). */
type Request = {
  op: Operation;
  method: string;
  url: string;
  body?: RawBody;
  token?: string;
  label: string;
  headers?: Record<string, string>;
  refuse?: boolean;
};
/** Odd values for the headers every command reads: each alone, on an otherwise valid request. */
const ODD_HEADERS: [Record<string, string>, boolean][] = [
  [{ 'if-match': 'abc' }, true],
  [{ 'if-match': '"99999999999999999999"' }, true],
  [{ 'if-match': 'W/"-1"' }, false],
  [{ 'if-match': '*' }, true],
  [{ 'if-match': '"1", "2"' }, true],
  [{ 'idempotency-key': 'x'.repeat(300) }, true],
  [{ 'idempotency-key': ' ' }, true],
  [{ 'x-correlation-id': '\u00e9'.repeat(200) }, false],
  [{ 'content-length': '0' }, false],
];
/** Query values no numeric parameter may accept (limits, revisions, stages, positions). */
const NOT_A_COUNT = new Set(['abc', '1e400', 'NaN', 'Infinity', '-1', '99999999999999999999999', '1.5']);

describe('OpenAPI-driven fuzz (e2e): every operation, valid, invalid and null-laden input: 0 answers of 5xx, 0 events written on a refusal', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let realIds: Record<string, string>;
  let validator: ResponseValidator;
  const mismatches: Mismatch[] = [];
  const tokens = new Map<string, string>();
  const accepted = new Set<string>();
  let head: number | undefined;
  let sent = 0;
  const failures: string[] = [];

  beforeAll(async () => {
    // In memory by default; FUZZ_STORE=sqlite runs the same sweep on the durable engine.
    t = await startTestApp(process.env.FUZZ_STORE ? { LEDGER_STORE: process.env.FUZZ_STORE } : {});
    await loadDemo(t.app);
    doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<OpenApiDoc>();
    validator = new ResponseValidator(doc);
    const log = await t.store.readAll();
    head = log.at(-1)?.position;
    realIds = realIdsOf(log);
  });
  afterAll(async () => {
    await t.close();
  });

  async function tokenFor(op: Operation): Promise<string | undefined> {
    const role = op['x-allowed-roles']?.[0] as Role | undefined;
    if (!role) return undefined;
    if (!tokens.has(role))
      tokens.set(role, await t.token({ role, userId: `fuzz-${role}`, agency: 'warwickshire-police' }));
    return tokens.get(role);
  }

  /** Sends one request and judges it: no 5xx; a 4xx is problem+json and wrote no event. */
  async function judge(r: Request): Promise<void> {
    const correlationId = `fuzz-${++sent}`;
    const headers: Record<string, string> = { 'x-correlation-id': correlationId, ...r.headers };
    if (r.token) headers.authorization = `Bearer ${r.token}`;
    if (r.body) headers['content-type'] = r.body.contentType ?? 'application/json';
    const res = await t.app.inject({
      method: r.method as 'GET',
      url: r.url,
      headers,
      ...(r.body ? { payload: r.body.payload } : {}),
    });
    const fresh = await t.store.readAll({ after: head });
    head = fresh.at(-1)?.position ?? head;
    const what = `${r.op.operationId} ${r.method} ${r.url.slice(0, 120)} [${r.label}]`;
    // Every answer as the document says: a documented status, its content type, its schema.
    const answer = {
      method: r.method,
      url: r.url,
      status: res.statusCode,
      contentType: res.headers['content-type'] as string | undefined,
      body: res.body,
    };
    for (const m of validator.check(answer)) {
      mismatches.push(m);
      failures.push(`${what}: ${describeMismatch(answer, m)}`);
    }
    if ((r.refuse || r.body?.refuse) && res.statusCode < 400)
      failures.push(`${what}: accepted (${res.statusCode}) what must be refused`);
    if (res.statusCode >= 500) failures.push(`${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    // An accepted request's events are its own, whatever correlation id they carry (an odd header gets a fresh one).
    if (res.statusCode < 300)
      for (const id of [correlationId, ...fresh.map((e) => e.metadata.correlationId)]) accepted.add(id);
    if (res.statusCode >= 400) {
      if (!String(res.headers['content-type']).includes('application/problem+json'))
        failures.push(`${what}: ${res.statusCode} not problem+json`);
      // Events of work an earlier accepted request started (an evidence pack being built) may land meanwhile; none of this one's.
      const own = fresh.filter((e) => !accepted.has(e.metadata.correlationId));
      if (own.length) failures.push(`${what}: ${res.statusCode} yet wrote ${own.map((e) => e.type).join(', ')}`);
    }
  }

  function requestsFor(
    method: string,
    path: string,
    op: Operation,
    token: string | undefined,
    index: number,
  ): Request[] {
    const url = fillPath(path, realIds);
    const query = sampleQuery(doc, op);
    const schema = bodySchema(doc, op);
    const valid: RawBody | undefined = schema
      ? { name: 'valid', payload: JSON.stringify(sample(doc, schema)) }
      : undefined;
    const out: Request[] = [{ op, method, url: url + queryString(query), body: valid, token, label: 'valid' }];
    if (path.includes('{')) {
      for (const id of MALFORMED_IDS)
        out.push({
          op,
          method,
          url: path.replace(/\{[^}]+\}/g, id),
          body: valid,
          token,
          label: `malformed id ${id.slice(0, 12)}`,
          refuse: true,
        });
      // A command on a record that does not exist is refused; a read of one may answer empty (a stream's events).
      out.push({
        op,
        method,
        url: fillPath(path, { financialYear: '2098-99' }) + queryString(query),
        body: valid,
        token,
        label: 'unknown id',
        refuse: method !== 'GET',
      });
    }
    for (const name of Object.keys(query)) {
      const type = op.parameters?.find((p) => p.name === name)?.schema?.type;
      const numeric = type === 'number' || type === 'integer';
      for (const v of ODD_QUERY_VALUES) {
        const refuse = numeric && NOT_A_COUNT.has(v);
        out.push({
          op,
          method,
          url: `${url}${queryString({ ...query, [name]: '\u0001' }).replace('%01', v)}`,
          body: valid,
          token,
          label: `${name}=${v.slice(0, 12)}`,
          refuse,
        });
      }
      out.push({
        op,
        method,
        url: url + queryString({ ...query, [name]: [query[name], query[name]] }),
        body: valid,
        token,
        label: `${name} repeated`,
      });
    }
    out.push({
      op,
      method,
      url: `${url}${queryString({ ...query, notAParam: '1' })}`,
      body: valid,
      token,
      label: 'unknown query parameter',
    });
    if (!schema) return out;
    out.push({ op, method, url, token, label: 'no body, no content type' });
    for (const [h, refuse] of ODD_HEADERS)
      out.push({ op, method, url, body: valid, token, label: JSON.stringify(h).slice(0, 40), headers: h, refuse });
    for (const body of badBodies(doc, schema)) out.push({ op, method, url, body, token, label: body.name });
    for (const body of generatedBodies(schema, sample(doc, schema) as Record<string, unknown>, index))
      out.push({ op, method, url, body, token, label: 'generated' });
    return out;
  }

  it('given the served document, when every operation is read, then every JSON answer and every SSE event has a schema, every problem is application/problem+json with the Problem schema, and every path parameter has a pattern', () => {
    const undescribed: string[] = [];
    const wrong: string[] = [];
    for (const { op } of operations(doc)) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const content = (response as { content?: Record<string, { schema?: unknown }> }).content ?? {};
        // /health answers its report, not a problem, when a part is down (503): monitors read the same body.
        if (Number(status) >= 400 && op.operationId !== 'health') {
          if (
            JSON.stringify(content) !==
            JSON.stringify({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } })
          )
            wrong.push(`${op.operationId} ${status}: ${Object.keys(content).join(', ')}`);
        } else if (content['application/json'] && !content['application/json'].schema) undescribed.push(op.operationId);
        else if (content['text/event-stream'] && !describesEvents(content['text/event-stream']))
          undescribed.push(`${op.operationId} events`);
      }
      for (const p of op.parameters ?? [])
        if (p.in === 'path' && !p.schema?.pattern) wrong.push(`${op.operationId} path parameter ${p.name}: no pattern`);
    }
    expect(wrong).toEqual([]);
    expect(undescribed).toEqual([]);
  });

  it('given every operation the document lists, when each is fuzzed, then no answer is a 5xx, every malformed request is a 4xx problem, and no refused request wrote an event', async () => {
    const all = operations(doc);
    const streams = all.filter(({ op }) => isEventStream(op));
    expect(streams.map(({ op }) => op.operationId).sort()).toEqual([
      'streamActionLog',
      'streamBoards',
      'streamBudgets',
      'streamCaseReviews',
      'streamDataSubjects',
      'streamDecisionRegister',
      'streamEscalationProtocols',
      'streamEscalationTrail',
      'streamForwardPlan',
      'streamInspections',
      'streamMeetings',
      'streamMultiAgencyAudits',
      'streamPartners',
      'streamPeople',
      'streamReviewActivity',
      'streamRisks',
      'streamSignoffs',
      'streamThematicReviews',
    ]);
    for (const [index, { method, path, op }] of all.entries()) {
      const token = await tokenFor(op);
      // Without a valid token every operation but /health is refused, event streams included.
      for (const bad of op['x-allowed-roles'] ? [undefined, 'not.a.jwt'] : [])
        await judge({ op, method, url: fillPath(path, realIds), token: bad, label: `token ${bad}`, refuse: true });
      // An accepted event stream never ends, so a sweep that waits for each answer sends streams only what they refuse.
      if (isEventStream(op)) continue;
      for (const request of requestsFor(method, path, op, token, index)) await judge(request);
    }
    expect({
      contentTypeMismatches: mismatches.filter((m) => m.kind === 'content-type').length,
      undocumentedStatuses: mismatches.filter((m) => m.kind === 'undocumented-status').length,
      bodyMismatches: mismatches.filter((m) => m.kind === 'body' || m.kind === 'no-schema').length,
    }).toEqual({ contentTypeMismatches: 0, undocumentedStatuses: 0, bodyMismatches: 0 });
    expect(failures).toEqual([]);
    // The sweep reached the handlers too, not only the edge: some requests were accepted.
    expect(accepted.size).toBeGreaterThan(40);
    expect(sent).toBeGreaterThan(3000);
    // What was accepted (odd strings, lone surrogates and all) still verifies: stored as hashed.
    expect(await verifyStore(t.store)).toMatchObject({ ok: true, problems: [] });
  });
});

/** Seeded random bodies: the valid body with one field (or an unknown one) replaced by arbitrary JSON, or a random object. */
function generatedBodies(
  schema: { properties?: Record<string, unknown> },
  base: Record<string, unknown>,
  index: number,
): RawBody[] {
  const fields = [...Object.keys(schema.properties ?? {}), 'zz'];
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constant(null),
    fc.integer(),
    fc.double(),
  );
  const body = fc.oneof(
    fc.tuple(fc.constantFrom(...fields), value).map(([field, v]) => ({ ...base, [field]: v })),
    fc.dictionary(fc.constantFrom(...fields), value),
  );
  return (
    fc
      .sample(body, { seed: SEED + index, numRuns: GENERATED_PER_OPERATION })
      // fc.double() includes NaN and ±Infinity, which JSON.stringify writes as null: write the raw text instead.
      .map((b) => ({
        name: 'generated',
        payload: JSON.stringify(b, (_, v: unknown) =>
          typeof v === 'number' && !Number.isFinite(v) ? '\u0002' : v,
        ).replace(/"\\u0002"/g, '1e400'),
      }))
  );
}

/** One existing id per path parameter, read from the stream ids of the loaded log. */
function realIdsOf(log: StoredEvent[]): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const [param, category] of Object.entries(CATEGORY)) {
    const stream = log.find((e) => e.streamId.startsWith(`${category}-`))?.streamId;
    if (stream) ids[param] = stream.slice(category.length + 1);
  }
  const stream = log.find((e) => e.streamId.startsWith('meeting-'))?.streamId;
  if (stream) ids.streamId = stream;
  return ids;
}
