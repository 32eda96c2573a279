import { ResponseValidator, type Answer } from './openapi-responses';

/** The response check every e2e suite runs through: each kind of drift is caught, a conforming answer passes. */
const doc = {
  paths: {
    '/things/{thingId}': {
      get: {
        operationId: 'getThing',
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          '404': { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        },
      },
    },
    '/things/stream': {
      get: {
        operationId: 'streamThings',
        responses: {
          '200': {
            content: {
              'text/event-stream': {
                schema: { type: 'string' },
                'x-sse-events': { thing: { $ref: '#/components/schemas/Thing' } },
              },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Problem: { type: 'object', required: ['code'], properties: { code: { type: 'string' } } },
      Part: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } },
      Thing: {
        type: 'object',
        required: ['id', 'part'],
        properties: {
          id: { type: 'string' },
          part: { nullable: true, type: 'object', allOf: [{ $ref: '#/components/schemas/Part' }] },
        },
      },
    },
  },
};
const validator = new ResponseValidator(doc);
const get = (url: string, status: number, contentType: string, body: unknown): Answer => ({
  method: 'GET',
  url,
  status,
  contentType,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const kinds = (a: Answer) => validator.check(a).map((m) => m.kind);

describe('ResponseValidator: an answer is checked against its operation in the document', () => {
  it('given a conforming answer (a nullable object null or present), when checked, then nothing is wrong', () => {
    expect(kinds(get('/things/a1', 200, 'application/json; charset=utf-8', { id: 'a1', part: null }))).toEqual([]);
    expect(kinds(get('/things/a1', 200, 'application/json', { id: 'a1', part: { n: 2 } }))).toEqual([]);
    expect(kinds(get('/things/a1', 404, 'application/problem+json', { code: 'not-found' }))).toEqual([]);
  });

  it('given a literal segment and a parameter that both match, when checked, then the literal route is the operation', () => {
    expect(validator.operationOf('GET', '/things/stream?x=1')?.op.operationId).toBe('streamThings');
  });

  it('given a status the operation does not list, when checked, then it is an undocumented status', () => {
    expect(kinds(get('/things/a1', 403, 'application/problem+json', { code: 'forbidden' }))).toEqual([
      'undocumented-status',
    ]);
  });

  it('given a problem sent as application/json, when checked, then it is a content-type mismatch', () => {
    expect(kinds(get('/things/a1', 404, 'application/json', { code: 'not-found' }))).toEqual(['content-type']);
  });

  it('given a body that breaks the schema, when checked, then it is a body mismatch naming the field', () => {
    const [m] = validator.check(get('/things/a1', 200, 'application/json', { id: 'a1', part: { n: 'two' } }));
    expect(m).toMatchObject({ kind: 'body', operation: 'getThing', detail: expect.stringContaining('/part') });
  });

  it('given a path the document does not list, when checked, then it is not judged', () => {
    expect(kinds(get('/elsewhere', 404, 'text/plain', 'no'))).toEqual([]);
  });
});

describe('ResponseValidator: a streamed event is checked against the schema x-sse-events gives its name', () => {
  const events = (event: string | undefined, data: unknown) =>
    validator
      .checkEvent('/things/stream?lastEventId=4', {
        event,
        data: typeof data === 'string' ? data : JSON.stringify(data),
      })
      .map((m) => m.detail);

  it('given an event whose data conforms, or a keepalive comment, when checked, then nothing is wrong', () => {
    expect(events('thing', { id: 'a1', part: { n: 1 } })).toEqual([]);
    expect(validator.checkEvent('/things/stream', {})).toEqual([]);
  });

  it('given an event whose data breaks its schema, when checked, then the mismatch names the event and field', () => {
    expect(events('thing', { id: 'a1', part: { n: 'one' } })).toEqual([expect.stringMatching(/"thing".*\/part\/n/)]);
  });

  it('given an event the operation does not name, or data that is not JSON, when checked, then it is a mismatch', () => {
    expect(events('other', {})).toEqual([expect.stringContaining('"other" is not among [thing]')]);
    expect(events(undefined, {})).toEqual([expect.stringContaining('"message" is not among')]);
    expect(events('thing', '{not json')).toEqual([expect.stringContaining('not JSON')]);
  });
});
