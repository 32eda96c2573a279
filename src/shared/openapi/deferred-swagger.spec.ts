import 'reflect-metadata';
import { Type as TransformTo, plainToInstance } from 'class-transformer';
import { IsDate, IsInt, IsString, Min, validateSync } from 'class-validator';
import * as swagger from '@nestjs/swagger';
import type * as Deferred from './deferred-swagger';

const { DECORATORS } = swagger;

/** A fresh copy of the module, so each test starts before its replay. */
function freshDeferred(): typeof Deferred {
  let module: typeof Deferred | undefined;
  jest.isolateModules(() => {
    module = jest.requireActual<typeof Deferred>('./deferred-swagger');
  });
  return module!;
}

/** Classes decorated alike by `api` (the real @nestjs/swagger, or the deferred one). */
function decorate(
  api: Pick<typeof swagger, 'ApiProperty' | 'ApiPropertyOptional' | 'ApiTags' | 'ApiOperation' | 'ApiResponse'>,
) {
  class Page {
    @api.ApiProperty({ description: 'How many', minimum: 1 })
    @IsInt()
    @Min(1)
    limit = 50;
  }
  class Filter {
    @api.ApiPropertyOptional({ description: 'Whose', enum: ['police', 'health'] })
    @IsString()
    owner?: string;

    @api.ApiProperty({ type: String, format: 'date' })
    @TransformTo(() => Date)
    @IsDate()
    from!: Date;
  }
  @api.ApiTags('things')
  class Controller {
    @api.ApiOperation({ operationId: 'listThings', summary: 'Things' })
    @api.ApiResponse({ status: 200, description: 'The things' })
    @api.ApiResponse({ status: 404, description: 'None' })
    list(): void {}
  }
  return { Page, Filter, Controller };
}

/** What @nestjs/swagger wrote for these classes, as the document builder reads it. */
function openApiMetadata(
  classes: ReturnType<typeof decorate>,
  mapped: Record<string, { name: string; prototype: object }>,
) {
  const properties = (type: { prototype: object }) => {
    const keys = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, type.prototype) ?? []) as string[];
    return keys.map((key) => [key, Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, type.prototype, key.slice(1))]);
  };
  const list = Object.getOwnPropertyDescriptor(classes.Controller.prototype, 'list')!.value as object;
  return {
    page: properties(classes.Page),
    filter: properties(classes.Filter),
    tags: Reflect.getMetadata(DECORATORS.API_TAGS, classes.Controller) as unknown,
    operation: Reflect.getMetadata(DECORATORS.API_OPERATION, list) as unknown,
    responses: Reflect.getMetadata(DECORATORS.API_RESPONSE, list) as unknown,
    mapped: Object.fromEntries(Object.entries(mapped).map(([name, type]) => [name, [type.name, properties(type)]])),
  };
}

describe('deferred @nestjs/swagger decorators', () => {
  it('given classes decorated through it, then no OpenAPI metadata exists until the replay, and then it equals what @nestjs/swagger applied at load writes', () => {
    const deferred = freshDeferred();
    const real = decorate(swagger);
    const later = decorate(deferred);
    const realMapped = {
      both: swagger.IntersectionType(real.Page, real.Filter),
      less: swagger.OmitType(real.Filter, ['owner'] as const),
    };
    const laterMapped = {
      both: deferred.IntersectionType(later.Page, later.Filter),
      less: deferred.OmitType(later.Filter, ['owner'] as const),
    };
    expect(openApiMetadata(later, laterMapped)).toEqual({
      page: [],
      filter: [],
      tags: undefined,
      operation: undefined,
      responses: undefined,
      mapped: { both: ['IntersectionPageFilter', []], less: ['OmitFilterOwner', []] },
    });

    deferred.applyDeferredOpenApi();
    const expected = openApiMetadata(real, realMapped);
    expect(openApiMetadata(later, laterMapped)).toEqual(expected);
    expect(expected.mapped.both[1]).toHaveLength(3);
  });

  it('given a subclass of a mapped type with properties of its own, then the replay lists the inherited ones first, as at load', () => {
    const deferred = freshDeferred();
    const { Page, Filter } = decorate(deferred);
    class Query extends deferred.IntersectionType(Page, Filter) {
      @deferred.ApiProperty({ description: 'As of' })
      asOf!: string;
    }
    deferred.applyDeferredOpenApi();
    expect(Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, Query.prototype)).toEqual([
      ':limit',
      ':owner',
      ':from',
      ':asOf',
    ]);
  });

  it('given a mapped type, then validation, transformation and initialisers are inherited at once, before any replay', () => {
    const deferred = freshDeferred();
    const { Page, Filter } = decorate(deferred);
    const Both = deferred.IntersectionType(Page, Filter);
    const Less = deferred.OmitType(Filter, ['owner'] as const);
    expect(new Both().limit).toBe(50);
    const both = plainToInstance(Both, { limit: 0, owner: 7, from: '2024-04-01' });
    expect(both.from).toBeInstanceOf(Date);
    expect(validateSync(both).map((e) => e.property)).toEqual(['limit', 'owner']);
    expect(validateSync(plainToInstance(Less, { owner: 7, from: '2024-04-01' }))).toEqual([]); // owner is not Less's
    expect(validateSync(plainToInstance(Less, { from: 'soon' })).map((e) => e.property)).toEqual(['from']);
  });

  it('given the replay has run, then a decorator applied later takes effect at once, and a second replay applies nothing twice', () => {
    const deferred = freshDeferred();
    deferred.applyDeferredOpenApi();
    const { Page } = decorate(deferred);
    deferred.applyDeferredOpenApi();
    expect(Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, Page.prototype)).toEqual([':limit']);
  });

  it('given work deferred through deferOpenApi, then it runs at the replay in the order it was given', () => {
    const deferred = freshDeferred();
    const ran: number[] = [];
    deferred.deferOpenApi(() => ran.push(1));
    deferred.deferOpenApi(() => ran.push(2));
    expect(ran).toEqual([]);
    deferred.applyDeferredOpenApi();
    expect(ran).toEqual([1, 2]);
  });
});
