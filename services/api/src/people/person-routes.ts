import type { Type } from '@nestjs/common';
import type { Principal } from '@vsoko/accounts';
import type { TableRoute } from '../shared/route-table';
import type { AssignPosition } from './assign-position/assign-position.service';
import type { DeactivateAccount } from './deactivate-account/deactivate-account.service';
import { DeactivateAccountDto } from './deactivate-account/deactivate-account.dto';
import type { ReactivateAccount } from './reactivate-account/reactivate-account.service';
import type { RemovePosition } from './remove-position/remove-position.service';
import { RemovePositionDto } from './remove-position/remove-position.dto';
import type { WriteRequest } from './shared/people-log';
import { PositionDto } from './shared/position.dto';

/** The use cases a person's row may run (the people controller holds them). */
export interface PersonActs {
  readonly assignPosition: AssignPosition;
  readonly removePosition: RemovePosition;
  readonly deactivateAccount: DeactivateAccount;
  readonly reactivateAccount: ReactivateAccount;
}

/**
 * An act on one person: `POST /people/:personId/<path>` with its body (or none); the use case checks that the
 * caller administers the person and runs the person's command through the one command handler.
 */
export interface PersonRoute<B = unknown> extends TableRoute {
  body?: Type<B>;
  run(
    acts: PersonActs,
    personId: string,
    body: B,
    principal: Principal,
    request: WriteRequest,
  ): Promise<unknown>;
}

const route = <B>(r: PersonRoute<B>) => r as PersonRoute;

/** Positions given and taken, accounts switched off and on: every one an event of the person, never a deletion. */
export const PERSON_ROUTES: readonly PersonRoute[] = [
  route({
    name: 'assign',
    path: 'people/:personId/positions',
    status: 201,
    summary: 'Назначить на должность (или изменить предметы учителя)',
    body: PositionDto,
    run: (acts, personId, body, principal, request) =>
      acts.assignPosition.run(personId, body, principal, request),
  }),
  route({
    name: 'remove',
    path: 'people/:personId/positions/remove',
    summary: 'Снять с должности (назначение остаётся в истории)',
    body: RemovePositionDto,
    run: (acts, personId, body, principal, request) =>
      acts.removePosition.run(personId, body, principal, request),
  }),
  route({
    name: 'deactivate',
    path: 'people/:personId/deactivate',
    summary: 'Отключить учётную запись: не удаляется, история сохраняется, сеансы и ключи API отзываются',
    body: DeactivateAccountDto,
    run: (acts, personId, body, principal, request) =>
      acts.deactivateAccount.run(personId, body, principal, request),
  }),
  route<undefined>({
    name: 'reactivate',
    path: 'people/:personId/reactivate',
    summary: 'Включить учётную запись снова, с прежними должностями',
    run: (acts, personId, _body, principal, request) =>
      acts.reactivateAccount.run(personId, principal, request),
  }),
];
