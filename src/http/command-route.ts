import { applyDecorators, HttpCode, type Type } from '@nestjs/common';
import { ApiOperation, type ApiOperationOptions } from '../shared/openapi/deferred-swagger';
import type { Permission } from '../auth/permissions';
import { Requires } from '../auth/requires.decorator';
import { CommandEndpoint } from './command-responses';

/**
 * A command route's contract in one place, under its `@Post(path)`: the status it answers, the permission
 * the guard checks, the responses every command shares (CommandEndpoint) and its operation. Pass 201 for
 * creates, 202 (with its answer's class) for work recorded now and done later.
 */
export const CommandRoute = (
  status: 200 | 201 | 202,
  permission: Permission,
  operation: ApiOperationOptions,
  result?: Type<unknown>,
) => applyDecorators(HttpCode(status), Requires(permission), CommandEndpoint(status, result), ApiOperation(operation));
