import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, UploadedFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@vsoko/accounts';
import { ValidationFailed, type Actor } from '@vsoko/domain';
import { Allow, AnyPrincipal } from '../../auth/access.decorators';
import { CurrentActor, CurrentPrincipal } from '../../auth/actor.decorator';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { checkId } from '../../shared/ids';
import { academicYearOf } from '../academic-year';
import { ApproveImport } from '../approve/approve-import';
import { AcceptRevisionDto, AdoptTemplateDto, PendingQueryDto } from './adopt/adopt-template.dto';
import { TemplateAdoptions } from './adopt/template-adoptions';
import { PublishTemplateDto } from './publish/publish-template.dto';
import { PublishTemplate } from './publish/publish-template';
import { PlanUpload } from '../upload/plan-upload';

interface UploadedTemplateFile {
  originalname: string;
  buffer: Buffer;
}

const templateIdOf = (value: string) => checkId(value, 'Неверный идентификатор шаблона');

@ApiTags('Шаблоны планов района')
@Controller('plans/templates')
export class TemplatesController {
  constructor(
    private readonly publishing: PublishTemplate,
    private readonly adoptions: TemplateAdoptions,
    private readonly approvals: ApproveImport,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // A district is not a school: the route lets any signed-in caller in, and PublishTemplate checks the district.
  @Post()
  @AnyPrincipal()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Опубликовать шаблон плана района (файл как план или строки); повторная публикация — новая версия',
  })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({ type: PublishTemplateDto })
  @PlanUpload()
  publish(
    @UploadedFile() file: UploadedTemplateFile | undefined,
    @Body() body: PublishTemplateDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
  ) {
    if (file && body.rows) {
      throw new ValidationFailed(
        'SOURCE_AMBIGUOUS',
        'Укажите либо файл, либо строки (rows), но не то и другое',
      );
    }
    const source = file
      ? { fileName: Buffer.from(file.originalname, 'latin1').toString('utf8'), bytes: file.buffer }
      : {
          fileName: 'rows.json',
          bytes: body.rows ? Buffer.from(JSON.stringify(body.rows)) : Buffer.alloc(0),
        };
    return this.publishing.publish(
      {
        districtId: body.districtId,
        templateId: body.templateId,
        title: body.title,
        academicYear: body.academicYear ?? academicYearOf(this.clock.now()),
        ...source,
        ...(body.expectedVersion !== undefined ? { expectedVersion: body.expectedVersion } : {}),
        ...(body.staff ? { staffJson: body.staff } : {}),
      },
      principal,
      actor,
    );
  }

  @Post(':templateId/adopt')
  @Allow('director', 'deputy')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Принять шаблон в план школы (все строки или выбранные): предпросмотр для утверждения',
    description: 'Утверждение — POST /plans/imports/:importId/approve, как у импорта плана.',
  })
  adopt(
    @Param('templateId') templateId: string,
    @Body() body: AdoptTemplateDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.adoptions.preview(
      'AdoptTemplate',
      {
        templateId: templateIdOf(templateId),
        schoolId: body.schoolId,
        version: body.version,
        rows: body.rows,
      },
      principal,
    );
  }

  @Get(':templateId/pending')
  @ApiOperation({
    summary: 'Что изменилось в шаблоне с версии, принятой школой (добавить, перенести, отменить)',
  })
  pending(
    @Param('templateId') templateId: string,
    @Query() query: PendingQueryDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.adoptions.pending(query.schoolId, templateIdOf(templateId), principal);
  }

  @Post(':templateId/accept')
  @Allow('director', 'deputy')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Принять последнюю версию шаблона: перенести, добавить, отменить процедуры школы',
  })
  async accept(
    @Param('templateId') templateId: string,
    @Body() body: AcceptRevisionDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    const preview = await this.adoptions.preview(
      'AcceptTemplateRevision',
      { templateId: templateIdOf(templateId), schoolId: body.schoolId, rows: body.rows },
      principal,
    );
    const { run, start: _start, ...approval } = await this.approvals.prepare(preview.importId, principal);
    return { ...preview, ...approval, ...(await run()) };
  }
}
