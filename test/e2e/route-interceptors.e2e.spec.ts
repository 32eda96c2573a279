import { RequestMethod } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ApplicationConfig } from '@nestjs/core';
import { CommandResponseInterceptor } from '../../src/http/command-response.interceptor';
import { controllerMethods } from '../support/controller-methods';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Nest runs a route's interceptors inside rxjs links that cost a read ~30% of its CPU
 * (src/http/route-steps.ts), so only writes carry one: CommandResponseInterceptor, through the
 * decorators of src/http/write-routes.ts. Read from the running app, so a new route needs no line here.
 */
interface Route {
  name: string;
  method: RequestMethod;
  interceptors: unknown[];
}

const WRITES = new Set([RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE]);

function routesOf(t: TestApp): Route[] {
  const own = (target: object) => (Reflect.getMetadata(INTERCEPTORS_METADATA, target) as unknown[] | undefined) ?? [];
  return controllerMethods(t.app)
    .filter(({ handler }) => Reflect.getMetadata(PATH_METADATA, handler) !== undefined)
    .map(({ controller, name, handler }) => ({
      name: `${controller.name}.${name}`,
      method: Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod,
      interceptors: [...own(controller), ...own(handler)],
    }));
}

describe('which routes carry a Nest interceptor', () => {
  let t: TestApp;
  let routes: Route[];
  beforeAll(async () => {
    t = await startTestApp();
    routes = routesOf(t);
  });
  afterAll(() => t.close());

  it('given the app, then it has no global interceptor (a global one would run on every read)', () => {
    expect(t.app.get(ApplicationConfig).getGlobalInterceptors()).toEqual([]);
    expect(t.app.get(ApplicationConfig).getGlobalRequestInterceptors()).toEqual([]);
  });

  it('given every write route, then each carries CommandResponseInterceptor and nothing else', () => {
    const writes = routes.filter((r) => WRITES.has(r.method));
    expect(writes.length).toBeGreaterThan(100);
    const wrong = writes.filter((r) => r.interceptors.length !== 1 || r.interceptors[0] !== CommandResponseInterceptor);
    expect(wrong.map((r) => r.name)).toEqual([]);
  });

  it('given every read route, then none carries an interceptor', () => {
    const reads = routes.filter((r) => !WRITES.has(r.method));
    expect(reads.length).toBeGreaterThan(50);
    expect(reads.filter((r) => r.interceptors.length > 0).map((r) => r.name)).toEqual([]);
  });
});
