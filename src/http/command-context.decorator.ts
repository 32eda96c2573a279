import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import type { CommandContext } from '../ledger/command-runner';
import { canonicalJson } from '../ledger/integrity/canonical-json';
import { problem } from './problem';

/** A revision, as commands answer it ("3") or as a one-record read does ("3.<digest>": the digest is the read's, see src/read-models/etag). */
const IF_MATCH = /^(?:W\/)?"?(-1|\d{1,15})(?:\.[0-9a-f]{16})?"?$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const CORRELATION_ID = /^[\w.:-]{1,100}$/;

export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = IF_MATCH.exec(header.trim());
  if (!m)
    throw new BadRequestException(
      problem(400, 'invalid-if-match', 'If-Match must be an ETag this API issued, e.g. "3"', {
        detail: `got ${header}`,
      }),
    );
  return Number(m[1]);
}

export function idempotencyKeyOf(req: AuthenticatedRequest): string | undefined {
  const key = req.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestException(
      problem(400, 'invalid-idempotency-key', 'Idempotency-Key must be 1 to 200 visible ASCII characters'),
    );
  }
  return key;
}

const fingerprints = new WeakMap<AuthenticatedRequest, string>();

/**
 * What makes two requests the same: method, URL and body (canonical JSON, so key order does not
 * count). Hashed once per request, for the idempotency record and the keyed event ids alike. Runs
 * before the validation pipe, on the body as parsed; that cannot throw: the JSON parser
 * (json-body.ts) has already refused bodies too deep to walk and numbers that overflow to Infinity.
 */
export function requestFingerprint(req: AuthenticatedRequest): string {
  let fingerprint = fingerprints.get(req);
  if (fingerprint === undefined) {
    fingerprint = createHash('sha256')
      .update(`${req.method} ${req.url}\n${canonicalJson(req.body ?? null)}`)
      .digest('hex');
    fingerprints.set(req, fingerprint);
  }
  return fingerprint;
}

/** Builds the command context from the verified actor and the request's headers. */
export const Ctx = createParamDecorator((_: unknown, host: ExecutionContext): CommandContext => {
  const req = host.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!req.actor) throw new Error('Ctx used on a route without an authenticated actor');
  const header = req.headers['x-correlation-id'];
  const occurredAt = (req.body as { occurredAt?: string } | undefined)?.occurredAt;
  return {
    actor: req.actor,
    correlationId: typeof header === 'string' && CORRELATION_ID.test(header) ? header : randomUUID(),
    expectedRevision: parseIfMatch(req.headers['if-match']),
    ...keyed(req),
    occurredAt,
  };
});

/** The key, and the request it came with: a key reused for another request past its window derives other event ids. */
function keyed(req: AuthenticatedRequest): Pick<CommandContext, 'idempotencyKey' | 'requestFingerprint'> {
  const idempotencyKey = idempotencyKeyOf(req);
  return idempotencyKey ? { idempotencyKey, requestFingerprint: requestFingerprint(req) } : {};
}
