import { type ArgumentsHost, Catch, NotFoundException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VsokoExceptionFilter } from '../errors/http-exception.filter';

/**
 * Where `vite build` puts the web application: `web/dist` at the repository's root (the folder with
 * nest-cli.json), found by walking up from here, so the API finds it whether it runs from its sources or `dist/`.
 */
export function findWebDist(from = __dirname): string | undefined {
  for (let dir = from; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (!fs.existsSync(path.join(dir, 'nest-cli.json'))) continue;
    const dist = path.join(dir, 'web', 'dist');
    return fs.existsSync(path.join(dist, 'index.html')) ? dist : undefined;
  }
  return undefined;
}

/**
 * Serves the single-page application at `/`: its hashed assets as static files, and its index.html for every
 * GET that no API route answers and that a browser asks for as a page. API routes keep their paths and their
 * JSON errors; a client asking for JSON still gets 404 `NOT_FOUND`.
 */
export function serveWebApp(app: NestExpressApplication, dist: string | undefined = findWebDist()): void {
  if (!dist) {
    app.useGlobalFilters(new VsokoExceptionFilter());
    return;
  }
  app.useStaticAssets(path.join(dist, 'assets'), {
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
  });
  app.useGlobalFilters(new WebAppFallbackFilter(path.join(dist, 'index.html')));
}

@Catch()
export class WebAppFallbackFilter extends VsokoExceptionFilter {
  constructor(private readonly indexHtml: string) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    // Nest throws NotFoundException only for a path no route matches; our own "not found" is a VsokoError.
    if (
      exception instanceof NotFoundException &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      request.accepts(['json', 'html']) === 'html'
    ) {
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(this.indexHtml);
      return;
    }
    super.catch(exception, host);
  }
}
