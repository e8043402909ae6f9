import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@vsoko/accounts';
import { CurrentPrincipal } from '../../../auth/actor.decorator';
import { checkId } from '../../../shared/ids';
import { DistrictTemplatesQueryDto } from './district-templates.dto';
import { GetDistrictTemplate } from './get-district-template';
import { ListDistrictTemplates } from './list-district-templates';

/*
 * A district is not a school: the guard's default for reading lets a signed-in person with some school in, and
 * each use case admits only the district's inspectors and administrators (DistrictAccess.requireReader).
 */
@ApiTags('Шаблоны планов района')
@ApiBearerAuth()
@Controller('districts/:districtId/plan-templates')
export class DistrictTemplatesController {
  constructor(
    private readonly list: ListDistrictTemplates,
    private readonly one: GetDistrictTemplate,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Шаблоны планов района: версии и сколько школ приняли последнюю, более раннюю или ни одной (инспектору и администратору района)',
  })
  templates(
    @Param('districtId') districtId: string,
    @Query() query: DistrictTemplatesQueryDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.list.run(checkId(districtId, 'Неверный код района'), query, principal);
  }

  @Get(':templateId')
  @ApiOperation({
    summary:
      'Шаблон плана района: его версии и какие школы приняли какую версию и когда, какие ещё не приняли (инспектору и администратору района)',
  })
  template(
    @Param('districtId') districtId: string,
    @Param('templateId') templateId: string,
    @Query() query: DistrictTemplatesQueryDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.one.run(
      checkId(districtId, 'Неверный код района'),
      checkId(templateId, 'Неверный идентификатор шаблона'),
      query,
      principal,
    );
  }
}
