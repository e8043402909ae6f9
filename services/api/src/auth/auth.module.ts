import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ApiKeys, Sessions } from '@vsoko/accounts';
import type { VsokoConfig } from '@vsoko/config';
import type { Db } from 'mongodb';
import { CONFIG, READ_DB } from '../infrastructure/tokens';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AuthGuard } from './auth.guard';
import { Authenticator } from './authenticator';
import { AuthController } from './login/auth.controller';
import { loginAttemptsPerAddress, RateLimitGuard } from './rate-limit.guard';
import { TenantResponseInterceptor } from './tenant-response.interceptor';

/** Accounts, sessions and API keys; the rate limit runs first, then authentication and authorisation. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [CONFIG],
      useFactory: (config: VsokoConfig) => [
        { name: 'default', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE },
        loginAttemptsPerAddress(config.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE),
      ],
    }),
  ],
  controllers: [AuthController, ApiKeysController],
  providers: [
    {
      provide: Sessions,
      inject: [READ_DB, CONFIG],
      useFactory: (db: Db, config: VsokoConfig) => new Sessions(db, config.SESSION_TTL_HOURS * 3_600_000),
    },
    { provide: ApiKeys, inject: [READ_DB], useFactory: (db: Db) => new ApiKeys(db) },
    Authenticator,
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: TenantResponseInterceptor },
  ],
  exports: [Sessions],
})
export class AuthModule {}
