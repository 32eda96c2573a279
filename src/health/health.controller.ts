import { Controller, Get, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '../shared/openapi/deferred-swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/requires.decorator';
import { HealthService, type HealthReport } from './health.service';

const part = {
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string', enum: ['up', 'down', 'degraded', 'disabled'] },
    reason: {
      type: 'string',
      description: 'Why, when not up (e.g. "store-read-only: ...", "deadline exceeded: no answer within 5000 ms")',
    },
  },
  additionalProperties: true,
};

/** The body on 200 and on 503 alike: an operator needs the reasons most when it is down. */
const HEALTH_SCHEMA = {
  type: 'object',
  required: ['status', 'checkedAt', 'deadlineMs', 'required', 'parts'],
  properties: {
    status: {
      type: 'string',
      enum: ['up', 'degraded', 'down'],
      description: 'down (503) when a required part is down; degraded (200) when an optional one is not well',
    },
    checkedAt: { type: 'string', format: 'date-time' },
    deadlineMs: { type: 'integer', description: 'STORE_DEADLINE_MS: each probe answers within it' },
    required: {
      type: 'array',
      items: { type: 'string' },
      description: 'Parts whose being down makes the service down',
    },
    parts: {
      type: 'object',
      properties: {
        eventStore: { ...part, description: 'The ledger: writable and answering (engine named)' },
        readModelStore: { ...part, description: 'The read-model file: writable' },
        keyStore: { ...part, description: 'Personal-data keys: writable' },
        idempotencyStore: { ...part, description: 'Idempotency records: writable' },
        projections: {
          type: 'object',
          description:
            'Each projection by name: state, version, checkpoint, lag { behind, behindAtLeast, lastLogPosition } and lastError',
          additionalProperties: part,
        },
        packQueue: { ...part, description: 'Evidence-pack queue: following the log, or why not' },
        digestSchedule: { ...part, description: 'Signed digests: the last round (ok, when, reason), or disabled' },
        retentionSchedule: {
          ...part,
          description: 'Retention erasures: the last round (ok, when, reason), or disabled',
        },
        idempotencyPrune: {
          ...part,
          description:
            'Forgetting idempotency records past IDEMPOTENCY_RETENTION_HOURS: the last round (ok, when, reason)',
        },
        logTree: {
          ...part,
          description:
            'The log-level Merkle tree: treeSize and lastPosition covered; down when it does not match the log (mismatch names the leaf)',
        },
        integrity: {
          ...part,
          description:
            'The ledger integrity check (start-up and periodic): down when it failed (writes refused, reads marked Ledger-Integrity: unverified) naming what; degraded when it could not run or read models stood ahead of the ledger and were rebuilt',
        },
      },
    },
  },
};

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOperation({
    operationId: 'health',
    summary:
      'Each part (stores, projections with lag, pack queue, schedules) with status and reason; 503 when a required part is down',
  })
  @ApiOkResponse({ description: 'Every required part is up (optional ones may be degraded)', schema: HEALTH_SCHEMA })
  @ApiServiceUnavailableResponse({
    description: 'A required part is down; the body says which and why',
    schema: HEALTH_SCHEMA,
  })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.health.check();
    reply.status(report.status === 'down' ? 503 : 200);
    return report;
  }
}
