import {
  applyDecorators,
  Delete as NestDelete,
  Patch as NestPatch,
  Post as NestPost,
  Put as NestPut,
  UseInterceptors,
} from '@nestjs/common';
import { CommandResponseInterceptor } from './command-response.interceptor';

/**
 * The route decorators of every HTTP write: Nest's own, with CommandResponseInterceptor (the new
 * revision's ETag, the Idempotency-Key's replay). Only writes carry a Nest interceptor: one on a
 * read costs it a chain of rxjs links on every request (src/http/route-steps.ts), so it is not a
 * global one. ESLint refuses Nest's Post, Put, Patch and Delete anywhere else, so that no write can
 * go without it.
 */
const write =
  (route: (path?: string | string[]) => MethodDecorator) =>
  (path?: string | string[]): MethodDecorator =>
    applyDecorators(route(path), UseInterceptors(CommandResponseInterceptor));

export const Post = write(NestPost);
export const Put = write(NestPut);
export const Patch = write(NestPatch);
export const Delete = write(NestDelete);
