import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@vsoko/accounts';
import { CurrentPrincipal } from '../auth/actor.decorator';
import { ReportQueryDto } from './report-query.dto';
import { SchoolReports } from './school-reports';

@ApiTags('Отчёты')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: SchoolReports) {}

  @Get(':file')
  @ApiOperation({
    summary:
      'meetings.xlsx|csv — заседания и их решения (форма отчёта школы, раздел 1: уровень, дата, решения, срок и ответственный как записаны, статус, исполнение, подтверждение, эффективность); measures.xlsx|csv — раздел 2: мероприятия по классам, предметам, учителям; dynamics.xlsx|csv — раздел 3: динамика показателей по процедурам и годам; decisions.xlsx|csv — решения внутри процедур; cyclogram.xlsx|csv — циклограмма',
  })
  async report(
    @Param('file') file: string,
    @Query() q: ReportQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    const { name, mediaType, bytes } = await this.reports.file(file, q, principal);
    return new StreamableFile(bytes, { type: mediaType, disposition: `attachment; filename="${name}"` });
  }
}
