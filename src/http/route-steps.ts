import { Injectable, type CanActivate, type ExecutionContext, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * What a route does around its handler that needs only the request before it and the answer after
 * it: note what a read's ETag rests on, refuse two names of one query parameter, add a header. Not
 * a Nest interceptor: Nest runs every interceptor of a route inside deferred, async-resource-bound
 * rxjs links, and with any interceptor at all a list read spent ~30% more CPU per request (828
 * against 571 µs, BENCHMARKS.md). A step's `before` runs in RouteSteps, the last global guard (after
 * auth and read-your-writes, before the pipes validate), and may refuse by throwing; its `after` runs
 * once the handler has answered 2xx, with the answer before it is serialised.
 */
export interface RouteStep {
  before?(request: FastifyRequest, reply: FastifyReply): void;
  after?(request: FastifyRequest, reply: FastifyReply, body: unknown): void;
}

/** A step, or how to make one from the application's providers (made on the route's first request). */
export type RouteStepSource = RouteStep | ((modules: ModuleRef) => RouteStep);

const ROUTE_STEPS = Symbol('route steps');

/** Declares steps on a route; stacked decorators run the lowest first (the order UseInterceptors had). */
export function UseRouteSteps(...steps: RouteStepSource[]): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const prior = (Reflect.getMetadata(ROUTE_STEPS, handler) as RouteStepSource[] | undefined) ?? [];
    Reflect.defineMetadata(ROUTE_STEPS, [...prior, ...steps], handler);
    return descriptor;
  };
}

/** The steps declared on a handler (UseRouteSteps), in the order they run. */
export const routeStepsOf = (handler: object): RouteStepSource[] =>
  (Reflect.getMetadata(ROUTE_STEPS, handler) as RouteStepSource[] | undefined) ?? [];

/** The global guard that runs the steps' `before`, and the Fastify hook that runs their `after`. */
@Injectable()
export class RouteSteps implements CanActivate, OnModuleInit {
  /** Per handler, its steps made once; per request (the raw one, so nothing outlives it), those with an `after`. */
  private readonly made = new WeakMap<object, RouteStep[]>();
  private readonly pending = new WeakMap<object, RouteStep[]>();

  constructor(
    private readonly modules: ModuleRef,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const steps = this.stepsOf(context.getHandler());
    if (steps.length === 0) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    for (const step of steps) step.before?.(request, reply);
    const afters = steps.filter((step) => step.after !== undefined);
    if (afters.length > 0) this.pending.set(request.raw, afters);
    return true;
  }

  /** The answer of a 2xx, before it is serialised (strings and streams skip this hook: no step answers those). */
  afterHandler(request: FastifyRequest, reply: FastifyReply, body: unknown): void {
    const steps = this.pending.get(request.raw);
    if (steps === undefined || reply.statusCode >= 300) return;
    for (const step of steps) step.after?.(request, reply, body);
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.addHook) return; // an application context without HTTP
    fastify.addHook('preSerialization', (request, reply, payload, done) => {
      this.afterHandler(request, reply, payload);
      done(null, payload);
    });
  }

  private stepsOf(handler: object): RouteStep[] {
    let steps = this.made.get(handler);
    if (steps === undefined) {
      steps = routeStepsOf(handler).map((s) => (typeof s === 'function' ? s(this.modules) : s));
      this.made.set(handler, steps);
    }
    return steps;
  }
}
