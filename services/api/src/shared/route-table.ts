import { Body, Headers, HttpCode, Param, Post, type Type } from '@nestjs/common';
import { PARAMTYPES_METADATA } from '@nestjs/common/constants';
import { ApiOperation } from '@nestjs/swagger';
import type { Principal } from '@vsoko/accounts';
import type { Actor } from '@vsoko/domain';
import { CurrentActor, CurrentPrincipal, CurrentSchool } from '../auth/actor.decorator';

/** One row of a route table: `POST <controller path>/<path>`, answering 200 (or `status`). */
export interface TableRoute {
  /** The controller method's name, hence the OpenAPI operation id `<Controller>_<name>`. */
  name: string;
  /** Relative to the controller's path; its `:params` reach the handler by name. */
  path: string;
  summary: string;
  /** The validated body class, as any DTO; a row without one takes no body. */
  body?: Type<unknown>;
  /** 200 unless given (201 for a row that creates something). */
  status?: number;
}

/** What one request on a table route carries: the path's ids (unchecked), the validated body and who sends it. */
export interface RouteRequest<R extends TableRoute, B = unknown> {
  route: R;
  params: Record<string, string>;
  body: B;
  actor: Actor;
  /** The school the caller acts for; '' on a table mounted with `forSchool: false`. */
  school: string;
  principal: Principal;
  headers: Record<string, string | undefined>;
}

export interface MountOptions {
  /** The `:params` of the controller's own path (e.g. `id` of `procedures/:id`); each row's path adds its own. */
  controllerParams?: readonly string[];
  /**
   * Rows act for the school the caller acts for (the default: refused without one). Administration rows act on
   * whatever the use case checks against the caller's positions (a district administrator has no school).
   */
  forSchool?: boolean;
  /** Decorators every row carries besides its own route, code and summary: access rules, documented headers. */
  decorators?: readonly MethodDecorator[];
}

/**
 * Nest and its OpenAPI explorer read routes from decorator metadata on controller methods; applying the same
 * decorators to a method made per table row gives each row its own route, validated body and OpenAPI entry,
 * exactly as a hand-written method would, without writing the method once per row.
 */
export function mountRoutes<C, R extends TableRoute>(
  controller: Type<C>,
  routes: readonly R[],
  handle: (this: C, request: RouteRequest<R>) => unknown,
  options: MountOptions = {},
): void {
  for (const route of routes) mount(controller, route, handle, options);
}

function mount<C, R extends TableRoute>(
  controller: Type<C>,
  route: R,
  handle: (this: C, request: RouteRequest<R>) => unknown,
  { controllerParams = [], forSchool = true, decorators = [] }: MountOptions,
): void {
  const prototype = controller.prototype as object;
  const key = route.name;
  const names = [...controllerParams, ...[...route.path.matchAll(/:(\w+)/g)].map((m) => m[1])];
  // After the path's ids: [body], actor, principal, [school], headers.
  const slots = [
    ...(route.body ? (['body'] as const) : []),
    'actor',
    'principal',
    ...(forSchool ? (['school'] as const) : []),
    'headers',
  ] as const;
  // A computed method name: the OpenAPI explorer finds a method's metadata by the function's own name.
  const { [key]: method } = {
    [key](this: C, ...args: unknown[]) {
      const params = Object.fromEntries(names.map((name, i) => [name, args[i] as string]));
      const got = Object.fromEntries(slots.map((slot, i) => [slot, args[names.length + i]])) as {
        body?: unknown;
        actor: Actor;
        principal: Principal;
        school?: string;
        headers: Record<string, string | undefined>;
      };
      return handle.call(this, {
        route,
        params,
        body: got.body,
        actor: got.actor,
        school: got.school ?? '',
        principal: got.principal,
        headers: got.headers,
      });
    },
  };
  Object.defineProperty(prototype, key, { value: method, writable: true, configurable: true });
  const types: Record<(typeof slots)[number], unknown> = {
    body: route.body,
    actor: Object,
    principal: Object,
    school: String,
    headers: Object,
  };
  Reflect.defineMetadata(
    PARAMTYPES_METADATA,
    [...names.map(() => String), ...slots.map((slot) => types[slot])],
    prototype,
    key,
  );
  names.forEach((name, i) => Param(name)(prototype, key, i));
  const inject: Record<(typeof slots)[number], ParameterDecorator> = {
    body: Body(),
    actor: CurrentActor(),
    principal: CurrentPrincipal(),
    school: CurrentSchool(),
    headers: Headers(),
  };
  slots.forEach((slot, i) => inject[slot](prototype, key, names.length + i));
  const descriptor = Object.getOwnPropertyDescriptor(prototype, key)!;
  const own = [Post(route.path), HttpCode(route.status ?? 200), ApiOperation({ summary: route.summary })];
  for (const decorate of [...own, ...decorators]) decorate(prototype, key, descriptor);
}
