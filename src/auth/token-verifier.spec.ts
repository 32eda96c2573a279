import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '../config/app-config';
import { mintDevToken } from './mint-token';
import { InvalidTokenError, KEY_SET_MAX_AGE_MS, TokenVerifier } from './token-verifier';

/** The verifier's own signature check, counted: a cached answer does not reach it. */
type WithSignatureCheck = { verifySignature(token: string, now: number): Promise<unknown> };

describe('TokenVerifier: verified tokens remembered for their remaining lifetime', () => {
  let dir: string;
  let config: AppConfig;
  let now: number;
  let verifier: TokenVerifier;
  let signatureChecks: jest.SpyInstance;
  const claims = { userId: 'amrita-sharma', role: 'business-manager', agency: 'wsp' } as const;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'token-verifier-'));
    config = loadConfig({ LEDGER_DATA_DIR: dir });
    now = Date.now();
    verifier = new TokenVerifier(config, () => now);
    signatureChecks = jest.spyOn(TokenVerifier.prototype as unknown as WithSignatureCheck, 'verifySignature');
  });
  afterEach(() => {
    signatureChecks.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks a token’s signature once, then answers it from the cache with the same actor', async () => {
    const token = await mintDevToken(config, claims, '1h');

    const first = await verifier.verify(token);
    const second = await verifier.verify(token);

    expect(second).toEqual(first);
    expect(second).toEqual({ userId: 'amrita-sharma', role: 'business-manager', agency: 'wsp' });
    expect(signatureChecks).toHaveBeenCalledTimes(1);
  });

  it('refuses a cached token once it has expired (the cache never lengthens its life)', async () => {
    const token = await mintDevToken(config, claims, '2m');
    await verifier.verify(token);

    now += 2 * 60_000 + 31_000; // past exp and jose's 30 s clock tolerance

    await expect(verifier.verify(token)).rejects.toThrow(InvalidTokenError);
  });

  it('checks the signature again at expiry, even within the clock tolerance', async () => {
    const token = await mintDevToken(config, claims, '2m');
    await verifier.verify(token);

    now += 2 * 60_000 + 1_000;
    await verifier.verify(token); // accepted by the 30 s tolerance, but verified afresh

    expect(signatureChecks).toHaveBeenCalledTimes(2);
  });

  it('verifies a long-lived token again once the key set may have changed (a withdrawn key is honoured no longer)', async () => {
    const token = await mintDevToken(config, claims, '8h');
    await verifier.verify(token);

    now += KEY_SET_MAX_AGE_MS;
    await verifier.verify(token);

    expect(signatureChecks).toHaveBeenCalledTimes(2);
  });

  it('does not cache a token that fails: a token differing only in its signature is refused every time', async () => {
    const token = await mintDevToken(config, claims, '1h');
    await verifier.verify(token);
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');

    await expect(verifier.verify(forged)).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(forged)).rejects.toThrow(InvalidTokenError);
    expect(signatureChecks).toHaveBeenCalledTimes(3);
  });

  it('hands out a copy: changing one request’s actor does not change the next answer', async () => {
    const token = await mintDevToken(config, claims, '1h');
    await verifier.verify(token);

    const actor = await verifier.verify(token);
    actor.userId = 'someone-else';

    expect((await verifier.verify(token)).userId).toBe('amrita-sharma');
  });
});
