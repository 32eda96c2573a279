/** RFC 9457 problem details, with a stable `code` clients can switch on. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Extension members never override the standard ones: a detail named `status` must not change the status. */
export function problem(status: number, code: string, title: string, extra: Record<string, unknown> = {}): Problem {
  return { ...extra, type: `/problems/${code}`, title, status, code };
}

/** Titles and codes for problems raised by HTTP itself rather than by the domain. */
export const HTTP_CODES: Record<number, [string, string]> = {
  400: ['bad-request', 'The request is malformed'],
  401: ['unauthenticated', 'A valid bearer token is required'],
  403: ['forbidden', 'Your role or agency does not allow this'],
  404: ['not-found', 'No such resource'],
  405: ['method-not-allowed', 'Method not allowed'],
  406: ['not-acceptable', 'Not acceptable'],
  409: ['conflict', 'Conflict with the current state'],
  412: ['precondition-failed', 'The record changed since you read it'],
  413: ['payload-too-large', 'The request body is too large'],
  415: ['unsupported-media-type', 'Send application/json'],
  422: ['unprocessable', 'The request breaks a rule'],
  428: ['precondition-required', 'This request needs a precondition'],
  429: ['too-many-requests', 'Too many requests: slow down'],
};
