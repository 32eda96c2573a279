import 'reflect-metadata';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import { lastValueFrom, map, of } from 'rxjs';
import { UseRouteInterceptors, withRouteInterceptors } from './route-interceptors';

/** An interceptor that notes when it runs and what passes back through it. */
const noting = (name: string, log: string[]): NestInterceptor => ({
  intercept: (_context, next) => {
    log.push(`${name} in`);
    return next.handle().pipe(map((body: string) => (log.push(`${name} out`), `${body}<${name}`)));
  },
});

class Controller {
  routeOne(this: void): string {
    return 'one';
  }
  plain(this: void): string {
    return 'plain';
  }
}

const contextFor = (handler: () => unknown) => ({ getHandler: () => handler }) as unknown as ExecutionContext;
const handlerAnswering = (body: string, log: string[]): CallHandler => ({
  handle: () => (log.push('handler'), of(body)),
});

describe('withRouteInterceptors', () => {
  const log: string[] = [];
  const route = noting('route', log);
  class FromModules implements NestInterceptor {
    intercept = (context: ExecutionContext, next: CallHandler) => noting('resolved', log).intercept(context, next);
  }
  const modules = { get: () => new FromModules() } as unknown as ModuleRef;
  UseRouteInterceptors(FromModules)(Controller.prototype, 'routeOne', {
    value: Controller.prototype.routeOne,
  });
  UseRouteInterceptors(route)(Controller.prototype, 'routeOne', { value: Controller.prototype.routeOne });
  const chain = withRouteInterceptors([noting('first', log), noting('second', log)], modules);
  beforeEach(() => log.splice(0));

  it('given global and route interceptors, when a request runs, then globals run outside the route ones, in declaration order', async () => {
    const answer = await lastValueFrom(
      chain.intercept(contextFor(Controller.prototype.routeOne), handlerAnswering('one', log)) as never,
    );
    expect(log).toEqual([
      'first in',
      'second in',
      'resolved in',
      'route in',
      'handler',
      'route out',
      'resolved out',
      'second out',
      'first out',
    ]);
    expect(answer).toBe('one<route<resolved<second<first');
  });

  it('given a route without its own, when a request runs, then only the globals run', async () => {
    await lastValueFrom(
      chain.intercept(contextFor(Controller.prototype.plain), handlerAnswering('plain', log)) as never,
    );
    expect(log).toEqual(['first in', 'second in', 'handler', 'second out', 'first out']);
  });

  it('given an inner interceptor that throws, when the outer asks for the call, then the error reaches the outer as the observable error', async () => {
    const refusing: NestInterceptor = {
      intercept: () => {
        throw new Error('refused');
      },
    };
    const refused = withRouteInterceptors([noting('first', log), refusing], modules);
    const answer = refused.intercept(contextFor(Controller.prototype.plain), handlerAnswering('plain', log));
    expect(log).toEqual(['first in']); // the inner one has not run yet: it runs when subscribed
    await expect(lastValueFrom(answer as never)).rejects.toThrow('refused');
    expect(log).toEqual(['first in']);
  });
});
