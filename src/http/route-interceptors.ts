import type { NestInterceptor, Type } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import { composeInterceptors } from './compose-interceptors';

/** An interceptor instance, or a provider class resolved from the application's modules. */
export type RouteInterceptor = NestInterceptor | Type<NestInterceptor>;

const ROUTE_INTERCEPTORS = Symbol('route interceptors');

/**
 * Nest's UseInterceptors for a route, run instead inside the app's one global interceptor link
 * (withRouteInterceptors): every interceptor Nest runs itself costs each request a deferred,
 * async-resource-bound rxjs link, even when it only passes the call on, and a list read carried four.
 * Stacked decorators append in the order UseInterceptors does (the lowest decorator runs outermost);
 * all of a route's run inside the global ones, as Nest orders global before route interceptors.
 * A class must be a provider of some module (it is resolved from the modules once, on first use).
 */
export function UseRouteInterceptors(...interceptors: RouteInterceptor[]): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const prior = (Reflect.getMetadata(ROUTE_INTERCEPTORS, handler) as RouteInterceptor[] | undefined) ?? [];
    Reflect.defineMetadata(ROUTE_INTERCEPTORS, [...prior, ...interceptors], handler);
    return descriptor;
  };
}

/** The route interceptors declared on a handler (UseRouteInterceptors), in the order they run. */
export const routeInterceptorsOf = (handler: object): RouteInterceptor[] =>
  (Reflect.getMetadata(ROUTE_INTERCEPTORS, handler) as RouteInterceptor[] | undefined) ?? [];

/**
 * The app's global interceptors, then the route's own, as one interceptor: composed once per route
 * handler, on its first request, and kept.
 */
export function withRouteInterceptors(globals: NestInterceptor[], modules: ModuleRef): NestInterceptor {
  const chains = new WeakMap<object, NestInterceptor>();
  const resolve = (i: RouteInterceptor): NestInterceptor =>
    typeof i === 'function' ? modules.get(i, { strict: false }) : i;
  return {
    intercept(context, next) {
      const handler = context.getHandler();
      let chain = chains.get(handler);
      if (chain === undefined) {
        chain = composeInterceptors(...globals, ...routeInterceptorsOf(handler).map(resolve));
        chains.set(handler, chain);
      }
      return chain.intercept(context, next);
    },
  };
}
