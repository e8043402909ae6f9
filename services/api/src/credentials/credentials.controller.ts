import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Principal } from '@vsoko/accounts';
import { Administers, Allow, AnyPrincipal, Public } from '../auth/access.decorators';
import { CurrentPrincipal } from '../auth/actor.decorator';
import { checkPersonId } from '../shared/ids';
import { headerKey } from '../shared/request-context';
import { AcceptInvitation } from './accept-invitation/accept-invitation';
import { RedeemLinkDto } from './accept-invitation/redeem-link.dto';
import { ChangePassword } from './change-password/change-password';
import { ChangePasswordDto } from './change-password/change-password.dto';
import { CompletePasswordReset } from './complete-reset/complete-reset';
import { ForcePasswordReset } from './force-reset/force-reset';
import { ForceResetDto } from './force-reset/force-reset.dto';
import { IssueInvitation } from './issue-invitation/issue-invitation';
import { RequestPasswordReset } from './request-reset/request-reset';
import { RequestResetDto } from './request-reset/request-reset.dto';

/** Like sign-in: a few attempts a minute per address (and per login where one is named; see RateLimitGuard). */
const ATTEMPTS_PER_MINUTE = 10;
const limited = () => Throttle({ default: { limit: ATTEMPTS_PER_MINUTE, ttl: 60_000 } });

function requestOf(headers: Record<string, string>) {
  const idempotencyKey = headerKey(headers['idempotency-key'], 'Idempotency-Key');
  const correlationId = headerKey(headers['x-correlation-id'], 'X-Correlation-Id');
  return { ...(idempotencyKey ? { idempotencyKey } : {}), ...(correlationId ? { correlationId } : {}) };
}

/** Invitations, password changes and resets (docs/adr/0013-credentials.md). */
@ApiTags('Вход')
@Controller('auth')
export class CredentialsController {
  constructor(
    private readonly invitations: IssueInvitation,
    private readonly acceptance: AcceptInvitation,
    private readonly changes: ChangePassword,
    private readonly resetRequests: RequestPasswordReset,
    private readonly resets: CompletePasswordReset,
    private readonly forcedResets: ForcePasswordReset,
  ) {}

  @Post('accounts/:personId/invitation')
  @Administers()
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Пригласить сотрудника: письмо с одноразовой ссылкой для первого входа (новое заменяет прежнее). Директор — сотрудников своей школы, администратор района — работающих в школах района',
  })
  invite(
    @Param('personId') personId: string,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string>,
  ) {
    return this.invitations.invite(checkPersonId(personId), principal, requestOf(headers));
  }

  @Post('accounts/:personId/password-reset')
  @HttpCode(200)
  @Allow('director')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Сбросить пароль сотрудника: прежний пароль и все сеансы перестают действовать, ссылка — ему на почту',
  })
  forceReset(
    @Param('personId') personId: string,
    @Body() body: ForceResetDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string>,
  ) {
    return this.forcedResets.force(checkPersonId(personId), body.reason, principal, requestOf(headers));
  }

  @Post('invitation/accept')
  @Public()
  @HttpCode(200)
  @limited()
  @ApiOperation({ summary: 'Первый вход по приглашению: токен из письма и новый пароль → сеанс' })
  accept(@Body() body: RedeemLinkDto, @Headers() headers: Record<string, string>) {
    return this.acceptance.accept(body.token, body.password, requestOf(headers).correlationId);
  }

  @Post('password')
  @AnyPrincipal()
  @HttpCode(200)
  @limited()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Сменить свой пароль (нужен текущий); другие сеансы завершаются' })
  change(
    @Body() body: ChangePasswordDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string>,
  ) {
    return this.changes.change(principal, body.currentPassword, body.newPassword, requestOf(headers));
  }

  @Post('password-reset')
  @Public()
  @HttpCode(202)
  @limited()
  @ApiOperation({
    summary:
      'Забыли пароль: ссылка для сброса уходит на почту учётной записи (ответ одинаков для любого логина)',
  })
  requestReset(@Body() body: RequestResetDto, @Headers() headers: Record<string, string>) {
    return this.resetRequests.request(body.login, requestOf(headers).correlationId);
  }

  @Post('password-reset/complete')
  @Public()
  @HttpCode(200)
  @limited()
  @ApiOperation({ summary: 'Новый пароль по ссылке сброса: все прежние сеансы завершаются → новый сеанс' })
  completeReset(@Body() body: RedeemLinkDto, @Headers() headers: Record<string, string>) {
    return this.resets.complete(body.token, body.password, requestOf(headers).correlationId);
  }
}
