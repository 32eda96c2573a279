import { isDeepStrictEqual } from 'node:util';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OpenAPIObject } from '../shared/openapi/deferred-swagger';

type Json = Record<string, unknown>;
type Operation = {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

/**
 * An OpenAPI 3.0 schema as the JSON Schema fast-json-stringify reads: a `nullable` object written
 * beside `allOf: [$ref]` (how OpenAPI 3.0 says "this object or null") becomes anyOf with null;
 * `nullable` on a typed schema is kept, since fast-json-stringify reads it itself.
 */
function serialiserSchemaOf(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(serialiserSchemaOf);
  if (schema === null || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Json;
  // A property named `nullable` (an object in a properties map) is not the keyword.
  if (nullable !== undefined && typeof nullable !== 'boolean') rest.nullable = nullable;
  const converted = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, serialiserSchemaOf(v)]));
  if (nullable !== true) return converted;
  return 'type' in converted ? { ...converted, nullable: true } : { anyOf: [converted, { type: 'null' }] };
}

/**
 * The reads serialised by their schema so far, by their OpenAPI path (GET): an operation joins once
 * its response classes declare every field it answers (run its e2e suite: under test, an answer the
 * schema would change fails with a 500, see checkedAgainstJson). Paths, not operation ids, so the
 * routes are known at boot without the document (built on first use, src/openapi.ts). Most record
 * documents still carry an undeclared `revision` (projections/record-revision.ts), which the action
 * log's schema now declares.
 */
export const SCHEMA_SERIALISED_READS: ReadonlySet<string> = new Set(['/action-log', '/action-log/{actionId}']);

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
 * The 200 answer's schema for fast-json-stringify, self-contained: the document's components ride
 * along under the same `#/components/...` pointers, so the `$ref`s resolve without a schema shared
 * with Fastify at boot (addSchema is refused once the app is ready, and the document is built later).
 * undefined: the document does not describe the read as application/json.
 */
function answerSchemaOf(document: OpenAPIObject, path: string): Json | undefined {
  const operation = document.paths[path]?.get as Operation | undefined;
  const schema = operation?.responses?.['200']?.content?.['application/json']?.schema;
  if (schema === undefined) return undefined;
  return { ...(serialiserSchemaOf(schema) as Json), components: serialiserSchemaOf(document.components ?? {}) };
}

type Serialiser = (payload: unknown) => string;

/**
 * The JSON reads in SCHEMA_SERIALISED_READS (GETs whose 200 the document describes as
 * application/json) are serialised by Fastify from their documented schema (fast-json-stringify)
 * instead of JSON.stringify: the list reads spent ~5% of their CPU serialising. The serialiser is
 * compiled on the route's first 200 answer, from the document then built (documentOf), and kept.
 * Serialising by the schema writes only the properties the schema names, so an answer cannot carry
 * a field the document does not declare; the e2e response validator still checks every answer's
 * shape against the same document. Call before app.init(), which registers the routes.
 */
export function serialiseReadsBySchema(
  app: NestFastifyApplication,
  documentOf: () => OpenAPIObject,
  check = process.env.NODE_ENV === 'test',
): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    const path = openApiPath(route.url);
    if (route.method !== 'GET' || route.schema?.response || !SCHEMA_SERIALISED_READS.has(path)) return;
    let serialiser: Serialiser | null | undefined; // undefined: not compiled yet; null: not documented as JSON
    const bySchema = (
      _req: FastifyRequest,
      reply: FastifyReply,
      payload: unknown,
      done: (e: null, p: unknown) => void,
    ) => {
      if (reply.statusCode === 200) {
        if (serialiser === undefined) {
          const schema = answerSchemaOf(documentOf(), path);
          serialiser = schema ? (reply.compileSerializationSchema(schema, '200') as Serialiser) : null;
        }
        if (serialiser) reply.serializer(serialiser);
      }
      done(null, payload);
    };
    const hooks = [bySchema];
    if (check) {
      const { preSerialization, onSend } = checkedAgainstJson(route);
      hooks.push(preSerialization);
      route.onSend = [...[route.onSend ?? []].flat(), onSend];
    }
    route.preSerialization = [...[route.preSerialization ?? []].flat(), ...hooks];
  });
}
