import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@vsoko/accounts';
import { CurrentPrincipal } from '../../auth/actor.decorator';
import { ReadableSchools, type SchoolScope } from '../../auth/readable-schools.decorator';
import { idOf } from '../../shared/request-context';
import { WaitQueryDto } from '../../read-models/page-query.dto';
import { ProcedureLineage } from '../lineage/procedure-lineage';
import { NextYearPlanDto } from './next-year.dto';
import { NextYearPreview } from './next-year-preview';

/** Next year's plan from this one, and the procedures of one plan row across the years. */
@ApiTags('План ВСОКО')
@Controller()
export class NextYearController {
  constructor(
    private readonly nextYear: NextYearPreview,
    private readonly lineage: ProcedureLineage,
  ) {}

  @Post('plans/next-year')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'План на следующий учебный год из утверждённого плана этого: предпросмотр (ничего не меняет); утверждение — POST /plans/imports/:importId/approve',
  })
  preview(@Body() body: NextYearPlanDto, @CurrentPrincipal() principal: Principal) {
    return this.nextYear.preview(body.schoolId, body.fromYear, principal);
  }

  @Get('procedures/:id/lineage')
  @ApiOperation({
    summary: 'Та же строка плана по годам: процедуры-предшественники и их цифры (динамика показателя)',
  })
  procedureLineage(
    @Param('id') id: string,
    @Query() q: WaitQueryDto,
    @ReadableSchools() schools: SchoolScope,
  ) {
    return this.lineage.lineage(idOf(id, 'процедуры'), schools, q);
  }
}
