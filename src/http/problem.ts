import { ApiProperty, ApiPropertyOptional, ApiSchema } from '../shared/openapi/deferred-swagger';

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

/** One field the validation pipe refused, with its messages. */
export class ProblemFieldError {
  @ApiProperty({ example: 'dueDate' })
  field!: string;

  @ApiProperty({ type: [String] })
  messages!: string[];
}

/**
 * The OpenAPI schema of every problem the API answers: the fields of `Problem` above (the compiler
 * checks the class against it); extension members (`errors`, `part`, `problems`...) are allowed.
 */
@ApiSchema({ name: 'Problem', description: 'RFC 9457 problem details with a stable `code`' })
export class ProblemSchema implements Problem {
  [extension: string]: unknown;

  @ApiProperty({ example: '/problems/not-found' })
  type!: string;

  @ApiProperty({ example: 'No such resource' })
  title!: string;

  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 404 })
  status!: number;

  @ApiProperty({ description: 'Stable machine-readable code', example: 'not-found' })
  code!: string;

  @ApiPropertyOptional()
  detail?: string;

  @ApiPropertyOptional({ description: 'The path the problem is about', example: '/action-log/wseb-2022-05-10-a1' })
  instance?: string;

  @ApiPropertyOptional({ type: [ProblemFieldError], description: 'Validation failures, one per field' })
  errors?: ProblemFieldError[];
}
