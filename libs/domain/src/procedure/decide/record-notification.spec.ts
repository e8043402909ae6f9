import type { RecordNotificationFailed, RecordNotificationSent } from '../commands';
import { actors, ctx, history, PROCEDURE, procedureSpec } from '../testing/fixtures';

const outcome = {
  procedureId: PROCEDURE,
  notificationId: 'n-reminder-d-lessons-7',
  channel: 'email',
  recipient: 'petrov@school.example',
  attempt: 1,
  about: { kind: 'decision-reminder', decisionId: 'd-lessons', daysBefore: 7 },
} as const;
const failed: RecordNotificationFailed = {
  type: 'RecordNotificationFailed',
  data: { ...outcome, error: '421 mailbox busy', willRetry: true },
};
const sent = (over: Partial<RecordNotificationSent['data']> = {}): RecordNotificationSent => ({
  type: 'RecordNotificationSent',
  data: { ...outcome, ...over },
});

describe('following-up', () => {
  const given = procedureSpec.given(history.followingUp);

  it('records a failed attempt, then the successful retry', () => {
    given.when(failed, ctx(actors.system)).then([{ type: 'NotificationFailed', data: failed.data }]);
    procedureSpec
      .given([...history.followingUp, { type: 'NotificationFailed', data: failed.data }])
      .when(sent({ attempt: 2 }), ctx(actors.system))
      .then([{ type: 'NotificationSent', data: { ...outcome, attempt: 2 } }]);
  });

  it('records each attempt once: a repeated report records nothing', () => {
    procedureSpec
      .given([...history.followingUp, { type: 'NotificationSent', data: outcome }])
      .when(sent(), ctx(actors.system))
      .thenNothing();
  });

  it('is reported by the system only', () => {
    given.when(sent(), ctx(actors.director)).thenThrows('SYSTEM_ONLY');
  });

  it('refuses a report without id, recipient, a valid attempt or a known channel', () => {
    given.when(sent({ notificationId: '' }), ctx(actors.system)).thenThrows('NOTIFICATION_INVALID');
    given.when(sent({ recipient: ' ' }), ctx(actors.system)).thenThrows('NOTIFICATION_INVALID');
    given.when(sent({ attempt: 0 }), ctx(actors.system)).thenThrows('NOTIFICATION_INVALID');
    given.when(sent({ channel: 'pigeon' as never }), ctx(actors.system)).thenThrows('NOTIFICATION_INVALID');
  });
});

describe('closed', () => {
  it('still records how a notice sent before closing was delivered', () => {
    procedureSpec
      .given(history.closed)
      .when(sent(), ctx(actors.system))
      .then([{ type: 'NotificationSent', data: outcome }]);
  });
});

describe('none', () => {
  it('has no notifications', () => {
    procedureSpec.given(history.none).when(sent(), ctx(actors.system)).thenThrows('PROCEDURE_NOT_FOUND');
  });
});
