import { Inject, Injectable, Optional } from '@nestjs/common';
import type { JWTVerifyGetKey, CryptoKey } from 'jose';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { Actor } from '../ledger/event-envelope';
import { devKeyPair } from './dev-keys';
import { isRole } from './permissions';
import { VerifiedTokenCache } from './verified-token-cache';

export class InvalidTokenError extends Error {}

/** Wall-clock milliseconds for token expiry (tests move it); jose is given the same time. */
export const TOKEN_TIME = Symbol('TOKEN_TIME');

/**
 * How long a verified token is trusted without verifying it again, at most: the time jose keeps a
 * provider's key set before fetching it again. A key withdrawn from the provider's JWKS therefore
 * stops being honoured from the cache no later than it would without the cache.
 */
export const KEY_SET_MAX_AGE_MS = 10 * 60_000;

/**
 * Verifies bearer tokens against the configured issuer, audience and keys (the provider's JWKS,
 * e.g. Microsoft Entra ID, or the dev key pair) and turns their claims into the event actor.
 * Role and agency come from the `role`/`roles` and `agency` claims (map them in the provider).
 * A verified token's actor is remembered (keyed by the whole token) until the token expires, or
 * KEY_SET_MAX_AGE_MS after it was verified if sooner, so a client sending the same token with every
 * request pays for one signature check, not one per request (an Ed25519 verification was ~10% of a
 * read's CPU). A token without an expiry is never remembered.
 */
@Injectable()
export class TokenVerifier {
  private key?: Promise<CryptoKey | JWTVerifyGetKey>;
  private readonly verified = new VerifiedTokenCache();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(TOKEN_TIME) private readonly now: () => number = Date.now,
  ) {}

  async verify(token: string): Promise<Actor> {
    const now = this.now();
    const cached = this.verified.get(token, now);
    if (cached) return { ...cached }; // a copy: whoever holds the request's actor cannot change the cache's
    const { actor, expiresAt } = await this.verifySignature(token, now);
    if (expiresAt !== undefined) this.verified.put(token, actor, Math.min(expiresAt, now + KEY_SET_MAX_AGE_MS), now);
    return actor;
  }

  private async verifySignature(token: string, now: number): Promise<{ actor: Actor; expiresAt?: number }> {
    const { auth } = this.config;
    let payload;
    try {
      // jose is loaded with the first token to verify, not at boot (~45 ms of every start).
      const [{ jwtVerify }, key] = await Promise.all([import('jose'), this.keys()]);
      ({ payload } = await jwtVerify(token, key as CryptoKey, {
        issuer: auth.issuer,
        audience: auth.audience,
        clockTolerance: 30,
        currentDate: new Date(now),
      }));
    } catch (err) {
      throw new InvalidTokenError((err as Error).message);
    }
    const role: unknown = payload.role ?? (Array.isArray(payload.roles) ? payload.roles[0] : undefined);
    if (!payload.sub || !isRole(role) || typeof payload.agency !== 'string' || !payload.agency) {
      throw new InvalidTokenError('token lacks sub, a known role or agency');
    }
    // Remembered only until `exp` itself: the 30 s tolerance is for clocks that disagree, not a longer life.
    const expiresAt = typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
    return { actor: { userId: payload.sub, role, agency: payload.agency }, expiresAt };
  }

  private keys(): Promise<CryptoKey | JWTVerifyGetKey> {
    const { auth, dataDir } = this.config;
    this.key ??=
      auth.mode === 'dev'
        ? devKeyPair(dataDir).then((k) => k.publicKey)
        : import('jose').then(({ createRemoteJWKSet }) =>
            createRemoteJWKSet(new URL(auth.jwksUrl!), { cacheMaxAge: KEY_SET_MAX_AGE_MS }),
          );
    return this.key;
  }
}
