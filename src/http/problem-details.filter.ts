import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../shared/domain-errors';
import { StoreUnavailableError } from '../ledger/store-errors';
import { LedgerIntegrityError } from '../ledger/integrity/integrity-gate';
import { HTTP_CODES, problem, PROBLEM_CONTENT_TYPE, type Problem } from './problem';
import { storeProblem } from './problem-store';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The one place errors become HTTP: domain errors by their status and code, the rest by HTTP status. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = { ...this.toProblem(error, request.method), instance: request.url.split('?')[0] };
    if (error instanceof StoreUnavailableError) {
      // Expected during an outage: one line, not a stack per request.
      this.logger.warn(`${request.method} ${body.instance}: ${body.code}: ${error.message}`);
      reply.header('retry-after', String(error.retryAfterSeconds));
    } else if (body.status >= 500 && !(error instanceof LedgerIntegrityError))
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }

  private toProblem(error: unknown, method: string): Problem {
    if (error instanceof StoreUnavailableError) return storeProblem(error);
    if (error instanceof LedgerIntegrityError) {
      return problem(503, error.code, 'The ledger failed its integrity check: writes are refused', {
        detail: `${error.reasons.join('; ')}. Nothing was written; reads are still served, marked Ledger-Integrity: unverified.`,
        problems: error.reasons,
      });
    }
    if (error instanceof DomainError) {
      return problem(error.status, error.code, error.message, error.details);
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const response = error.getResponse();
      if (typeof response === 'object' && response && 'code' in response && 'type' in response)
        return response as Problem;
      const [code, title] = HTTP_CODES[status] ?? ['http-error', error.message];
      const detail = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      return problem(status, code, title, {
        detail: Array.isArray(detail) ? detail.join('; ') : typeof detail === 'string' ? detail : error.message,
      });
    }
    const status = (error as { statusCode?: unknown })?.statusCode;
    // Fastify's own errors (bad JSON, body too large, wrong content type) carry a 4xx statusCode.
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const [code, title] = HTTP_CODES[status] ?? ['bad-request', 'The request is malformed'];
      return problem(status, code, title, { detail: (error as Error).message });
    }
    // Only a read is known to have written nothing: a write may have failed after its append.
    return READS.has(method)
      ? problem(500, 'internal-error', 'Something went wrong on our side; nothing was written')
      : problem(500, 'internal-error', 'Something went wrong on our side', {
          detail:
            'The write may or may not have been recorded. Retrying with the same Idempotency-Key is safe: it is recorded at most once.',
        });
  }
}
