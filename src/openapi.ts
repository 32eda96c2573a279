import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  applyDeferredOpenApi,
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
} from './shared/openapi/deferred-swagger';
import { EVENT_REGISTRY } from './aggregates';
import { documentStreamCategories } from './ledger/http/stream-naming.openapi';
import { serialiseReadsBySchema } from './http/response-serialisation';
import { documentReadConsistency } from './read-models/consistency/read-consistency.openapi';

function buildDocument(app: NestFastifyApplication): OpenAPIObject {
  // The decorators' metadata, which nothing before the document reads (deferred-swagger.ts).
  applyDeferredOpenApi();
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
  return document;
}

/**
 * GET /openapi.json (the document) and /docs (the UI); both public, like /health. The document is
 * built on its first use (those routes, or the first schema-serialised read), not at boot: scanning
 * every controller and DTO took ~0.3 s of each start, and applying the OpenAPI decorators ~0.09 s
 * more (src/shared/openapi/deferred-swagger.ts). Built once, from metadata fixed at start, so
 * every answer is the same document. The routes are registered here, before app.init().
 */
export function setupOpenApi(app: NestFastifyApplication): void {
  let document: OpenAPIObject | undefined;
  const documentOf = () => (document ??= buildDocument(app));
  SwaggerModule.setup('docs', app, documentOf, { jsonDocumentUrl: 'openapi.json' });
  serialiseReadsBySchema(app, documentOf);
}
