import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '../ledger/event-envelope';
import type { AuthenticatedRequest } from './auth.guard';

/** The verified caller on a read endpoint (what @Ctx() is for commands): visibility depends on who asks. */
export const Viewer = createParamDecorator((_: unknown, host: ExecutionContext): Actor => {
  const actor = host.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('Viewer used on a route without an authenticated actor');
  return actor;
});
