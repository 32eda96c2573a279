import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { startTestApp, type TestApp } from '../support/test-app';

/** An identity provider stand-in on loopback: serves a JWKS the way Entra ID or any OIDC provider does. */
describe('OIDC bearer tokens verified against a provider JWKS (e2e)', () => {
  const issuer = 'https://login.example.test/tenant-1/v2.0';
  const audience = 'api://safeguarding-ledger';
  let t: TestApp;
  let jwks: Server;
  let providerKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    providerKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_, res) =>
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    const port = (jwks.address() as AddressInfo).port;
    t = await startTestApp({
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: issuer,
      OIDC_AUDIENCE: audience,
      OIDC_JWKS_URL: `http://127.0.0.1:${port}/discovery/keys`,
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((r) => jwks.close(r));
  });

  const call = (token: string) =>
    t.app.inject({ method: 'GET', url: '/ledger/verify', headers: { authorization: `Bearer ${token}` } });
  const sign = (payload: Record<string, unknown>, iss = issuer) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setSubject('entra-user-1')
      .setIssuer(iss)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(providerKey);

  it('accepts a provider token carrying app roles in `roles` and the agency claim', async () => {
    expect((await call(await sign({ roles: ['auditor'], agency: 'internal-audit' }))).statusCode).toBe(200);
  });

  it('refuses a provider token from another issuer, and a dev token, with 401', async () => {
    const other = await sign({ roles: ['auditor'], agency: 'internal-audit' }, 'https://other.example.test');
    expect((await call(other)).statusCode).toBe(401);
    await expect(t.token()).rejects.toThrow('AUTH_MODE=dev');
  });
});
