import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { problem, PROBLEM_CONTENT_TYPE } from './problem';

/**
 * Fastify refuses some URLs before any route (so before Nest and its problem filter) runs: a path
 * that is not valid percent-encoded UTF-8 (`/meetings/%FF`) and a path segment over its length
 * limit. Without this they answered Fastify's own JSON; with it, problem+json like every refusal.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const [status, code, title] = tooLong
    ? [414, 'path-segment-too-long', 'A segment of the URL path is too long']
    : error.code === 'FST_ERR_BAD_URL'
      ? [400, 'invalid-url', 'The URL is not valid percent-encoded UTF-8']
      : [400, 'bad-request', 'The request is malformed'];
  const instance = request.raw.url?.split('?')[0].slice(0, 200);
  void reply
    .status(status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(problem(status, code, title, { instance }));
}
