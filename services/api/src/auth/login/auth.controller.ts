import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { type Principal, Sessions } from '@vsoko/accounts';
import { ValidationFailed } from '@vsoko/domain';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { AnyPrincipal, Public } from '../access.decorators';
import { CurrentPrincipal } from '../actor.decorator';
import { LoginDto } from './login.dto';

/** Brute force: a few attempts a minute per address and login (see RateLimitGuard). */
const LOGIN_ATTEMPTS_PER_MINUTE = 10;

@ApiTags('Вход')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly sessions: Sessions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: LOGIN_ATTEMPTS_PER_MINUTE, ttl: 60_000 } })
  @ApiOperation({ summary: 'Войти: логин и пароль → токен сеанса для заголовка Authorization: Bearer' })
  async login(@Body() body: LoginDto) {
    const { token, expiresAt, user } = await this.sessions.login(body.login, body.password, this.clock.now());
    return {
      token,
      tokenType: 'Bearer',
      expiresAt: expiresAt.toISOString(),
      user: { id: user._id, name: user.name, schools: user.memberships, inspects: user.inspects },
    };
  }

  @Post('logout')
  @AnyPrincipal()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Выйти: токен сеанса перестаёт действовать сразу' })
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    if (!principal.sessionId)
      throw new ValidationFailed('NOT_A_SESSION', 'Выйти можно только из сеанса входа');
    await this.sessions.revoke(principal.sessionId, this.clock.now());
  }

  @Get('me')
  @AnyPrincipal()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Кто я: школа, роли, доступные для чтения школы' })
  me(@CurrentPrincipal() principal: Principal) {
    const { sessionId: _omit, ...visible } = principal;
    return visible;
  }
}
