import { ROLE_PERMISSIONS, ROLES } from '../../src/auth/permissions';
import { bodySchema, operations, sample, type OpenApiDoc, type Schema } from '../support/openapi-bodies';
import { eventCount } from '../support/http';
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
    if (prop.type === 'string' && !prop.enum) out.push({ name: `${field}: oversized`, body: { ...base, [field]: 'x'.repeat(100_000) } });
    if (/(At|On|Date|From|For)$/.test(field)) out.push({ name: `${field}: bad date`, body: { ...base, [field]: '2022-02-30T25:61:00Z' } });
    if (/Pence$/.test(field)) {
      out.push({ name: `${field}: negative money`, body: { ...base, [field]: -100 } });
      out.push({ name: `${field}: fractional money`, body: { ...base, [field]: 100.5 } });
    }
    if (/Id$/.test(field) && prop.type === 'string') out.push({ name: `${field}: malformed id`, body: { ...base, [field]: 'Not An Id!' } });
  }
  return out;
}

describe('malformed requests (e2e): every command endpoint refuses bad input with 4xx problem details and writes nothing', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('sends at least 1,000 malformed requests: zero 5xx, zero 2xx, zero events written', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as OpenApiDoc;
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
          const res = await t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify(m.body) });
          sent++;
          const problemJson = String(res.headers['content-type']).includes('application/problem+json');
          if (res.statusCode < 400 || res.statusCode >= 500 || !problemJson) failures.push(`${op.operationId} ${m.name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(1000);
    expect(await eventCount(t)).toBe(before);
  }, 180_000);

  it('refuses a body that is not JSON at all and one over the size limit', async () => {
    const token = await t.token({ role: 'admin' });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const broken = await t.app.inject({ method: 'POST', url: '/partners', headers, payload: '{"partnerId": ' });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
    const huge = await t.app.inject({ method: 'POST', url: '/partners', headers, payload: JSON.stringify({ name: 'x'.repeat(t.config.bodyLimitBytes) }) });
    expect(huge.statusCode).toBe(413);
    expect(await eventCount(t)).toBe(0);
  });
});
