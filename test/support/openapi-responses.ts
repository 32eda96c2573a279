import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Checks an HTTP answer against the operation the served OpenAPI document gives for it: the status
 * must be documented, the content type must be one the document lists for that status, and a JSON
 * body must validate against that status's schema. Used on every response the e2e suites receive
 * (openapi-validation.setup.ts) and by the OpenAPI fuzz, so the document cannot drift from the code.
 */
type Json = Record<string, unknown>;
/** `x-sse-events`: an event stream's events, each name with the schema of its JSON data (api-event-stream.ts). */
type Media = { schema?: Json; 'x-sse-events'?: Record<string, Json> };
type Response = { content?: Record<string, Media> };
type Operation = { operationId?: string; responses?: Record<string, Response> };
/** The served document as any test holds it: operations are read as far as this check needs. */
export type ServedDocument = { paths: Record<string, Record<string, object>>; components?: object };

export interface Answer {
  method: string;
  url: string;
  status: number;
  contentType: string | undefined;
  body: string;
}

export type MismatchKind = 'undocumented-status' | 'content-type' | 'no-schema' | 'body' | 'sse-event';
export interface Mismatch {
  kind: MismatchKind;
  operation: string;
  status: number;
  detail: string;
}

/** One Server-Sent Events message as a client parses it (test/support/sse.ts messages()). */
export interface StreamedMessage {
  event?: string;
  data?: string;
}

/** The event name a message without an `event:` field has, by the SSE specification. */
const DEFAULT_EVENT = 'message';

/** Whether an event-stream response names its events with a schema for each one's data, beyond the shared auth-expired. */
export function describesEvents(media: object): boolean {
  const events = Object.entries((media as Media)['x-sse-events'] ?? {});
  return events.some(([name]) => name !== 'auth-expired') && events.every(([, schema]) => schema.$ref !== undefined);
}

const DOC_ID = 'openapi.json';

/**
 * An OpenAPI 3.0 schema as JSON Schema: `#/components/...` names the document's components wherever
 * the schema is compiled, and `nullable: true` admits null whatever else the schema says (OpenAPI
 * 3.0 writes a nullable object as `nullable` beside `allOf: [$ref]`, which null alone would fail).
 */
function jsonSchemaOf(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(jsonSchemaOf);
  if (schema === null || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Json;
  // A property named `nullable` (an object in a properties map) is not the keyword.
  if (nullable !== undefined && typeof nullable !== 'boolean') rest.nullable = nullable;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${DOC_ID}${v}` : jsonSchemaOf(v),
    ]),
  );
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

export class ResponseValidator {
  private readonly ajv: Ajv;
  private readonly routes: { method: string; template: string; pattern: RegExp; op: Operation }[];
  private readonly compiled = new Map<object, ValidateFunction>();

  constructor(doc: ServedDocument) {
    // OpenAPI 3.0 schemas: `nullable` is ajv's own keyword; `example` and friends are annotations.
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ $id: DOC_ID, components: jsonSchemaOf(doc.components ?? {}) });
    // Literal segments before parameters: /action-log/stream is not /action-log/{actionId}.
    this.routes = Object.entries(doc.paths)
      .flatMap(([template, methods]) =>
        Object.entries(methods).map(([method, op]) => ({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
          op: op,
        })),
      )
      .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  }

  /** The documented operation for this request, or undefined for a path or method the document does not list. */
  operationOf(method: string, url: string): { template: string; op: Operation } | undefined {
    const path = url.split('?')[0];
    const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
    return this.routes.find((r) => r.method === m && r.pattern.test(path));
  }

  /** What is wrong with this answer by the document (empty: it conforms). Requests outside the document are not judged. */
  check(a: Answer): Mismatch[] {
    const found = this.operationOf(a.method, a.url);
    if (!found) return [];
    const operation = found.op.operationId ?? `${a.method} ${found.template}`;
    const fail = (kind: MismatchKind, detail: string): Mismatch[] => [{ kind, operation, status: a.status, detail }];
    const responses = found.op.responses ?? {};
    const response = responses[String(a.status)] ?? responses[`${String(a.status)[0]}XX`] ?? responses.default;
    if (!response) return fail('undocumented-status', `${a.status} is not among ${Object.keys(responses).join(', ')}`);
    const content = response.content ?? {};
    const media = (a.contentType ?? '').split(';')[0].trim().toLowerCase();
    if (a.body === '' && !media) return [];
    const documented = content[media];
    if (!documented)
      return fail('content-type', `${media || 'no content type'} is not among [${Object.keys(content).join(', ')}]`);
    if (!media.endsWith('json')) return [];
    if (!documented.schema) return fail('no-schema', `${media} has no schema`);
    let body: unknown;
    try {
      body = JSON.parse(a.body);
    } catch {
      return fail('body', 'not JSON');
    }
    const validate = this.validatorOf(documented.schema);
    if (validate(body)) return [];
    const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    return fail('body', errors.join('; '));
  }

  /**
   * What is wrong with one message a stream sent, by the document: its event must be one the
   * operation's 200 lists under `x-sse-events`, and its data JSON that validates against that
   * event's schema. Comments (keepalives) carry neither and conform.
   */
  checkEvent(url: string, message: StreamedMessage): Mismatch[] {
    const found = this.operationOf('GET', url);
    if (!found || (message.event === undefined && message.data === undefined)) return [];
    const operation = found.op.operationId ?? `GET ${found.template}`;
    const name = message.event ?? DEFAULT_EVENT;
    const fail = (detail: string): Mismatch[] => [{ kind: 'sse-event', operation, status: 200, detail }];
    const events = found.op.responses?.['200']?.content?.['text/event-stream']?.['x-sse-events'] ?? {};
    const schema = events[name];
    if (!schema) return fail(`event "${name}" is not among [${Object.keys(events).join(', ')}]`);
    let data: unknown;
    try {
      data = JSON.parse(message.data ?? '');
    } catch {
      return fail(`event "${name}" data is not JSON`);
    }
    const validate = this.validatorOf(schema);
    if (validate(data)) return [];
    const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    return fail(`event "${name}": ${errors.join('; ')}`);
  }

  private validatorOf(schema: Json): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(jsonSchemaOf(schema) as Json);
      this.compiled.set(schema, validate);
    }
    return validate;
  }
}

export function describeMismatch(a: Answer, m: Mismatch): string {
  return `${m.operation} ${a.method} ${a.url.slice(0, 100)} -> ${m.status} ${m.kind}: ${m.detail}`;
}
