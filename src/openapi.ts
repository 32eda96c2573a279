import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { EVENT_REGISTRY } from './aggregates';
import { documentStreamCategories } from './ledger/http/stream-naming.openapi';

const SHARED_SCHEMAS = {
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details',
    required: ['type', 'title', 'status', 'code'],
    properties: {
      type: { type: 'string' },
      title: { type: 'string' },
      status: { type: 'integer' },
      code: { type: 'string', description: 'Stable machine-readable code' },
      detail: { type: 'string' },
      instance: { type: 'string' },
      errors: {
        type: 'array',
        items: {
          type: 'object',
          properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } },
        },
      },
    },
  },
  CommandResult: {
    type: 'object',
    required: ['id', 'streamId', 'revision', 'events'],
    properties: {
      id: { type: 'string' },
      streamId: { type: 'string' },
      revision: { type: 'integer' },
      position: { type: 'integer' },
      events: { type: 'array', items: { type: 'string' } },
    },
  },
};

/** GET /openapi.json (the document) and /docs (the UI); both public, like /health. */
export function setupOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Safeguarding governance ledger')
    .setDescription(
      'Decisions, sign-offs, actions, escalations and funding of a multi-agency safeguarding partnership, recorded as tamper-evident events. Errors are application/problem+json (RFC 9457) with a stable `code`.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  documentStreamCategories(document, EVENT_REGISTRY.categories);
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...SHARED_SCHEMAS } };
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });
}
