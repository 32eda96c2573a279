import { Controller, Get, Query, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '../../shared/openapi/deferred-swagger';
import { CollectionRead, RecordRead } from '../../http/endpoint-responses';
import { RecordId } from '../../http/id.pipe';
import type { PageQueryDto } from '../../http/page-query.dto';
import { AsOfEngine } from '../as-of/as-of-engine';
import { AsOfQueryDto } from '../as-of/as-of-query.dto';
import { AsOfRead, asOfPage, asOfRecord } from '../as-of/as-of-read';
import { RecordReader, type RegistryDoc, type RegistryModel } from './record-reader';

/** One route of the document: its operation id and summary, and the DTO its 200 answers with. */
export interface RouteDoc {
  operationId: string;
  summary: string;
  type: Type<unknown>;
}

/** What a registry's controllers, live or as-of, differ in: where they live, their model and documentation. */
export interface RegistryRouteNames<D extends RegistryDoc, Q> {
  /** The controller's name (Nest and logs show it). */
  name: string;
  tag: string;
  /** 'boards' serves boards, boards/:boardId and its /history (and the same below as-of/). */
  path: string;
  /** The record's id in the path and in the history answer: 'boardId'. */
  idParam: string;
  model: RegistryModel<D, Q>;
  list: RouteDoc;
  get: RouteDoc;
  history: RouteDoc;
}

/** What one registry's as-of endpoints differ in: where they live, their model, query and documentation. */
export interface RegistryAsOfRoutes<
  D extends RegistryDoc,
  Q,
  QD extends AsOfQueryDto & PageQueryDto,
> extends RegistryRouteNames<D, Q> {
  /** The live list's filters plus knownAt and validAt, and how they become the model's query. */
  query: { dto: Type<QD>; filters: (q: QD) => Q };
  /** The 404 a missing record answers, as documented. */
  notFound: string;
  /** Further problems the one-record read documents (the forward plan's names its 400). */
  getProblems?: Record<number, string>;
}

/**
 * The as-of controller of a registry read model (partners, people, boards, protocols, sign-offs): its
 * register as it stood at a past point of the log (knownAt) and business date (validAt), read by the
 * same RecordReader as the live endpoints over an as-of view. The registries differ only in the
 * routes' names and documents, so one class serves them all.
 */
export function registryAsOfController<D extends RegistryDoc, Q, QD extends AsOfQueryDto & PageQueryDto>(
  r: RegistryAsOfRoutes<D, Q, QD>,
): Type<unknown> {
  const operation = ({ operationId, summary }: RouteDoc) => ApiOperation({ operationId, summary });

  @ApiTags(r.tag)
  @ApiBearerAuth()
  @Controller(`as-of/${r.path}`)
  class RegistryAsOfController {
    constructor(private readonly engine: AsOfEngine) {}

    @Get()
    @AsOfRead()
    @operation(r.list)
    @CollectionRead(r.list.type, 'The page', {
      problems: { 400: 'knownAt, validAt, a filter or the cursor is invalid' },
    })
    list(@Query() q: QD) {
      return asOfPage(this.engine, r.model.projection, q, (view) =>
        new RecordReader(r.model, view).list(r.query.filters(q), q.limit ?? 50, q.cursor),
      );
    }

    @Get(`:${r.idParam}`)
    @AsOfRead()
    @operation(r.get)
    @RecordRead(r.get.type, 'The record', { problems: { 404: r.notFound, ...r.getProblems } })
    get(@RecordId(r.idParam) id: string, @Query() q: AsOfQueryDto) {
      return asOfRecord(this.engine, r.model.projection, q, (view) => new RecordReader(r.model, view).get(id));
    }

    @Get(`:${r.idParam}/history`)
    @AsOfRead()
    @operation(r.history)
    @RecordRead(r.history.type, 'The record', { problems: { 404: r.notFound } })
    history(@RecordId(r.idParam) id: string, @Query() q: AsOfQueryDto) {
      return asOfRecord(this.engine, r.model.projection, q, (view) => ({
        [r.idParam]: id,
        ...new RecordReader(r.model, view).history(id),
      }));
    }
  }
  // A generic parameter's type is Object at run time: the validation pipe and the document need the DTO.
  Reflect.defineMetadata('design:paramtypes', [r.query.dto], RegistryAsOfController.prototype, 'list');
  Object.defineProperty(RegistryAsOfController, 'name', { value: r.name });
  return RegistryAsOfController;
}
