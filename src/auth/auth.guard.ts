import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../ledger/event-envelope';
import { allows, type Permission, type Role } from './permissions';
import { PUBLIC, REQUIRES } from './requires.decorator';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

export type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

/** Every route is closed unless marked @Public; a closed route must name its permission. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly verifier: TokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
    if (!match) throw new UnauthorizedException('Send Authorization: Bearer <token>');
    try {
      request.actor = await this.verifier.verify(match[1]);
    } catch (err) {
      if (err instanceof InvalidTokenError) throw new UnauthorizedException('The token is invalid or expired');
      throw err;
    }
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRES, targets);
    // Fail closed: an endpoint that forgot to declare a permission is refused to everyone.
    if (!permission || !allows(request.actor.role as Role, permission)) {
      throw new ForbiddenException(`Role ${request.actor.role} may not do this`);
    }
    return true;
  }
}
