import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The web application: built into web/dist, which the API serves at `/`; `npm run web:dev` proxies the API. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Vite 8 compiles TSX with its own Oxc transform; React's automatic runtime needs no plugin.
  oxc: { jsx: { runtime: 'automatic' } },
  // Pure library modules compiled into the page (the deadline reader) name the domain by its package name.
  resolve: {
    alias: { '@vsoko/domain': fileURLToPath(new URL('../libs/domain/src/index.ts', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // React Router and TanStack Query mark modules "use client" for server components; a browser bundle ignores it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: Object.fromEntries(
      [
        '/auth',
        '/procedures',
        '/decisions',
        '/audit',
        '/kpis',
        '/reports',
        '/schools',
        '/plans',
        '/deadlines',
      ].map((p) => [p, { target: process.env.VSOKO_API_URL ?? 'http://127.0.0.1:3000', bypass: htmlPages }]),
    ),
  },
  test: { include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], environment: 'node' },
});

function htmlPages(req: { headers: Record<string, string | string[] | undefined> }): string | undefined {
  const accept = String(req.headers.accept ?? '');
  return accept.includes('text/html') ? '/index.html' : undefined;
}
