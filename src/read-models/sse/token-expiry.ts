/**
 * When the caller's bearer token expires (its `exp` claim, in ms), or undefined if it has none.
 * Only read after AuthGuard has verified this very token, so decoding without verifying is safe.
 */
export function tokenExpiry(authorization: string | string[] | undefined): number | undefined {
  const token = typeof authorization === 'string' ? /^Bearer (\S+)$/.exec(authorization)?.[1] : undefined;
  if (token === undefined) return undefined;
  // Loaded here, not at import (the SSE routes load with the app; jose was ~45 ms of every start).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { decodeJwt } = require('jose') as typeof import('jose');
  const { exp } = decodeJwt(token);
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
}
