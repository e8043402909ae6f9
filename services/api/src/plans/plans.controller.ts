import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Res,
  UploadedFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@vsoko/accounts';
import { ValidationFailed } from '@vsoko/domain';
import type { Response } from 'express';
import { CurrentPrincipal } from '../auth/actor.decorator';
import type { Clock } from '../infrastructure/clock';
import { CLOCK } from '../infrastructure/tokens';
import { ApproveImport } from './approve/approve-import';
import { PlanApprovalRuns } from './approve/plan-approval-runs';
import { ApproveImportDto, pastWindowChoicesOf } from './approve/approve-import.dto';
import { OptionalBody } from './approve/optional-body';
import { academicYearOf } from './academic-year';
import { PreviewImportDto } from './preview/preview-import.dto';
import { PreviewImport } from './preview/preview-import';
import { PlanUpload } from './upload/plan-upload';

/** The part of multer's file that the import reads (multer's global types are not loaded by tsconfig). */
interface UploadedPlanFile {
  originalname: string;
  buffer: Buffer;
}

@ApiTags('План ВСОКО')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(
    private readonly previews: PreviewImport,
    private readonly approvals: ApproveImport,
    private readonly runs: PlanApprovalRuns,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('import')
  @HttpCode(200)
  @ApiOperation({ summary: 'Загрузить план (.docx, .xlsx, .csv, .json): предпросмотр, ничего не меняет' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'schoolId'],
      properties: {
        file: { type: 'string', format: 'binary' },
        schoolId: { type: 'string' },
        academicYear: { type: 'string', example: '2023/24' },
        staff: { type: 'string', description: 'JSON справочника сотрудников' },
      },
    },
  })
  @PlanUpload()
  async preview(
    @UploadedFile() file: UploadedPlanFile | undefined,
    @Body() body: PreviewImportDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    if (!file) throw new ValidationFailed('FILE_REQUIRED', 'Приложите файл плана (поле file)');
    return this.previews.preview(
      {
        schoolId: body.schoolId,
        ...(body.academicYear ? { academicYear: body.academicYear } : {}),
        defaultAcademicYear: academicYearOf(this.clock.now()),
        fileName: Buffer.from(file.originalname, 'latin1').toString('utf8'),
        bytes: file.buffer,
        staffJson: body.staff,
      },
      principal,
    );
  }

  @Post('imports/:importId/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Утвердить импорт: записать PlanImported/PlanApproved и запланировать процедуры',
    description:
      'Процедуры планируются рабочим процессом Temporal, который доводит дело до конца и при сбое. Ответ ждёт его ' +
      'итога; с заголовком Accept: application/x-ndjson ход работы приходит строками {done,total}; с заголовком ' +
      'Prefer: respond-async ответ 202 приходит сразу, а ход работы — GET /plans/imports/:importId/approval.',
  })
  @ApiBody({ type: ApproveImportDto, required: false })
  async approve(
    @Param('importId') importId: string,
    @OptionalBody() body: ApproveImportDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('accept') accept: string | undefined,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const prepared = await this.approvals.prepare(importIdOf(importId), principal, pastWindowChoicesOf(body));
    const { run, start, ...approval } = prepared;
    if (prefer?.includes('respond-async')) {
      await start();
      res.status(202);
      return { ...approval, progress: `/plans/imports/${importId}/approval` };
    }
    if (!accept?.includes('application/x-ndjson')) return { ...approval, ...(await run()) };
    res.status(200).setHeader('content-type', 'application/x-ndjson; charset=utf-8');
    const report = await run((done, total) => res.write(`${JSON.stringify({ done, total })}\n`));
    res.end(`${JSON.stringify({ result: { ...approval, ...report } })}\n`);
    return undefined;
  }

  @Get('imports/:importId/approval')
  @ApiOperation({
    summary: 'Ход утверждения импорта: сколько процедур обработано из скольких, итог по завершении',
  })
  approval(@Param('importId') importId: string, @CurrentPrincipal() principal: Principal) {
    return this.runs.status(importIdOf(importId), principal);
  }
}

function importIdOf(value: string): string {
  if (!/^imp-[0-9a-f]{24}$/.test(value)) {
    throw new ValidationFailed('INVALID_ID', 'Неверный идентификатор импорта');
  }
  return value;
}
