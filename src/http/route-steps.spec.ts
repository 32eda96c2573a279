import 'reflect-metadata';
import type { ExecutionContext } from '@nestjs/common';
import type { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RouteSteps, UseRouteSteps, type RouteStep } from './route-steps';

/** A step that notes when each half runs, and with what body. */
const noting = (name: string, log: string[]): RouteStep => ({
  before: () => log.push(`${name} before`),
  after: (_request, _reply, body) => log.push(`${name} after ${String(body)}`),
});

class Controller {
  stepped(this: void) {}
  plain(this: void) {}
  refusing(this: void) {}
}

const request = () => ({ raw: {} }) as unknown as FastifyRequest;
const reply = (statusCode: number) => ({ statusCode }) as unknown as FastifyReply;
const contextFor = (handler: () => void, req: FastifyRequest) =>
  ({
    getHandler: () => handler,
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => reply(200) }),
  }) as unknown as ExecutionContext;

describe('RouteSteps', () => {
  const log: string[] = [];
  let made = 0;
  const modules = { get: () => 'from the modules' } as unknown as ModuleRef;
  const fromModules = (refs: ModuleRef): RouteStep => {
    made++;
    return { before: () => log.push(`made with ${String(refs.get('x'))}`) };
  };
  const declare = (key: keyof Controller, ...steps: Parameters<typeof UseRouteSteps>) =>
    UseRouteSteps(...steps)(Controller.prototype, key, { value: Controller.prototype[key] });
  declare('stepped', noting('inner', log));
  declare('stepped', noting('outer', log), fromModules);
  declare('refusing', {
    before: () => {
      throw new Error('refused');
    },
    after: () => log.push('never'),
  });
  const steps = new RouteSteps(modules, {} as HttpAdapterHost);
  beforeEach(() => log.splice(0));

  it('given a route with steps, when a request passes the guard and is answered 200, then the befores ran in declaration order and the afters saw the answer', () => {
    const req = request();

    expect(steps.canActivate(contextFor(Controller.prototype.stepped, req))).toBe(true);
    steps.afterHandler(req, reply(200), 'the body');

    expect(log).toEqual([
      'inner before',
      'outer before',
      'made with from the modules',
      'inner after the body',
      'outer after the body',
    ]);
  });

  it('given a route with steps, when its answer is not a 2xx, then no after runs', () => {
    const req = request();
    steps.canActivate(contextFor(Controller.prototype.stepped, req));
    log.splice(0);

    steps.afterHandler(req, reply(404), 'a problem');

    expect(log).toEqual([]);
  });

  it('given a step made from the modules, when several requests come, then it is made once', () => {
    for (let i = 0; i < 3; i++) steps.canActivate(contextFor(Controller.prototype.stepped, request()));

    expect(made).toBe(1);
  });

  it('given a before that refuses, when a request comes, then the guard throws and nothing runs after', () => {
    const req = request();

    expect(() => steps.canActivate(contextFor(Controller.prototype.refusing, req))).toThrow('refused');
    steps.afterHandler(req, reply(200), 'the body');

    expect(log).toEqual([]);
  });

  it('given a route without steps, when a request is answered, then nothing runs', () => {
    const req = request();

    expect(steps.canActivate(contextFor(Controller.prototype.plain, req))).toBe(true);
    steps.afterHandler(req, reply(200), 'the body');

    expect(log).toEqual([]);
  });
});
