import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { validatorBases } from '../../http/etag/record-etag';
import { noneMatchHits, positionTag, recordTag } from './read-validators';

/**
 * Where a read's ETag is made and If-None-Match answered: in Fastify's onSend, the one place that
 * has the exact bytes (so the tag is strong) and may still change the status (Nest sets the
 * handler's 200 after every interceptor has run). Only for successful reads an endpoint declared
 * an ETag for (read-etag.ts): errors, commands and streams are left as they are.
 */
@Injectable()
export class ConditionalGetHook implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.addHook) return; // an application context without HTTP
    fastify.addHook('onSend', async (request, reply, payload) => {
      const base = validatorBases.get(request.raw);
      if (!base || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
      const tag = base.kind === 'record' ? recordTag(base.revision, payload) : positionTag(base.position, payload);
      reply.header('etag', tag);
      if (!noneMatchHits(request.headers['if-none-match'], tag)) return payload;
      // 304: the ETag again, no body and nothing that describes one.
      reply.code(304);
      reply.removeHeader('content-type');
      reply.removeHeader('content-length');
      return null;
    });
  }
}
