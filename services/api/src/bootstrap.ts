import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { VsokoConfig } from '@vsoko/config';
import { AppModule } from './app.module';
import { harden } from './auth/hardening';
import { answerClientErrors } from './http/client-errors';
import { useJsonBody } from './http/json-body';
import { vsokoValidationPipe } from './errors/validation';
import { CONFIG } from './infrastructure/tokens';
import { useJsonLogs } from './observability/json-logs';
import { serveWebApp } from './web-app/web-app';

/** Builds the HTTP application exactly as production runs it; tests call this too. */
export async function createApiApp(options: { logger?: false } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    bodyParser: false,
  });
  useJsonLogs(app, options.logger !== false);
  const config = app.get<VsokoConfig>(CONFIG);
  harden(app, config);
  useJsonBody(app, { maxBytes: config.BODY_MAX_BYTES, maxDepth: config.BODY_MAX_DEPTH });
  answerClientErrors(app.getHttpServer());
  app.useGlobalPipes(vsokoValidationPipe());
  serveWebApp(app);
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('vsoko API')
      .setDescription('ВСОКО: оценочные процедуры, решения и их исполнение')
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Токен из POST /auth/login' })
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'Ключ интеграции' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  return app;
}
