import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@vsoko/accounts';
import type { Response } from 'express';
import { ValidationFailed } from '@vsoko/domain';
import { Allow } from '../auth/access.decorators';
import { CurrentPrincipal } from '../auth/actor.decorator';
import { PlanUpload } from '../plans/upload/plan-upload';
import { ApproveStaffImport } from './approve-staff-import/approve-staff-import';
import { PreviewStaffImport } from './preview-staff-import/preview-staff-import';
import { PreviewStaffImportDto } from './preview-staff-import/preview-staff-import.dto';

interface UploadedStaffFile {
  originalname: string;
  buffer: Buffer;
}

/** A school's staff list as the school keeps it: preview, then approval (people, positions). */
@ApiTags('Сотрудники')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(
    private readonly previews: PreviewStaffImport,
    private readonly approvals: ApproveStaffImport,
  ) {}

  @Post('imports')
  @HttpCode(200)
  @Allow('director')
  @ApiOperation({
    summary:
      'Загрузить список сотрудников (.xlsx, .csv: ФИО, должность, предметы, классы, e-mail): предпросмотр с предупреждениями, ничего не меняет',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'schoolId'],
      properties: { file: { type: 'string', format: 'binary' }, schoolId: { type: 'string' } },
    },
  })
  @PlanUpload()
  preview(
    @UploadedFile() file: UploadedStaffFile | undefined,
    @Body() body: PreviewStaffImportDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    if (!file)
      throw new ValidationFailed('FILE_REQUIRED', 'Приложите файл со списком сотрудников (поле file)');
    return this.previews.preview(
      {
        schoolId: body.schoolId,
        fileName: Buffer.from(file.originalname, 'latin1').toString('utf8'),
        bytes: file.buffer,
      },
      principal,
    );
  }

  @Post('imports/:staffImportId/approval')
  @HttpCode(200)
  @Allow('director')
  @ApiOperation({
    summary:
      'Утвердить список: завести новых сотрудников, назначить должности и отправить приглашения (повторное утверждение ничего не дублирует и писем повторно не шлёт)',
    description:
      'Работу выполняет рабочий процесс Temporal, который доводит дело до конца и при сбое. Ответ ждёт его итога; с ' +
      'заголовком Prefer: respond-async ответ 202 приходит сразу, а ход работы — GET /staff/imports/:staffImportId/approval.',
  })
  async approve(
    @Param('staffImportId') importId: string,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const wait = !prefer?.includes('respond-async');
    const answer = await this.approvals.approve(importId, principal, correlationId, wait);
    if (!wait) res.status(202);
    return answer;
  }

  @Get('imports/:staffImportId/approval')
  @Allow('director')
  @ApiOperation({
    summary:
      'Ход утверждения списка: сколько сотрудников обработано из скольких, кому ушли приглашения; итог по завершении',
  })
  approval(@Param('staffImportId') importId: string, @CurrentPrincipal() principal: Principal) {
    return this.approvals.status(importId, principal);
  }
}
