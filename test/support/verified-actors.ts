import type { INestApplication } from '@nestjs/common';
import { TokenVerifier } from '../../src/auth/token-verifier';
import type { Actor } from '../../src/ledger/event-envelope';

/**
 * Wraps the app's token verifier to remember every actor a token was verified as, so a suite can
 * prove on close that each event's actor is a verified token's. The list fills as requests arrive.
 */
export function recordVerifiedActors(app: INestApplication): Actor[] {
  const verifier = app.get(TokenVerifier);
  const verified: Actor[] = [];
  const verify = verifier.verify.bind(verifier);
  verifier.verify = async (token) => {
    const actor = await verify(token);
    verified.push(actor);
    return actor;
  };
  return verified;
}
