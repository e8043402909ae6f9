import { json } from '../harness';
import { FeedServer } from './feed-server';
import { calendar } from './ics';
import { createIntegration, day, startCalendarServices, type CalendarServices } from './setup';

/**
 * With no OUTBOUND_ALLOWED_HOSTS the worker fetches public addresses only: a feed URL that points at the
 * machine itself (here a calendar host on loopback, standing for the Temporal Web UI or any internal service)
 * is refused in every spelling, nothing is requested from it, and the feed's status quotes none of its bytes.
 */
describe('inbound calendar feeds by default: no fetch reaches the machine itself', () => {
  let s: CalendarServices;
  const host = new FeedServer();
  beforeAll(async () => {
    [s] = await Promise.all([startCalendarServices('school-guard-1'), host.start()]);
  });
  afterAll(async () => {
    await host.stop();
    await s?.stopAll();
  });

  it('refuses loopback in every spelling, records the refusal and schedules nothing', async () => {
    const secret = 'temporal-ui-namespace-list';
    const marked = calendar([
      { uid: 'g-1', summary: `[ВСОКО] ${secret}`, start: day(10), description: 'направление: процесс' },
    ]);
    const url = new URL(host.set('/feed.ics', marked));
    const port = url.port;
    const spellings = [
      url.href,
      `http://localhost:${port}/feed.ics`,
      `http://2130706433:${port}/feed.ics`,
      `http://0x7f.0.0.1:${port}/feed.ics`,
      `http://127.0.0.1.:${port}/feed.ics`,
      `http://[::ffff:127.0.0.1]:${port}/feed.ics`,
      `http://[::1]:${port}/feed.ics`,
    ];
    const integration = await createIntegration(s, 'school-guard-1');
    for (const spelling of spellings) {
      const subscribed = await s.api('POST', `/integrations/calendar/${integration.integrationId}/feeds`, {
        title: 'Внутренний адрес',
        url: spelling,
      });
      expect(subscribed.status).toBe(201);
      const { feedId } = await json(subscribed);
      const polled = await json(await s.api('POST', `/integrations/calendar/feeds/${feedId}/poll`));
      expect({ spelling, polled }).toMatchObject({
        spelling,
        polled: { status: 'failed', error: { code: 'FEED_ADDRESS_FORBIDDEN' } },
      });
      const status = await json(await s.api('GET', `/integrations/calendar/feeds/${feedId}`));
      expect(status.lastPoll).toMatchObject({
        status: 'failed',
        error: { code: 'FEED_ADDRESS_FORBIDDEN', message: expect.stringMatching(/внутреннюю сеть/) },
      });
      expect(JSON.stringify(status)).not.toContain(secret);
    }
    expect(host.requests).toEqual([]);
    const log = await s.store.readStream(`integration-${integration.integrationId}`);
    expect(log.filter((e) => e.type === 'CalendarFeedPolled')).toEqual([]);
    expect(log.filter((e) => e.type === 'CalendarFeedPollFailed').length).toBeGreaterThanOrEqual(
      spellings.length,
    );
    expect(JSON.stringify(log)).not.toContain(secret);
  });
});
