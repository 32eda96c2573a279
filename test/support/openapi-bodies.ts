/** Builds request bodies from the served OpenAPI document, for tests that sweep every endpoint. */
export type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  pattern?: string;
  example?: unknown;
  examples?: unknown[];
  maxLength?: number;
};
export type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema };
export type OpenApiDoc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};
export type Operation = {
  operationId: string;
  summary?: string;
  parameters?: Parameter[];
  responses?: Record<string, unknown>;
  requestBody?: { content: Record<string, { schema: Schema }> };
  'x-required-permission'?: string;
  'x-allowed-roles'?: string[];
};

export function resolve(doc: OpenApiDoc, s: Schema): Schema {
  if (s.$ref) return resolve(doc, doc.components.schemas[s.$ref.split('/').pop()!]);
  if (s.allOf)
    return s.allOf
      .map((x) => resolve(doc, x))
      .reduce(
        (a, b) => ({
          ...a,
          ...b,
          properties: { ...a.properties, ...b.properties },
          required: [...(a.required ?? []), ...(b.required ?? [])],
        }),
        {},
      );
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
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
}

/** Server-sent event streams never end, so a sweep that waits for each answer leaves them out. */
export function isEventStream(op: Operation): boolean {
  return (
    JSON.stringify(op.responses ?? {}).includes('text/event-stream') || /server-sent events/i.test(op.summary ?? '')
  );
}

/** The path with each {param} replaced: from `ids` where given, else a well-formed id that names nothing. */
export function fillPath(path: string, ids: Record<string, string> = {}): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(ids[name] ?? (name === 'financialYear' ? '2022-23' : 'no-such-record-42')),
  );
}

/** A plausible query string value per declared query parameter (examples first), as strings. */
export function sampleQuery(doc: OpenApiDoc, op: Operation): Record<string, string> {
  const params = (op.parameters ?? []).filter((p) => p.in === 'query');
  return Object.fromEntries(
    params.map((p) => {
      const s = resolve(doc, p.schema ?? {});
      const value =
        s.example ??
        s.examples?.[0] ??
        s.enum?.[0] ??
        (s.type === 'number' || s.type === 'integer' ? 1 : s.type === 'boolean' ? true : sample(doc, s, p.name));
      return [p.name, String(value)];
    }),
  );
}

export function queryString(query: Record<string, string | string[]>): string {
  const pairs = Object.entries(query).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`),
  );
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/**
 * One request body as sent: JSON text (so 1e400 and deep nesting can be written), its content type,
 * and whether the edge must refuse it whatever the record's state (odd but well-typed values may pass).
 */
export type RawBody = { name: string; payload: string; contentType?: string; refuse?: boolean };

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\udfff lone',
  '\u202egnp.exe',
  '😀'.repeat(50),
  'é'.normalize('NFD'),
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '\r\n\t',
  'x'.repeat(5000),
];
const ODD_NUMBERS = [
  '1e400',
  '-1e400',
  '1e308',
  '-1e308',
  '9007199254740993',
  '-0',
  '0.0000001',
  '1e-400',
  '123456789012345678901234567890',
];

/** Invalid and null-laden bodies derived from an operation's schema: each wrong in one way. */
export function badBodies(doc: OpenApiDoc, schema: Schema): RawBody[] {
  const base = sample(doc, schema) as Record<string, unknown>;
  const json = (name: string, body: unknown): RawBody => ({ name, payload: JSON.stringify(body) });
  const withRaw = (field: string, raw: string) =>
    JSON.stringify({ ...base, [field]: '\u0001' }).replace('"\\u0001"', raw);
  const bad = (name: string, body: unknown): RawBody => ({ ...json(name, body), refuse: true });
  const badRaw = (name: string, payload: string, contentType?: string): RawBody => ({
    name,
    payload,
    contentType,
    refuse: true,
  });
  const out: RawBody[] = [
    bad('null body', null),
    json('empty object', {}),
    bad('array', [base]),
    bad('string', 'hello'),
    bad('number', 1),
    bad('extra field', { ...base, notAField: 1 }),
    bad('__proto__ key', JSON.parse(`{"__proto__":{"admin":true},"constructor":{"prototype":{}}}`)),
    badRaw('deep nesting', '['.repeat(20_000) + ']'.repeat(20_000)),
    badRaw('truncated JSON', JSON.stringify(base).slice(0, -1)),
    badRaw('empty payload', ''),
    badRaw('text/plain', JSON.stringify(base), 'text/plain'),
    badRaw('form encoded', 'a=1&b=2', 'application/x-www-form-urlencoded'),
    badRaw(
      'multipart',
      '--x\r\ncontent-disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
      'multipart/form-data; boundary=x',
    ),
    { name: 'empty content type', payload: JSON.stringify(base), contentType: '' },
    { name: 'content type ;;', payload: JSON.stringify(base), contentType: ';;' },
    { name: 'json as utf-16', payload: JSON.stringify(base), contentType: 'application/json; charset=utf-16' },
    {
      name: 'json with latin1 charset',
      payload: JSON.stringify(base),
      contentType: 'application/json; charset=latin1',
    },
  ];
  for (const field of schema.required ?? []) {
    const { [field]: _, ...rest } = base;
    out.push(bad(`missing ${field}`, rest));
  }
  for (const [field, prop] of Object.entries(schema.properties ?? {})) {
    out.push(bad(`${field}: null`, { ...base, [field]: null }));
    out.push(
      bad(`${field}: wrong type`, { ...base, [field]: prop.type === 'string' || prop.enum ? 42 : 'not-a-number' }),
    );
    out.push(bad(`${field}: object`, { ...base, [field]: { nested: { deep: [1] } } }));
    out.push(bad(`${field}: array of nulls`, { ...base, [field]: [null, null] }));
    out.push(badRaw(`${field}: deep value`, withRaw(field, '{"a":'.repeat(40) + '1' + '}'.repeat(40))));
    // Every odd number where a number belongs, every odd string where a string does; one of each elsewhere.
    const numeric = prop.type === 'integer' || prop.type === 'number';
    for (const n of numeric ? ODD_NUMBERS : ODD_NUMBERS.slice(0, 1))
      out.push({ name: `${field}: ${n}`, payload: withRaw(field, n), refuse: /^-?1e400$/.test(n) });
    for (const str of prop.type === 'string' ? ODD_STRINGS : ODD_STRINGS.slice(3, 4))
      out.push(json(`${field}: odd string ${JSON.stringify(str.slice(0, 12))}`, { ...base, [field]: str }));
  }
  return out;
}
