import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@vsoko/domain';
import type { Response } from 'express';
import { CurrentActor } from '../auth/actor.decorator';
import { ReadableSchools, type SchoolScope } from '../auth/readable-schools.decorator';
import { GetProcedure } from './get-procedure/get-procedure';
import { ScheduleProcedure } from './schedule-procedure/schedule-procedure';
import { WaitQueryDto } from '../read-models/page-query.dto';
import { checkId } from '../shared/ids';
import { headerKey } from '../shared/request-context';
import { ScheduleProcedureDto } from './schedule-procedure/schedule-procedure.dto';

@ApiTags('Процедуры')
@ApiBearerAuth()
@Controller('procedures')
export class ProceduresController {
  constructor(
    private readonly scheduling: ScheduleProcedure,
    private readonly procedures: GetProcedure,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Запланировать оценочную процедуру' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Повтор с тем же ключом не создаёт ничего нового',
  })
  async schedule(
    @Body() body: ScheduleProcedureDto,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.scheduling.schedule(body, {
      actor,
      idempotencyKey: headerKey(idempotencyKey, 'Idempotency-Key'),
      correlationId: headerKey(correlationId, 'X-Correlation-Id'),
    });
    res.setHeader('Location', `/procedures/${result.procedureId}`);
    return result;
  }

  @Get(':id')
  @ApiOperation({ summary: 'Процедура (модель чтения); waitForPosition — дождаться записанного события' })
  get(@Param('id') id: string, @ReadableSchools() schools: SchoolScope, @Query() wait: WaitQueryDto) {
    return this.procedures.get(checkId(id, 'Неверный идентификатор процедуры'), schools, wait);
  }
}
