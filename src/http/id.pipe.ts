import { BadRequestException, Param, type PipeTransform, type Type } from '@nestjs/common';
import { ApiParam } from '../shared/openapi/deferred-swagger';
import { ID_PATTERN } from './ids';
import { problem } from './problem';

/** Route ids get the same check as body ids, so a bad one is a 400, never a lookup. */
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID_PATTERN.test(value))
      throw new BadRequestException(
        problem(400, 'invalid-id', 'The id in the path is not a valid record id', { detail: value.slice(0, 100) }),
      );
    return value;
  }
}

/**
 * A path parameter checked by IdPipe (and any further pipes), documented with the pattern it is
 * checked against, so a client can validate an id before sending it.
 */
export const RecordId =
  (
    name: string,
    o: { pattern?: RegExp; description?: string } = {},
    ...pipes: Type<PipeTransform>[]
  ): ParameterDecorator =>
  (target, key, index) => {
    Param(name, IdPipe, ...pipes)(target, key, index);
    const method = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (!method || key === undefined) throw new Error(`RecordId('${name}') is for a controller method's parameter`);
    ApiParam({
      name,
      description: o.description ?? 'Stable record id: lower-case letters, digits and dashes',
      schema: { type: 'string', pattern: (o.pattern ?? ID_PATTERN).source, maxLength: 80 },
    })(target, key, method);
  };
