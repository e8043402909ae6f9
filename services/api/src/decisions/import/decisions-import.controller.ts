import { Body, Controller, Headers, HttpCode, Inject, Param, Post, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Principal } from '@vsoko/accounts';
import { DEFAULT_TIME_ZONE, ValidationFailed } from '@vsoko/domain';
import { Allow } from '../../auth/access.decorators';
import { CurrentPrincipal } from '../../auth/actor.decorator';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { academicYearOf } from '../../plans/academic-year';
import { PlanUpload } from '../../plans/upload/plan-upload';
import { ApproveDecisionsImport } from './approve/approve-decisions-import';
import { PreviewDecisionsImport } from './preview/preview-decisions-import';
import { PreviewDecisionsImportDto } from './preview/preview-decisions-import.dto';

interface UploadedReport {
  originalname: string;
  buffer: Buffer;
}

/** Onboarding: the meetings and decisions a school adopted before vsoko, from its own report (seed 002). */
@ApiTags('Решения')
@ApiBearerAuth()
@Controller('decisions/imports')
export class DecisionsImportController {
  constructor(
    private readonly previews: PreviewDecisionsImport,
    private readonly approvals: ApproveDecisionsImport,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @Allow('director', 'deputy')
  @ApiOperation({
    summary:
      'Загрузить отчёт школы о принятых решениях (.docx, .xlsx, .csv: №, уровень, дата, решение, срок, ответственный): предпросмотр, ничего не меняет',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'schoolId'],
      properties: {
        file: { type: 'string', format: 'binary' },
        schoolId: { type: 'string' },
        academicYear: { type: 'string', example: '2023/24' },
        timeZone: { type: 'string', example: 'Asia/Yekaterinburg' },
        staff: { type: 'string', description: 'JSON справочника сотрудников' },
      },
    },
  })
  @PlanUpload()
  preview(
    @UploadedFile() file: UploadedReport | undefined,
    @Body() body: PreviewDecisionsImportDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    if (!file) throw new ValidationFailed('FILE_REQUIRED', 'Приложите файл отчёта (поле file)');
    return this.previews.preview(
      {
        schoolId: body.schoolId,
        academicYear: body.academicYear ?? academicYearOf(this.clock.now()),
        timeZone: body.timeZone ?? DEFAULT_TIME_ZONE,
        // Multer reads the name as Latin-1; browsers send UTF-8.
        fileName: Buffer.from(file.originalname, 'latin1').toString('utf8'),
        bytes: file.buffer,
        ...(body.staff !== undefined ? { staffJson: body.staff } : {}),
      },
      principal,
    );
  }

  @Post(':decisionsImportId/approval')
  @HttpCode(200)
  @Allow('director', 'deputy')
  @ApiOperation({
    summary:
      'Утвердить импорт решений: заседания записываются проведёнными, решения — принятыми на них (повтор ничего не дублирует)',
  })
  approve(
    @Param('decisionsImportId') importId: string,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId: string | undefined,
  ) {
    return this.approvals.approve(importId, principal, correlationId);
  }
}
