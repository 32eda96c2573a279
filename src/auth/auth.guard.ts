import {
  BadRequestException,
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../ledger/event-envelope';
import { ID_PATTERN } from '../http/ids';
import { problem } from '../http/problem';
import { CLOCK, type Clock } from '../shared/clock';
import {
  DEPUTY_AUTHORITY,
  DEPUTY_FOR_HEADER,
  DEPUTY_MEETING_HEADER,
  type DeputyAuthorityPort,
} from './deputy-authority.port';
import { allows, type Permission, type Role } from './permissions';
import { PUBLIC, REQUIRES } from './requires.decorator';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

export type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

/** Every route is closed unless marked @Public; a closed route must name its permission. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Inject(DEPUTY_AUTHORITY) private readonly deputies: DeputyAuthorityPort,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

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
    request.actor = await this.deputising(request, request.actor);
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRES, targets);
    // Fail closed: an endpoint that forgot to declare a permission is refused to everyone.
    if (!permission || !allows(request.actor.role as Role, permission)) {
      throw new ForbiddenException(`Role ${request.actor.role} may not do this`);
    }
    return true;
  }

  /** With both deputy headers, the deputy acts with the deputised member's authority (see DeputyAuthorityPort). */
  private async deputising(request: AuthenticatedRequest, actor: Actor): Promise<Actor> {
    const meetingId = request.headers[DEPUTY_MEETING_HEADER];
    const memberId = request.headers[DEPUTY_FOR_HEADER];
    if (meetingId === undefined && memberId === undefined) return actor;
    if (
      typeof meetingId !== 'string' ||
      typeof memberId !== 'string' ||
      !ID_PATTERN.test(meetingId) ||
      !ID_PATTERN.test(memberId)
    ) {
      throw new BadRequestException(
        problem(
          400,
          'invalid-deputy-headers',
          `Send both ${DEPUTY_MEETING_HEADER} and ${DEPUTY_FOR_HEADER} as record ids`,
        ),
      );
    }
    const occurredAt = (request.body as { occurredAt?: unknown } | undefined)?.occurredAt;
    return this.deputies.actAs(
      actor,
      meetingId,
      memberId,
      typeof occurredAt === 'string' ? occurredAt : undefined,
      this.clock.now(),
    );
  }
}
