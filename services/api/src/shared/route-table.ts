import { Body, Headers, HttpCode, Param, Post, type Type } from '@nestjs/common';
import { PARAMTYPES_METADATA } from '@nestjs/common/constants';
import { ApiOperation } from '@nestjs/swagger';
import type { Actor } from '@vsoko/domain';
import { CurrentActor, CurrentSchool } from '../auth/actor.decorator';

/** One row of a route table: `POST <controller path>/<path>`, answering 200. */
export interface TableRoute {
  /** The controller method's name, hence the OpenAPI operation id `<Controller>_<name>`. */
  name: string;
  /** Relative to the controller's path; its `:params` reach the handler by name. */
  path: string;
  summary: string;
  /** The validated body class, as any DTO. */
  body: Type<unknown>;
}

/** What one request on a table route carries: the path's ids (unchecked), the validated body and who sends it. */
export interface RouteRequest<R extends TableRoute, B = unknown> {
  route: R;
  params: Record<string, string>;
  body: B;
  actor: Actor;
  school: string;
  headers: Record<string, string | undefined>;
}

/**
 * Nest and its OpenAPI explorer read routes from decorator metadata on controller methods; applying the same
 * decorators to a method made per table row gives each row its own route, validated body and OpenAPI entry,
 * exactly as a hand-written method would, without writing the method once per row. `controllerParams` names
 * the `:params` of the controller's own path (e.g. `id` of `procedures/:id`); the row's path adds its own.
 */
export function mountRoutes<C, R extends TableRoute>(
  controller: Type<C>,
  routes: readonly R[],
  handle: (this: C, request: RouteRequest<R>) => unknown,
  controllerParams: readonly string[] = [],
): void {
  for (const route of routes) mount(controller, route, handle, controllerParams);
}

function mount<C, R extends TableRoute>(
  controller: Type<C>,
  route: R,
  handle: (this: C, request: RouteRequest<R>) => unknown,
  controllerParams: readonly string[],
): void {
  const prototype = controller.prototype as object;
  const key = route.name;
  const names = [...controllerParams, ...[...route.path.matchAll(/:(\w+)/g)].map((m) => m[1])];
  const n = names.length;
  // A computed method name: the OpenAPI explorer finds a method's metadata by the function's own name.
  const { [key]: method } = {
    [key](this: C, ...args: unknown[]) {
      const params = Object.fromEntries(names.map((name, i) => [name, args[i] as string]));
      const [body, actor, school, headers] = args.slice(n) as [
        unknown,
        Actor,
        string,
        Record<string, string | undefined>,
      ];
      return handle.call(this, { route, params, body, actor, school, headers });
    },
  };
  Object.defineProperty(prototype, key, { value: method, writable: true, configurable: true });
  Reflect.defineMetadata(
    PARAMTYPES_METADATA,
    [...names.map(() => String), route.body, Object, String, Object],
    prototype,
    key,
  );
  names.forEach((name, i) => Param(name)(prototype, key, i));
  Body()(prototype, key, n);
  CurrentActor()(prototype, key, n + 1);
  CurrentSchool()(prototype, key, n + 2);
  Headers()(prototype, key, n + 3);
  const descriptor = Object.getOwnPropertyDescriptor(prototype, key)!;
  for (const decorate of [Post(route.path), HttpCode(200), ApiOperation({ summary: route.summary })]) {
    decorate(prototype, key, descriptor);
  }
}
