import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { INTEGRITY_HEADER, IntegrityGate } from './integrity-gate';

/**
 * Marks every answer given while the ledger is not verified with `Ledger-Integrity: unverified`,
 * in one place (a Fastify onSend hook, so errors and server-sent streams are marked too): reads keep
 * being served, and a client can tell they come from a ledger that failed its check.
 */
@Injectable()
export class IntegrityHeaderHook implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost, private readonly gate: IntegrityGate) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance() as FastifyInstance | undefined;
    if (!fastify?.addHook) return; // an application context without HTTP
    fastify.addHook('onSend', async (_request, reply, payload) => {
      if (!this.gate.verifiedNow) reply.header(INTEGRITY_HEADER, 'unverified');
      return payload;
    });
  }
}
