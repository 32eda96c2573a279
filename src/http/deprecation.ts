import { applyDecorators, Header } from '@nestjs/common';

/**
 * Marks a response that still carries deprecated members (RFC 9745): `Deprecation` holds when they
 * were deprecated, as a structured-field Date (`@` and seconds since the epoch), and `Link` with
 * rel="deprecation" points at where the replacement is described. Set on successful responses only
 * (problems carry no deprecated members). A deprecated member stays one release, then goes.
 */
export function DeprecatedMembers(since: string, documentation: string): MethodDecorator {
  const seconds = Date.parse(since) / 1000;
  if (!Number.isInteger(seconds)) throw new Error(`Deprecation date must be a whole second: ${since}`);
  return applyDecorators(
    Header('Deprecation', `@${seconds}`),
    Header('Link', `<${documentation}>; rel="deprecation"; type="text/html"`),
  );
}

/** Response headers for the OpenAPI document of an operation marked with DeprecatedMembers. */
export const DEPRECATION_RESPONSE_HEADERS = {
  Deprecation: {
    description: 'RFC 9745: the response carries members deprecated since this date (@seconds since the epoch)',
    schema: { type: 'string', pattern: '^@-?[0-9]+$' },
  },
  Link: { description: 'rel="deprecation": where the replacement members are described', schema: { type: 'string' } },
};
