import { BadRequestException, PipeTransform } from '@nestjs/common';
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
