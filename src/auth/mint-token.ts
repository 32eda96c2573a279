import { SignJWT, type CryptoKey } from 'jose';
import type { AppConfig } from '../config/app-config';
import { DEV_ALG, devKeyPair } from './dev-keys';
import type { Role } from './permissions';

export interface TokenClaims {
  userId: string;
  role: Role;
  agency: string;
  name?: string;
}

export async function signDevToken(
  key: CryptoKey,
  auth: AppConfig['auth'],
  claims: TokenClaims,
  ttl = '8h',
): Promise<string> {
  return new SignJWT({ role: claims.role, agency: claims.agency, name: claims.name })
    .setProtectedHeader({ alg: DEV_ALG })
    .setSubject(claims.userId)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(key);
}

/** Mints a dev-mode token for a role, agency and user (for local use and the demo loader). */
export async function mintDevToken(config: AppConfig, claims: TokenClaims, ttl?: string): Promise<string> {
  if (config.auth.mode !== 'dev')
    throw new Error('Tokens can only be minted in AUTH_MODE=dev; use your identity provider otherwise');
  const { privateKey } = await devKeyPair(config.dataDir);
  return signDevToken(privateKey, config.auth, claims, ttl);
}
