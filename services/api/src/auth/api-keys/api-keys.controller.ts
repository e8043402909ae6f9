import { Body, Controller, Delete, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeys, type Principal } from '@vsoko/accounts';
import { NotFound, ValidationFailed } from '@vsoko/domain';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { Allow } from '../access.decorators';
import { CurrentPrincipal, CurrentSchool } from '../actor.decorator';
import { CreateApiKeyDto } from './create-api-key.dto';

@ApiTags('Вход')
@ApiBearerAuth()
@Controller('auth/api-keys')
export class ApiKeysController {
  constructor(
    private readonly keys: ApiKeys,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('director')
  @HttpCode(201)
  @ApiOperation({ summary: 'Выпустить ключ API интеграции своей школы (ключ показывается один раз)' })
  async create(
    @Body() body: CreateApiKeyDto,
    @CurrentSchool() schoolId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    const now = this.clock.now();
    const expiresAt = body.expiresAt === undefined ? undefined : new Date(body.expiresAt);
    if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= now.getTime())) {
      throw new ValidationFailed('EXPIRY_IN_PAST', 'Срок действия ключа должен быть в будущем');
    }
    const { keyId, key } = await this.keys.create(
      { schoolId, name: body.name, permissions: body.permissions, createdBy: principal.id, expiresAt },
      now,
    );
    return { keyId, key, schoolId, permissions: body.permissions };
  }

  @Delete(':keyId')
  @Allow('director')
  @HttpCode(204)
  @ApiOperation({ summary: 'Отозвать ключ API: перестаёт действовать сразу' })
  async revoke(@Param('keyId') keyId: string, @CurrentSchool() schoolId: string): Promise<void> {
    if (!/^[A-Za-z0-9]{12}$/.test(keyId) || !(await this.keys.revoke(keyId, schoolId, this.clock.now()))) {
      throw new NotFound('API_KEY_NOT_FOUND', 'Ключ не найден');
    }
  }
}
