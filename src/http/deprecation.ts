import { applyDecorators, BadRequestException, Header } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiOkHeaders } from './ok-response-headers';
import { problem } from './problem';
import { UseRouteSteps, type RouteStep } from './route-steps';

/** RFC 9745 headers: `Deprecation` as a structured-field Date (`@` and seconds since the epoch), `Link` to the replacement. */
function deprecationHeaders(since: string, documentation: string): Record<'Deprecation' | 'Link', string> {
  const seconds = Date.parse(since) / 1000;
  if (!Number.isInteger(seconds)) throw new Error(`Deprecation date must be a whole second: ${since}`);
  return { Deprecation: `@${seconds}`, Link: `<${documentation}>; rel="deprecation"; type="text/html"` };
}

/**
 * Marks a response that still carries deprecated members (RFC 9745): `Deprecation` holds when they
 * were deprecated, as a structured-field Date (`@` and seconds since the epoch), and `Link` with
 * rel="deprecation" points at where the replacement is described. Set on successful responses only
 * (problems carry no deprecated members). A deprecated member stays one release, then goes.
 */
export function DeprecatedMembers(since: string, documentation: string): MethodDecorator {
  const headers = deprecationHeaders(since, documentation);
  return applyDecorators(Header('Deprecation', headers.Deprecation), Header('Link', headers.Link));
}

export interface RenamedQueryParameterOptions {
  /** The deprecated name, still accepted for one release (its DTO property says `deprecated: true`). */
  old: string;
  replacement: string;
  since: string;
  documentation: string;
}

/**
 * A query parameter renamed, the old name kept one release: a request that uses the old name gets
 * the same answer plus the RFC 9745 headers (only then: the operation itself is not deprecated);
 * both names with different values is refused (400 conflicting-parameters) rather than one silently
 * winning. The handler reads `replacement ?? old`.
 */
export function RenamedQueryParameter(o: RenamedQueryParameterOptions): MethodDecorator {
  return applyDecorators(
    UseRouteSteps(renamedQueryParameterStep(o, deprecationHeaders(o.since, o.documentation))),
    // Sent only when the old name is used: documented beside the 200's body, never in place of it.
    ApiOkHeaders(DEPRECATION_RESPONSE_HEADERS),
  );
}

function renamedQueryParameterStep(o: RenamedQueryParameterOptions, headers: Record<string, string>): RouteStep {
  const { old, replacement } = o;
  const queryOf = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;
  return {
    before(request) {
      const query = queryOf(request);
      if (query[old] === undefined || query[replacement] === undefined || query[replacement] === query[old]) return;
      throw new BadRequestException(
        problem(400, 'conflicting-parameters', `${old} and ${replacement} disagree`, {
          detail: `${old} is the deprecated name of ${replacement}: give one of them`,
          errors: [
            { field: old, messages: [`${old} is the deprecated name of ${replacement}: give only ${replacement}`] },
          ],
        }),
      );
    },
    after(request, reply) {
      if (queryOf(request)[old] === undefined) return;
      for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
    },
  };
}

/** Response headers for the OpenAPI document of an operation marked with DeprecatedMembers. */
export const DEPRECATION_RESPONSE_HEADERS = {
  Deprecation: {
    description: 'RFC 9745: the response carries members deprecated since this date (@seconds since the epoch)',
    schema: { type: 'string', pattern: '^@-?[0-9]+$' },
  },
  Link: { description: 'rel="deprecation": where the replacement members are described', schema: { type: 'string' } },
};
