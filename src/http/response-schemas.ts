import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiSchema,
  getSchemaPath,
} from '../shared/openapi/deferred-swagger';
import type { Actor } from '../ledger/event-envelope';
import type { Page } from './cursor-page';
import { ApiProblems, READ_PROBLEMS } from './endpoint-responses';

/**
 * Response classes every read shares, and ListRead: a cursor-paged list's 200 as the Page schema
 * with its items' class (allOf/$ref), the way a generic Page<Item> is written in OpenAPI 3.0.
 */
@ApiSchema({ name: 'OnBehalfOf', description: 'The member a deputy acted for, at one meeting' })
export class OnBehalfOfSchema {
  @ApiProperty() userId!: string;
  @ApiProperty() role!: string;
  @ApiProperty() agency!: string;
  @ApiProperty() meetingId!: string;
}

@ApiSchema({ name: 'Actor', description: 'Who did it: the verified token’s user, role and agency' })
export class ActorSchema implements Actor {
  @ApiProperty({ example: 'amrita-sharma' }) userId!: string;
  @ApiProperty({ example: 'business-manager' }) role!: string;
  @ApiProperty({ example: 'warwickshire-safeguarding' }) agency!: string;
  @ApiPropertyOptional({ type: OnBehalfOfSchema }) onBehalfOf?: OnBehalfOfSchema;
}

@ApiSchema({ name: 'Page', description: 'One page of a cursor-paged list' })
export class PageSchema implements Page<unknown> {
  @ApiProperty({ type: 'array', items: {} }) items!: unknown[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Send as `cursor` (with the same filters) for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

/** The 200 of a cursor-paged list of `item`, plus any further members of the answer (e.g. as-of provenance). */
export function ApiPage(item: Type<unknown>, description: string, extra: Record<string, Type<unknown>> = {}) {
  return applyDecorators(
    ApiExtraModels(PageSchema, item, ...Object.values(extra)),
    ApiOkResponse({
      description,
      schema: {
        allOf: [
          { $ref: getSchemaPath(PageSchema) },
          {
            type: 'object',
            required: ['items', ...Object.keys(extra)],
            properties: {
              items: { type: 'array', items: { $ref: getSchemaPath(item) } },
              ...Object.fromEntries(Object.entries(extra).map(([k, t]) => [k, { $ref: getSchemaPath(t) }])),
            },
          },
        ],
      },
    }),
  );
}

/** A cursor-paged list read: ApiPage and the problems of any authenticated read (a bad filter or cursor is a 400). */
export const ListRead = (item: Type<unknown>, description: string, extra: Record<string, Type<unknown>> = {}) =>
  applyDecorators(ApiPage(item, description, extra), ApiProblems(READ_PROBLEMS));
