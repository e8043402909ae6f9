import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MAX_EVIDENCE_BYTES, ValidationFailed, type Actor } from '@vsoko/domain';
import { CurrentActor, CurrentSchool } from '../auth/actor.decorator';
import { ReadableSchools, type SchoolScope } from '../auth/readable-schools.decorator';
import type { Clock, IdGenerator } from '../infrastructure/clock';
import { CLOCK, ID_GENERATOR } from '../infrastructure/tokens';
import { idOf, writeOf } from '../shared/request-context';
import { mountRoutes, type RouteRequest } from '../shared/route-table';
import { DECISION_ROUTES, type DecisionRoute } from './decision-routes';
import { AdoptByOrderDto, AdoptDecisionDto } from './dto/decision.dto';
import { ChangeDeadlineDto } from './dto/follow-up.dto';
import { EvidenceFileDto } from './dto/evidence-file.dto';
import { DecisionUseCases } from './use-cases/decision-use-cases';
import { EvidenceFiles } from './use-cases/evidence-files';

/**
 * Management decisions as their own records: adopted at a meeting or by order, then followed up; the follow-ups
 * decided as sent are the rows of DECISION_ROUTES, mounted below.
 */
@ApiTags('Решения')
@Controller()
export class DecisionsController {
  constructor(
    private readonly decisions: DecisionUseCases,
    private readonly files: EvidenceFiles,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Post('meetings/:meetingId/decisions')
  @ApiOperation({ summary: 'Записать решение, принятое на проведённом заседании; срок — как записан' })
  adopt(
    @Param('meetingId') meetingId: string,
    @Body() body: AdoptDecisionDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() headers: Record<string, string>,
  ) {
    const { ctx } = writeOf(actor, school, headers, this.clock, this.ids);
    return this.decisions.adoptAtMeeting(idOf(meetingId, 'заседания'), body.toDraft(), ctx);
  }

  @Post('decisions/by-order')
  @ApiOperation({ summary: 'Записать решение, принятое приказом директора' })
  adoptByOrder(
    @Body() body: AdoptByOrderDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() headers: Record<string, string>,
  ) {
    const { ctx } = writeOf(actor, school, headers, this.clock, this.ids);
    const order = {
      orderNumber: body.order.number,
      date: body.order.date,
      academicYear: body.academicYear,
      timeZone: body.timeZone,
    };
    return this.decisions.adoptByOrder(body.toDraft(), order, ctx);
  }

  @Get('decisions/:decisionId')
  @ApiOperation({
    summary: 'Решение: срок как записан и разобран, исполнители, подтверждения, эффективность',
  })
  get(@Param('decisionId') id: string, @ReadableSchools() schools: SchoolScope) {
    return this.decisions.get(idOf(id, 'решения'), schools);
  }

  @Post('decisions/:decisionId/deadline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Изменить или установить срок (с причиной)' })
  deadline(
    @Param('decisionId') id: string,
    @Body() body: ChangeDeadlineDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() headers: Record<string, string>,
  ) {
    const { ctx, expectedRevision } = writeOf(actor, school, headers, this.clock, this.ids);
    return this.decisions.changeDeadline(
      idOf(id, 'решения'),
      body.deadline.toDraft(),
      body.reason,
      ctx,
      expectedRevision,
    );
  }

  @Post('decisions/:decisionId/evidence/files')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Приложить файл-подтверждение (PDF, JPEG, PNG, DOCX, XLSX, ODT, ODS, TXT; до 20 МБ); хранится по SHA-256',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'evidenceId', 'about'],
      properties: {
        file: { type: 'string', format: 'binary' },
        evidenceId: { type: 'string' },
        about: { type: 'string', example: '2023-12-20' },
        description: { type: 'string' },
      },
    },
  })
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 5, parts: 6 } }),
  )
  upload(
    @Param('decisionId') id: string,
    @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined,
    @Body() body: EvidenceFileDto,
    @CurrentActor() actor: Actor,
    @CurrentSchool() school: string,
    @Headers() headers: Record<string, string>,
  ) {
    if (!file) throw new ValidationFailed('FILE_REQUIRED', 'Приложите файл подтверждения (поле file)');
    const { ctx, expectedRevision } = writeOf(actor, school, headers, this.clock, this.ids);
    const upload = {
      decisionId: idOf(id, 'решения'),
      evidenceId: body.evidenceId,
      // Multer reads the name as Latin-1; browsers send UTF-8.
      fileName: Buffer.from(file.originalname, 'latin1').toString('utf8'),
      bytes: file.buffer,
      about: body.about,
      ...(body.description !== undefined ? { description: body.description } : {}),
    };
    return this.files.upload(upload, ctx, expectedRevision);
  }

  @Get('decisions/:decisionId/evidence/:evidenceId')
  @ApiOperation({ summary: 'Скачать файл-подтверждение; его SHA-256 — в заголовке Digest и в журнале' })
  async download(
    @Param('decisionId') id: string,
    @Param('evidenceId') evidenceId: string,
    @ReadableSchools() schools: SchoolScope,
  ): Promise<StreamableFile> {
    const { bytes, ref } = await this.files.download(
      idOf(id, 'решения'),
      idOf(evidenceId, 'подтверждения'),
      schools,
    );
    return new StreamableFile(bytes, {
      type: ref.mediaType,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(ref.fileName)}`,
      length: bytes.length,
    });
  }

  /** Every row of DECISION_ROUTES: a follow-up of an existing decision of the caller's school. */
  followUp({ route, params, body, actor, school, headers }: RouteRequest<DecisionRoute>) {
    const decisionId = idOf(params.decisionId, 'решения');
    const command = route.command(decisionId, body);
    const { ctx, expectedRevision } = writeOf(actor, school, headers, this.clock, this.ids);
    return this.decisions.change(decisionId, command, ctx, expectedRevision);
  }
}

mountRoutes(DecisionsController, DECISION_ROUTES, function (request) {
  return this.followUp(request);
});
