import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ModulesContainer } from '@nestjs/core';

/** One method of a controller the running app registered (a route, if Nest's route metadata is on it). */
export interface ControllerMethod {
  controller: Type;
  name: string;
  handler: object;
}

/** Every controller method of the running app, read from its modules: what the route-rule suites walk. */
export function controllerMethods(app: NestFastifyApplication): ControllerMethod[] {
  const methods: ControllerMethod[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const controller = metatype as Type;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name !== 'constructor' && typeof handler === 'function') methods.push({ controller, name, handler });
      }
    }
  }
  return methods;
}
