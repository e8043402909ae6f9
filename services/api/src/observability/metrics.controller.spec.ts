import { loadConfig } from '@vsoko/config';
import type { Request } from 'express';
import { Registry } from 'prom-client';
import { MetricsController } from './metrics.controller';

function scrape(remoteAddress: string, env: NodeJS.ProcessEnv = {}, authorization?: string) {
  const registry = new Registry();
  const controller = new MetricsController(
    { registry, requestDuration: undefined as never },
    loadConfig(env),
  );
  const req = { socket: { remoteAddress }, headers: { authorization } } as unknown as Request;
  return controller.scrape(req);
}

describe('who may read /metrics', () => {
  describe('without METRICS_TOKEN', () => {
    it('answers connections from this machine, over IPv4, IPv6 and mapped IPv4', async () => {
      for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1'])
        await expect(scrape(address)).resolves.toBe('\n');
    });

    it('refuses any other peer with a stable code and a Russian message', async () => {
      await expect(scrape('10.1.2.3')).rejects.toMatchObject({
        code: 'METRICS_LOOPBACK_ONLY',
        message: expect.stringContaining('METRICS_TOKEN'),
      });
    });
  });

  describe('with METRICS_TOKEN', () => {
    const env = { METRICS_TOKEN: 'a-long-enough-metrics-token' };

    it('answers any peer that sends the token', async () => {
      await expect(scrape('10.1.2.3', env, 'Bearer a-long-enough-metrics-token')).resolves.toBe('\n');
    });

    it('refuses a missing or wrong token, even from this machine', async () => {
      for (const authorization of [
        undefined,
        'Bearer a-long-enough-metrics-tokeN',
        'a-long-enough-metrics-token',
      ])
        await expect(scrape('127.0.0.1', env, authorization)).rejects.toMatchObject({
          code: 'METRICS_TOKEN_REQUIRED',
        });
    });
  });
});
