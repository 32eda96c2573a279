import { generateKeyPair, SignJWT } from 'jose';
import { signDevToken } from '../../src/auth/mint-token';
import { devKeyPair } from '../../src/auth/dev-keys';
import { expectProblem } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

describe('authentication (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const verify = (authorization?: string) =>
    t.app
      .inject({ method: 'GET', url: '/ledger/verify', headers: authorization ? { authorization } : {} })
      .then((r) => ({ status: r.statusCode, body: r.json(), headers: r.headers }));
  const claims = { userId: 'auditor-1', role: 'auditor' as const, agency: 'internal-audit' };

  it('accepts a valid dev token', async () => {
    const res = await verify(`Bearer ${await t.token(claims)}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true });
  });

  it.each([
    ['no Authorization header', async () => undefined],
    ['a non-bearer scheme', async () => 'Basic dXNlcjpwYXNz'],
    ['garbage', async () => 'Bearer not-a-jwt'],
    [
      'a bad signature',
      async () => {
        const other = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
        return `Bearer ${await signDevToken(other.privateKey, t.config.auth, claims)}`;
      },
    ],
    [
      'a wrong issuer',
      async () =>
        `Bearer ${await signDevToken((await devKeyPair(t.config.dataDir)).privateKey, { ...t.config.auth, issuer: 'https://evil.example' }, claims)}`,
    ],
    [
      'a wrong audience',
      async () =>
        `Bearer ${await signDevToken((await devKeyPair(t.config.dataDir)).privateKey, { ...t.config.auth, audience: 'another-api' }, claims)}`,
    ],
    [
      'an expired token',
      async () => {
        const { privateKey } = await devKeyPair(t.config.dataDir);
        const past = Math.floor(Date.now() / 1000) - 3600;
        const jwt = await new SignJWT({ role: 'auditor', agency: 'internal-audit' })
          .setProtectedHeader({ alg: 'EdDSA' })
          .setSubject('auditor-1')
          .setIssuer(t.config.auth.issuer)
          .setAudience(t.config.auth.audience)
          .setIssuedAt(past - 60)
          .setExpirationTime(past)
          .sign(privateKey);
        return `Bearer ${jwt}`;
      },
    ],
    [
      'an unknown role',
      async () =>
        `Bearer ${await signDevToken((await devKeyPair(t.config.dataDir)).privateKey, t.config.auth, { ...claims, role: 'superuser' as never })}`,
    ],
    [
      'no agency',
      async () =>
        `Bearer ${await signDevToken((await devKeyPair(t.config.dataDir)).privateKey, t.config.auth, { ...claims, agency: '' })}`,
    ],
  ])('answers 401 problem+json for %s', async (_name, header) => {
    expectProblem(await verify(await header()), 401, 'unauthenticated');
  });

  it('answers 403 for a role without the permission (an inspector reads nothing but granted packs)', async () => {
    expectProblem(await verify(`Bearer ${await t.token({ ...claims, role: 'inspector' })}`), 403, 'forbidden');
  });
});
