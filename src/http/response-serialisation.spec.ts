import Fastify, { type FastifyInstance } from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '../shared/openapi/deferred-swagger';
import { serialiseReadsBySchema } from './response-serialisation';

/** A document with one serialised read (/action-log/{actionId}) and one that is not (/other/{id}), both of `Item`. */
const document = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  components: {
    schemas: {
      Item: {
        type: 'object',
        properties: { id: { type: 'string' }, boardId: { type: 'string', nullable: true } },
        required: ['id'],
      },
    },
  },
  paths: Object.fromEntries(
    [
      ['getActionLogEntry', '/action-log/{actionId}'],
      ['listOther', '/other/{id}'],
    ].map(([operationId, path]) => [
      path,
      {
        get: {
          operationId,
          responses: {
            200: {
              description: 'ok',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
            },
          },
        },
      },
    ]),
  ),
} as unknown as OpenAPIObject;

async function appAnswering(answer: object, check: boolean, documentOf = () => document): Promise<FastifyInstance> {
  const fastify = Fastify();
  serialiseReadsBySchema(
    { getHttpAdapter: () => ({ getInstance: () => fastify }) } as unknown as NestFastifyApplication,
    documentOf,
    check,
  );
  fastify.get('/action-log/:actionId', () => answer);
  fastify.get('/other/:id', () => answer);
  await fastify.ready();
  return fastify;
}

describe('serialiseReadsBySchema', () => {
  it('serialises a listed read from its documented schema ($ref and nullable resolved)', async () => {
    const app = await appAnswering({ id: 'a1', boardId: null }, true);

    const res = await app.inject('/action-log/a1');

    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('{"id":"a1","boardId":null}');
  });

  it('writes only what the schema names (a field the document lacks is dropped) when not checking', async () => {
    const app = await appAnswering({ id: 'a1', revision: 3 }, false);

    expect((await app.inject('/action-log/a1')).body).toBe('{"id":"a1"}');
  });

  it('under test, fails the answer the schema would change, so an e2e suite sees the document lag the code', async () => {
    const app = await appAnswering({ id: 'a1', revision: 3 }, true);

    const res = await app.inject('/action-log/a1');

    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('drops or changes part of the answer');
  });

  it('leaves a read not listed to JSON.stringify, undeclared fields and all', async () => {
    const app = await appAnswering({ id: 'a1', revision: 3 }, true);

    expect((await app.inject('/other/a1')).body).toBe('{"id":"a1","revision":3}');
  });

  it('builds the document on the first serialised answer, not at boot, and only once', async () => {
    const documentOf = jest.fn(() => document);
    const app = await appAnswering({ id: 'a1' }, false, documentOf);
    await app.inject('/other/a1');
    expect(documentOf).not.toHaveBeenCalled();

    const answers = [await app.inject('/action-log/a1'), await app.inject('/action-log/a2')];

    expect(answers.map((a) => a.body)).toEqual(['{"id":"a1"}', '{"id":"a1"}']);
    expect(documentOf).toHaveBeenCalledTimes(1);
  });
});
