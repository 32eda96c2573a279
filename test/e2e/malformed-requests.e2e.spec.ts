import { ROLE_PERMISSIONS, ROLES } from '../../src/auth/permissions';
import { bodySchema, fillPath, operations, sample, type OpenApiDoc, type Schema } from '../support/openapi-bodies';
import { eventCount, expectProblem, send } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

type Mutation = { name: string; body: unknown; path?: 'unknown' | 'invalid' };

/** Every way a body can be wrong that the edge must refuse, derived from each property's schema. */
function mutations(doc: OpenApiDoc, schema: Schema): Mutation[] {
  const base = sample(doc, schema) as Record<string, unknown>;
  const out: Mutation[] = [
    { name: 'unknown field', body: { ...base, notAField: 1 } },
    { name: 'array instead of object', body: [base] },
    { name: 'string instead of object', body: 'hello' },
    { name: 'unknown id in path', body: { ...base, notAField: true }, path: 'unknown' },
    { name: 'invalid id in path', body: base, path: 'invalid' },
  ];
  for (const field of schema.required ?? []) {
    const { [field]: _, ...rest } = base;
    out.push({ name: `missing ${field}`, body: rest });
  }
  for (const [field, prop] of Object.entries(schema.properties ?? {})) {
    const wrongType = prop.type === 'string' || prop.enum ? 42 : prop.type === 'array' ? 'not-a-list' : 'not-a-number';
    out.push({ name: `${field}: wrong type`, body: { ...base, [field]: wrongType } });
    out.push({ name: `${field}: object`, body: { ...base, [field]: { nested: { deep: 1 } } } });
    if (prop.type === 'string' && !prop.enum)
      out.push({ name: `${field}: oversized`, body: { ...base, [field]: 'x'.repeat(100_000) } });
    if (/(At|On|Date|From|For)$/.test(field))
      out.push({ name: `${field}: bad date`, body: { ...base, [field]: '2022-02-30T25:61:00Z' } });
    if (/Pence$/.test(field)) {
      out.push({ name: `${field}: negative money`, body: { ...base, [field]: -100 } });
      out.push({ name: `${field}: fractional money`, body: { ...base, [field]: 100.5 } });
    }
    if (/Id$/.test(field) && prop.type === 'string')
      out.push({ name: `${field}: malformed id`, body: { ...base, [field]: 'Not An Id!' } });
  }
  return out;
}

