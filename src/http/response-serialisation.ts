import { isDeepStrictEqual } from 'node:util';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;
type Operation = {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

/** The id the document's components are registered under with Fastify, for `$ref`s to resolve. */
const DOC_ID = 'openapi';

/**
 * An OpenAPI 3.0 schema as the JSON Schema fast-json-stringify reads: `#/components/...` points into
 * the shared DOC_ID schema, and a `nullable` object written beside `allOf: [$ref]` (how OpenAPI 3.0
 * says "this object or null") becomes anyOf with null; `nullable` on a typed schema is kept, since
 * fast-json-stringify reads it itself.
 */
function serialiserSchemaOf(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(serialiserSchemaOf);
  if (schema === null || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Json;
  // A property named `nullable` (an object in a properties map) is not the keyword.
  if (nullable !== undefined && typeof nullable !== 'boolean') rest.nullable = nullable;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${DOC_ID}${v}` : serialiserSchemaOf(v),
    ]),
  );
  if (nullable !== true) return converted;
  return 'type' in converted ? { ...converted, nullable: true } : { anyOf: [converted, { type: 'null' }] };
}

/**
 * The reads serialised by their schema so far: an operation joins once its response classes declare
 * every field it answers (run its e2e suite: under test, an answer the schema would change fails
 * with a 500, see checkedAgainstJson). Most record documents still carry an undeclared `revision`
 * (projections/record-revision.ts), which the action log's schema now declares.
 */
export const SCHEMA_SERIALISED_READS: ReadonlySet<string> = new Set(['listActionLog', 'getActionLogEntry']);

/** /action-log/:actionId (Fastify) as /action-log/{actionId} (OpenAPI). */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** Under test: what JSON.stringify would have written, kept beside the reply to compare (see below). */
const PLAIN = Symbol('plain JSON');

/**
 * Under test only: an answer the schema serialiser wrote differently from JSON.stringify (a property
 * the schema does not name dropped, a value coerced to the documented type) fails the request with a
 * 500 naming the route, so the e2e suites catch a document that lags the code, which the response
 * validator alone (reading the serialised answer) no longer could.
 */
function checkedAgainstJson(route: { url: string }) {
  return {
    preSerialization: (
      _req: FastifyRequest,
      reply: FastifyReply,
      payload: unknown,
      done: (e: null, p: unknown) => void,
    ) => {
      (reply as unknown as Record<symbol, string>)[PLAIN] = JSON.stringify(payload);
      done(null, payload);
    },
    onSend: (
      _req: FastifyRequest,
      reply: FastifyReply,
      payload: unknown,
      done: (e: Error | null, p?: unknown) => void,
    ) => {
      const plain = (reply as unknown as Record<symbol, string | undefined>)[PLAIN];
      if (plain === undefined || typeof payload !== 'string' || reply.statusCode !== 200) return done(null, payload);
      if (isDeepStrictEqual(JSON.parse(payload), JSON.parse(plain))) return done(null, payload);
      done(
        new Error(
          `GET ${route.url}: the documented response schema drops or changes part of the answer: ${plain.slice(0, 2000)} became ${payload.slice(0, 2000)}`,
        ),
      );
    },
  };
}

/**
 * The JSON reads in SCHEMA_SERIALISED_READS (GETs whose 200 the document describes as
 * application/json) are serialised by Fastify from their documented schema (fast-json-stringify, compiled once when the route is
 * registered) instead of JSON.stringify: the list reads spent ~5% of their CPU serialising.
 * Serialising by the schema writes only the properties the schema names, so an answer cannot carry
 * a field the document does not declare; the e2e response validator still checks every answer's
 * shape against the same document. Call before app.init(), which registers the routes.
 */
export function serialiseReadsBySchema(
  app: NestFastifyApplication,
  document: OpenAPIObject,
  check = process.env.NODE_ENV === 'test',
): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addSchema({ $id: DOC_ID, components: serialiserSchemaOf(document.components ?? {}) });
  fastify.addHook('onRoute', (route) => {
    if (route.method !== 'GET' || route.schema?.response) return;
    const operation = document.paths[openApiPath(route.url)]?.get as Operation | undefined;
    if (!operation?.operationId || !SCHEMA_SERIALISED_READS.has(operation.operationId)) return;
    const schema = operation?.responses?.['200']?.content?.['application/json']?.schema;
    if (schema === undefined) return;
    route.schema = { ...route.schema, response: { 200: serialiserSchemaOf(schema) } };
    if (!check) return;
    const { preSerialization, onSend } = checkedAgainstJson(route);
    route.preSerialization = [...[route.preSerialization ?? []].flat(), preSerialization];
    route.onSend = [...[route.onSend ?? []].flat(), onSend];
  });
}
