import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationFailed, type Actor } from '@vsoko/domain';
import { CurrentActor } from '../../auth/actor.decorator';
import { ReadableSchools, type SchoolScope } from '../../auth/readable-schools.decorator';
import { KEY } from '../../read-models/filters';
import { AsOfQueryDto, PlanAsOfQueryDto } from './as-of.dto';
import { ProcedureAsOfService } from './procedure-as-of.service';

@ApiTags('Аудит')
@Controller()
export class ProcedureAsOfController {
  constructor(private readonly asOf: ProcedureAsOfService) {}

  @Get('procedures/:id/as-of')
  @ApiOperation({ summary: 'Состояние процедуры на прошлый момент, восстановленное из журнала событий' })
  async procedure(
    @Param('id') id: string,
    @Query() q: AsOfQueryDto,
    @ReadableSchools() schools: SchoolScope,
  ) {
    if (!KEY.test(id)) throw new ValidationFailed('INVALID_ID', 'Неверный идентификатор процедуры');
    return this.asOf.procedure(id, q.at, q.basis, schools);
  }

  @Get('procedures/:id/chain')
  @ApiOperation({
    summary: 'Проверка цепочки хешей событий процедуры: ни одно не удалено, не изменено и не переставлено',
  })
  async chain(@Param('id') id: string, @ReadableSchools() schools: SchoolScope) {
    if (!KEY.test(id)) throw new ValidationFailed('INVALID_ID', 'Неверный идентификатор процедуры');
    return this.asOf.chain(id, schools);
  }

  @Get('schools/:schoolId/plan/as-of')
  @ApiOperation({ summary: 'План школы на учебный год в том виде, в каком он был на прошлый момент' })
  plan(@Param('schoolId') schoolId: string, @Query() q: PlanAsOfQueryDto, @CurrentActor() _actor: Actor) {
    if (!KEY.test(schoolId)) throw new ValidationFailed('INVALID_ID', 'Неверный идентификатор школы');
    return this.asOf.plan(schoolId, q.academicYear, q.at, q.basis);
  }
}
