import { DECORATORS, deferOpenApi } from '../shared/openapi/deferred-swagger';

type ResponseEntries = Record<string, { headers?: Record<string, unknown>; description?: string }>;

/**
 * Adds headers to the 200 response that another decorator describes (RecordRead, ListRead...).
 * A second ApiOkResponse would not do: @nestjs/swagger resets `type` on every ApiResponse it is
 * given, so merging one without a type erases the body's schema. This merges only the headers, in
 * either order with the decorator that gives the schema.
 */
export function ApiOkHeaders(headers: Record<string, { description: string; schema: object }>): MethodDecorator {
  return (_target, _key, descriptor) => {
    const method = descriptor.value as object;
    // In its turn among the response decorators, which are applied when the document is built.
    deferOpenApi(() => {
      const responses = (Reflect.getMetadata(DECORATORS.API_RESPONSE, method) ?? {}) as ResponseEntries;
      const ok = responses['200'] ?? { description: '' };
      Reflect.defineMetadata(
        DECORATORS.API_RESPONSE,
        { ...responses, 200: { ...ok, headers: { ...ok.headers, ...headers } } },
        method,
      );
    });
    return descriptor;
  };
}
