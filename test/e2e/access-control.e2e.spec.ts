import { ROLE_PERMISSIONS, ROLES, type Permission, type Role } from '../../src/auth/permissions';
import { PUBLIC, REQUIRES } from '../../src/auth/requires.decorator';
import { operations, type OpenApiDoc } from '../support/openapi-bodies';
import { controllerMethods } from '../support/controller-methods';
import { eventCount } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Who may call what is declared once, on each route (`@Requires(permission)` or `@Public()`), and who
 * holds each permission once, in src/auth/permissions.ts. This suite reads both from the running app,
 * so a new endpoint needs no line here: it proves the guard enforces exactly what the route declares,
 * and checks the rules a declaration cannot be trusted to follow on its own (below).
 */
type Declared = Permission | 'public' | 'undeclared';

/** Where @ApiOperation keeps its options (@nestjs/swagger does not export the key; a change empties the map, failing every test). */
const API_OPERATION = 'swagger/apiOperation';

/** Each controller method's operationId and what its route declares, as the guard reads it (method over class). */
function declaredAccess(t: TestApp): Map<string, Declared> {
  const routes = new Map<string, Declared>();
  for (const { controller, handler } of controllerMethods(t.app)) {
    const operation = Reflect.getMetadata(API_OPERATION, handler) as { operationId?: string } | undefined;
    if (!operation?.operationId) continue;
    const read = (key: string): unknown => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
    const requires = read(REQUIRES) as Permission | undefined;
    routes.set(operation.operationId, read(PUBLIC) ? 'public' : (requires ?? 'undeclared'));
  }
  return routes;
}

/**
 * Facts the partnership relies on, stated independently of the routes: only /health is open (the
 * OpenAPI document and /docs are served outside the controllers); reading needs only a read
 * permission and writing never does; a write under a resource needs a permission of that resource's
 * family (one line per context, not per endpoint).
 */
const PUBLIC_OPERATIONS = ['health'];
const READ_PERMISSIONS: Permission[] = ['ledger:read', 'personal-data:read', 'packs:read-granted', 'packs:access-log'];
const WRITE_FAMILY: Record<string, string> = {
  partners: 'partners:',
  people: 'partners:',
  boards: 'partners:',
  'escalation-protocols': 'partners:',
  meetings: 'meetings:',
  decisions: 'decisions:',
  signoffs: 'signoffs:',
  actions: 'actions:',
  escalations: 'escalations:',
  'data-subjects': 'personal-data:',
  budgets: 'funding:',
  'evidence-packs': 'packs:',
  'case-reviews': 'case-reviews:',
  'review-activity': 'case-reviews:',
  inspections: 'inspections:',
  'thematic-reviews': 'assurance:',
  'multi-agency-audits': 'assurance:',
  risks: 'risks:',
  'forward-plan': 'forward-plan:',
  ledger: 'ledger:',
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
  let access: Map<string, Declared>;
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    access = declaredAccess(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds every operation of the document on a route that declares a permission or is public, as the document says', () => {
    const wrong: string[] = [];
    for (const { op } of operations(doc)) {
      const declared = access.get(op.operationId);
      if (declared === undefined || declared === 'undeclared') wrong.push(`${op.operationId}: declares no permission`);
      else if ((op['x-required-permission'] ?? 'public') !== declared)
        wrong.push(`${op.operationId}: the document says ${op['x-required-permission']}, the route ${declared}`);
    }
    expect(wrong).toEqual([]);
    expect([...access.keys()].sort()).toEqual(
      operations(doc)
        .map(({ op }) => op.operationId)
        .sort(),
    );
    expect([...access].filter(([, d]) => d === 'public').map(([id]) => id)).toEqual(PUBLIC_OPERATIONS);
  });

  it('never asks a read for a write permission, nor a write for a read-only one or one of another resource', () => {
    const wrong: string[] = [];
    for (const { method, path, op } of operations(doc)) {
      const declared = access.get(op.operationId);
      if (declared === undefined || declared === 'public' || declared === 'undeclared') continue;
      const family = WRITE_FAMILY[path.split('/')[1]];
      if (method === 'GET' && !READ_PERMISSIONS.includes(declared)) wrong.push(`${method} ${path}: ${declared}`);
      if (method !== 'GET' && (READ_PERMISSIONS.includes(declared) || !family || !declared.startsWith(family)))
        wrong.push(`${method} ${path}: ${declared} (expected ${family ?? 'a family for this resource'}*)`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 401 without a token on every endpoint, and serves /health and the OpenAPI document openly', async () => {
    for (const { method, path, op } of operations(doc)) {
      if (access.get(op.operationId) === 'public') continue;
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
        const declared = access.get(op.operationId);
        const allowed = declared === 'public' || ROLE_PERMISSIONS[role].some((p) => p === declared);
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
    const governanceWrites = [...access.values()].filter(
      (p): p is Permission =>
        p !== 'public' &&
        p !== 'undeclared' &&
        !p.startsWith('ledger:') &&
        !p.startsWith('packs:') &&
        p !== 'personal-data:read',
    );
    for (const role of WRITES_NOTHING)
      expect(ROLE_PERMISSIONS[role].filter((p) => governanceWrites.includes(p))).toEqual([]);
    expect(ROLE_PERMISSIONS.inspector).toEqual(['packs:read-granted', 'packs:access-log']);
  });
});
