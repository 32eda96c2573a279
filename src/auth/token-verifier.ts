import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey, type CryptoKey } from 'jose';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { Actor } from '../ledger/event-envelope';
import { devKeyPair } from './dev-keys';
import { isRole } from './permissions';

export class InvalidTokenError extends Error {}

/**
 * Verifies bearer tokens against the configured issuer, audience and keys (the provider's JWKS,
 * e.g. Microsoft Entra ID, or the dev key pair) and turns their claims into the event actor.
 * Role and agency come from the `role`/`roles` and `agency` claims (map them in the provider).
 */
@Injectable()
export class TokenVerifier {
  private key?: Promise<CryptoKey | JWTVerifyGetKey>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async verify(token: string): Promise<Actor> {
    const { auth } = this.config;
    let payload;
    try {
      const key = await this.keys();
      ({ payload } = await jwtVerify(token, key as CryptoKey, {
        issuer: auth.issuer,
        audience: auth.audience,
        clockTolerance: 30,
      }));
    } catch (err) {
      throw new InvalidTokenError((err as Error).message);
    }
    const role: unknown = payload.role ?? (Array.isArray(payload.roles) ? payload.roles[0] : undefined);
    if (!payload.sub || !isRole(role) || typeof payload.agency !== 'string' || !payload.agency) {
      throw new InvalidTokenError('token lacks sub, a known role or agency');
    }
    return { userId: payload.sub, role, agency: payload.agency };
  }

  private keys(): Promise<CryptoKey | JWTVerifyGetKey> {
    const { auth, dataDir } = this.config;
    this.key ??=
      auth.mode === 'dev'
        ? devKeyPair(dataDir).then((k) => k.publicKey)
        : Promise.resolve(createRemoteJWKSet(new URL(auth.jwksUrl!)));
    return this.key;
  }
}
