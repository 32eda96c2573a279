import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { EVENT_REGISTRY } from './aggregates';
import { documentStreamCategories } from './ledger/http/stream-naming.openapi';
import { serialiseReadsBySchema } from './http/response-serialisation';
import { documentReadConsistency } from './read-models/consistency/read-consistency.openapi';

/**
 * GET /openapi.json (the document) and /docs (the UI); both public, like /health. The JSON reads are
 * then serialised from their documented response schemas (before app.init() registers the routes).
 */
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
  documentReadConsistency(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });
  serialiseReadsBySchema(app, document);
}