describe('malformed requests (e2e): every command endpoint refuses bad input with 4xx problem details and writes nothing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends at least 1,000 malformed requests: zero 5xx, zero 2xx, zero events written', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<OpenApiDoc>();
    const before = await eventCount(t);
    const failures: string[] = [];
    let sent = 0;
    const commandOps = operations(doc).filter((o) => o.method === 'POST' && bodySchema(doc, o.op));
    expect(commandOps.length).toBeGreaterThan(0);
    while (sent < 1000) {
      for (const { path, op } of commandOps) {
        const permission = op['x-required-permission'];
        const role = ROLES.find((r) => ROLE_PERMISSIONS[r].some((p) => p === permission))!;
        const token = await t.token({ role, userId: `fuzz-${role}`, agency: 'fuzz-agency' });
        // Path mutations only mean something where the path holds an id; elsewhere the body would be valid.
        for (const m of mutations(doc, bodySchema(doc, op)!).filter((x) => !x.path || path.includes('{'))) {
          const url = path.replace(/\{[^}]+\}/g, m.path === 'invalid' ? 'BAD%20ID' : 'no-such-record-42');
          const res = await t.app.inject({
            method: 'POST',
            url,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            payload: JSON.stringify(m.body),
          });
          sent++;
          const problemJson = String(res.headers['content-type']).includes('application/problem+json');
          if (res.statusCode < 400 || res.statusCode >= 500 || !problemJson)
            failures.push(`${op.operationId} ${m.name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(1000);
    expect(await eventCount(t)).toBe(before);
  });

  it('refuses a body that is not JSON at all and one over the size limit', async () => {
    const token = await t.token({ role: 'admin' });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const broken = await t.app.inject({ method: 'POST', url: '/partners', headers, payload: '{"partnerId": ' });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
    const huge = await t.app.inject({
      method: 'POST',
      url: '/partners',
      headers,
      payload: JSON.stringify({ name: 'x'.repeat(t.config.bodyLimitBytes) }),
    });
    expect(huge.statusCode).toBe(413);
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
      const other = await t.app.inject({
        method: 'POST',
        url: '/partners',
        headers: { ...headers, 'content-type': contentType },
        payload: '{"partnerId":"p","name":"P","kind":"police"}',
      });
      expect({ contentType, status: other.statusCode, code: other.json().code }).toEqual({
        contentType,
        status: 415,
        code: 'unsupported-media-type',
      });
    }
    expect(await eventCount(t)).toBe(0);
  });

  it('given a valid body with one optional field set to null, when it is sent to any command, then 400 names that field and nothing is written', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<OpenApiDoc>();
    const before = await eventCount(t);
    const wrong: string[] = [];
    let sent = 0;
    for (const { path, op } of operations(doc).filter((o) => o.method === 'POST' && bodySchema(doc, o.op))) {
      const schema = bodySchema(doc, op)!;
      const role = ROLES.find((r) => ROLE_PERMISSIONS[r].some((p) => p === op['x-required-permission']))!;
      const token = await t.token({ role, userId: `null-${role}`, agency: 'null-agency' });
      const base = sample(doc, schema) as Record<string, unknown>;
      for (const field of Object.keys(schema.properties ?? {}).filter((f) => !(schema.required ?? []).includes(f))) {
        const res = await send(t, fillPath(path), { ...base, [field]: null }, { token });
        sent++;
        const named = res.status === 400 && JSON.stringify(res.body?.errors ?? []).includes(`"${field}"`);
        if (!named)
          wrong.push(`${op.operationId} ${field}: null -> ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
      }
    }
    expect(sent).toBeGreaterThan(30);
    expect(wrong).toEqual([]);
    expect(await eventCount(t)).toBe(before);
  });

  it('given a person registered to a partner, when an update sends partnerId: null, then 400 names partnerId and the person is unchanged', async () => {
    const token = await t.token({ role: 'admin', userId: 'null-admin', agency: 'null-agency' });
    expect(
      (await send(t, '/partners', { partnerId: 'null-partner', name: 'Null Partner', kind: 'police' }, { token }))
        .status,
    ).toBe(201);
    expect(
      (await send(t, '/people', { personId: 'null-person', name: 'Nell Null', partnerId: 'null-partner' }, { token }))
        .status,
    ).toBe(201);
    const before = await eventCount(t);
    const res = await send(
      t,
      '/people/null-person/update',
      { effectiveFrom: '2022-07-01', partnerId: null },
      { token },
    );
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'partnerId' })]);
    expect(await eventCount(t)).toBe(before);
  });

  it('given JSON nested 20,000 levels deep (objects or arrays), when it is sent, then 400 body-too-deep names the limit and nothing is written', async () => {
    const token = await t.token({ role: 'admin' });
    const before = await eventCount(t);
    for (const payload of [
      '{"name":'.repeat(20_000) + '1' + '}'.repeat(20_000),
      '{"name":' + '['.repeat(20_000) + ']'.repeat(20_000) + '}',
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/partners',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload,
      });
      expectProblem({ status: res.statusCode, body: res.json(), headers: res.headers }, 400, 'body-too-deep');
      expect(res.json().detail).toMatch(/\b32\b/);
    }
    expect(await eventCount(t)).toBe(before);
  });

  it('given JSON nested exactly to the limit (32 levels), when it is sent, then validation judges it; one level more is body-too-deep', async () => {
    const token = await t.token({ role: 'admin' });
    const nested = (levels: number) => '{"name":'.repeat(levels) + '1' + '}'.repeat(levels);
    const post = async (payload: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/partners',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload,
      });
      return { status: res.statusCode, body: res.json(), headers: res.headers };
    };
    expectProblem(await post(nested(32)), 400, 'validation-failed');
    expectProblem(await post(nested(33)), 400, 'body-too-deep');
    expectProblem(await post(`{"name":"${'{['.repeat(100)}"}`), 400, 'validation-failed'); // brackets inside a string do not count
  });

  it('given amountPence: 1e400 (Infinity once parsed), when a payment is sent, then 400 names amountPence and nothing is written', async () => {
    const token = await t.token({ role: 'business-manager' });
    const before = await eventCount(t);
    const payload =
      '{"paymentId":"p-1","partnerId":"warwickshire-police","amountPence":1e400,"receivedOn":"2022-06-01"}';
    for (const key of [undefined, 'retry-with-infinity']) {
      const headers: Record<string, string> = {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(key ? { 'idempotency-key': key } : {}),
      };
      const res = await t.app.inject({ method: 'POST', url: '/budgets/2022-23/payments', headers, payload });
      expectProblem({ status: res.statusCode, body: res.json(), headers: res.headers }, 400, 'non-finite-number');
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'amountPence' })]);
    }
    expect(await eventCount(t)).toBe(before);
  });

  it('given a path that is not valid percent-encoded UTF-8 or has an over-long id, when it is sent, then the refusal is problem+json (400 invalid-url, 414) and nothing is written', async () => {
    const token = await t.token({ role: 'admin' });
    const before = await eventCount(t);
    const post = async (url: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: '{"name":"x","reason":"y"}',
      });
      return { status: res.statusCode, body: res.json(), headers: res.headers };
    };
    expectProblem(await post('/partners/%FF/rename'), 400, 'invalid-url');
    expectProblem(await post('/partners/%/rename'), 400, 'invalid-url');
    expectProblem(await post(`/partners/${'a'.repeat(300)}/rename`), 414, 'path-segment-too-long');
    expect(await eventCount(t)).toBe(before);
  });
});
