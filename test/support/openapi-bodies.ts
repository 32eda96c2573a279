/** Builds request bodies from the served OpenAPI document, for tests that sweep every endpoint. */
export type Schema = {
  $ref?: string; type?: string; format?: string; enum?: unknown[]; items?: Schema; properties?: Record<string, Schema>;
  required?: string[]; allOf?: Schema[]; pattern?: string; example?: unknown; maxLength?: number;
};
export type OpenApiDoc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
export type Operation = { operationId: string; requestBody?: { content: Record<string, { schema: Schema }> }; 'x-required-permission'?: string; 'x-allowed-roles'?: string[] };

export function resolve(doc: OpenApiDoc, s: Schema): Schema {
  if (s.$ref) return resolve(doc, doc.components.schemas[s.$ref.split('/').pop()!]);
  if (s.allOf) return s.allOf.map((x) => resolve(doc, x)).reduce((a, b) => ({ ...a, ...b, properties: { ...a.properties, ...b.properties }, required: [...(a.required ?? []), ...(b.required ?? [])] }), {});
  return s;
}

/** A plausible value for a schema: examples where given, otherwise something of the right type. */
export function sample(doc: OpenApiDoc, raw: Schema, name = ''): unknown {
  const s = resolve(doc, raw);
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  if (s.type === 'array') return [sample(doc, s.items ?? {}, name)];
  if (s.type === 'object' || s.properties) {
    return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(doc, v, k)]));
  }
  if (s.type === 'integer' || s.type === 'number') return 1;
  if (s.type === 'boolean') return true;
  if (/(At|On|Date|From|For)$/.test(name)) return '2022-05-10';
  return `sample-${name.toLowerCase() || 'value'}`;
}

export function bodySchema(doc: OpenApiDoc, op: Operation): Schema | undefined {
  const content = op.requestBody?.content['application/json'];
  return content ? resolve(doc, content.schema) : undefined;
}

export function operations(doc: OpenApiDoc): { method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })));
}
