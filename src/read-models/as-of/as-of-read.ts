import { applyDecorators } from '@nestjs/common';
import type { Permission } from '../../auth/permissions';
import { Requires } from '../../auth/requires.decorator';
import { RenamedQueryParameter } from '../../http/deprecation';
import { AsOfETag } from '../etag/read-etag';
import { provenance, viewOf, type ReadModelView } from './as-of-answer';
import type { AsOfAnswer, AsOfEngine } from './as-of-engine';
import { bitemporal, KNOWN_AT_RENAMED, type AsOfQueryDto } from './as-of-query.dto';

/**
 * What every as-of read endpoint declares: its live twin's read permission (ledger:read unless given), its
 * ETag (the answer's position by default; a record's revision with `RecordETag`), and `asOf` still accepted
 * for `knownAt`. Applied in the order the three stacked decorators were (bottom up), so interceptors run and
 * the document lists headers as before.
 */
export const AsOfRead = (etag: () => MethodDecorator = AsOfETag, permission: Permission = 'ledger:read') =>
  applyDecorators(Requires(permission), etag(), RenamedQueryParameter(KNOWN_AT_RENAMED));

export type AsOfProvenance = ReturnType<typeof provenance>;

/** How a reader answers from an as-of view; the answer itself for readers that also need its dates or position. */
type ReadAsOf<T> = (view: ReadModelView, answer: AsOfAnswer) => T | Promise<T>;

/**
 * A page of `projection` as known at the query's knownAt and true at its validAt, read by the same reader
 * as the live endpoint over the as-of view, with the answer's provenance first.
 */
export async function asOfPage<P extends object>(
  engine: AsOfEngine,
  projection: string,
  q: AsOfQueryDto,
  read: ReadAsOf<P>,
): Promise<{ asOf: AsOfProvenance } & P> {
  const answer = await engine.answer(projection, bitemporal(q));
  return { asOf: provenance(answer), ...(await read(viewOf(answer), answer)) };
}

/** One record (or its history) of `projection` as known at knownAt and true at validAt, with the provenance last. */
export async function asOfRecord<R extends object>(
  engine: AsOfEngine,
  projection: string,
  q: AsOfQueryDto,
  read: ReadAsOf<R>,
): Promise<R & { asOf: AsOfProvenance }> {
  const answer = await engine.answer(projection, bitemporal(q));
  return { ...(await read(viewOf(answer), answer)), asOf: provenance(answer) };
}
