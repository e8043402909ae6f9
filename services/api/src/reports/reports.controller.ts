import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@vsoko/domain';
import { CurrentActor } from '../auth/actor.decorator';
import { ReportQueryDto } from './report-query.dto';
import { SchoolReports } from './school-reports';

@ApiTags('Отчёты')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: SchoolReports) {}

  @Get(':file')
  @ApiOperation({
    summary:
      'meetings.xlsx|csv — заседания и их решения (форма отчёта школы: уровень, дата, решения, срок и ответственный как записаны, статус, исполнение, подтверждение, эффективность); decisions.xlsx|csv — решения внутри процедур; cyclogram.xlsx|csv — циклограмма',
  })
  async report(
    @Param('file') file: string,
    @Query() q: ReportQueryDto,
    @CurrentActor() _actor: Actor,
  ): Promise<StreamableFile> {
    const { name, mediaType, bytes } = await this.reports.file(file, q);
    return new StreamableFile(bytes, { type: mediaType, disposition: `attachment; filename="${name}"` });
  }
}
