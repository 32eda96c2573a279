import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { INTEGRITY_HEADER, IntegrityGate } from './integrity-gate';

/**
 * Marks every answer given while the ledger is not verified with `Ledger-Integrity: unverified`,
 * in one place (Fastify hooks, so errors and server-sent streams are marked too): reads keep
 * being served, and a client can tell they come from a ledger that failed its check.
 */
@Injectable()
export class IntegrityHeaderHook implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly gate: IntegrityGate,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.addHook) return; // an application context without HTTP
    // Server-sent streams write their headers on the raw response, past onSend: marked when they start.
    fastify.addHook('onRequest', async (_request, reply) => {
      if (!this.gate.verifiedNow) reply.raw.setHeader(INTEGRITY_HEADER, 'unverified');
    });
    // Everything else as the ledger stands when the answer leaves (a check may have failed meanwhile).
    fastify.addHook('onSend', async (_request, reply, payload) => {
      if (!this.gate.verifiedNow) reply.header(INTEGRITY_HEADER, 'unverified');
      return payload;
    });
  }
}
