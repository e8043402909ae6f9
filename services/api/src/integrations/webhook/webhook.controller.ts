import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../auth/access.decorators';
import { readRawBody } from './raw-body';
import { WebhookService } from './webhook.service';

@ApiTags('Интеграции с календарями')
/** Authenticated by its HMAC signature, not by a session. */
@Public()
@Controller('integrations/calendar/webhook')
export class WebhookController {
  constructor(private readonly webhooks: WebhookService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Изменения календаря (text/calendar), подписанные HMAC-SHA256: принимаются в журнал, обрабатываются воркером',
  })
  @ApiHeader({ name: 'X-Vsoko-Integration', required: true })
  @ApiHeader({ name: 'X-Vsoko-Timestamp', required: true, description: 'Unix-время подписи, секунды' })
  @ApiHeader({
    name: 'X-Vsoko-Signature',
    required: true,
    description: 'v1=hex(HMAC-SHA256(secret, timestamp + "." + body))',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async receive(
    @Req() req: Request,
    // All the headers, not `@Headers(name)`: the explorer would list each a second time, in lower case.
    @Headers() headers: Record<string, string | undefined>,
  ) {
    const body = await readRawBody(req);
    return this.webhooks.accept({
      integrationId: headers['x-vsoko-integration'],
      timestamp: headers['x-vsoko-timestamp'],
      signature: headers['x-vsoko-signature'],
      idempotencyKey: headers['idempotency-key'],
      body,
    });
  }
}
