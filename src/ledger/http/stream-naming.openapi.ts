import type { OpenAPIObject } from '../../shared/openapi/deferred-swagger';
import { READ_STREAM_OPERATION, STREAM_ENTITY_ID_PATTERN } from './ledger.controller';

/**
 * Names the stream categories in the stream read's document: its description lists them and the
 * streamId pattern takes only them. The ledger knows no context, so the composition root passes the
 * categories of its aggregates (src/aggregates.ts) and the list can never drift from the code.
 */
export function documentStreamCategories(document: OpenAPIObject, categories: readonly string[]): void {
  const operation = Object.values(document.paths)
    .map((path) => path.get)
    .find((op) => op?.operationId === READ_STREAM_OPERATION);
  if (!operation) throw new Error(`The OpenAPI document has no ${READ_STREAM_OPERATION} operation`);
  const listed = [...categories].sort().map((c) => `\`${c}\``);
  operation.description = `${operation.description ?? ''} Categories: ${listed.join(', ')}.`.trim();
  for (const parameter of operation.parameters ?? []) {
    if (!('name' in parameter) || parameter.name !== 'streamId') continue;
    parameter.schema = {
      type: 'string',
      pattern: `^(${[...categories].sort().join('|')})-${STREAM_ENTITY_ID_PATTERN}$`,
    };
  }
}
