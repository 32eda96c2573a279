import type { StoreUnavailableError } from '../ledger/store-errors';
import { problem, type Problem } from './problem';

const PART_NAMES: Record<StoreUnavailableError['part'], string> = {
  'event-store': 'event store',
  'read-model-store': 'read-model store',
  'key-store': 'personal-data key store',
  'idempotency-store': 'idempotency store',
  'pack-store': 'evidence-pack store',
};

/**
 * A store fault as a 503. When the request reached the store and no answer came, the code is
 * `outcome-unknown` whatever the fault (a client switching on codes must not read "unavailable" as
 * "nothing happened"), and the detail says the write may have been recorded and that a retry with
 * the same Idempotency-Key is safe: event ids derive from that key, so the retry is recognised and
 * writes nothing twice. Otherwise the store refused before anything was committed.
 */
export function storeProblem(error: StoreUnavailableError): Problem {
  const part = PART_NAMES[error.part];
  const extra = {
    part: error.part,
    fault: error.code,
    outcomeUnknown: error.outcomeUnknown,
    retryAfterSeconds: error.retryAfterSeconds,
  };
  if (error.outcomeUnknown) {
    return problem(503, 'outcome-unknown', `The ${part} did not confirm the write`, {
      ...extra,
      detail:
        `The request reached the ${part} and no answer came (${error.code}): the write may have been recorded. ` +
        'Retrying with the same Idempotency-Key is safe: it is recorded at most once.',
    });
  }
  return problem(503, error.code, `The ${part} is not available`, {
    ...extra,
    detail: `${error.message}. Nothing was written; retry after ${error.retryAfterSeconds} s.`,
  });
}
