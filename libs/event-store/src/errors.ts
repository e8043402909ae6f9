import { Conflict, ValidationFailed } from '@vsoko/domain';
import type { ExpectedRevision } from './port';

/** The stream is not where the writer expected it: someone else appended first (HTTP 409). */
export class WrongExpectedRevision extends Conflict {
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(
      'WRONG_EXPECTED_REVISION',
      `Поток «${streamName}» изменён другим участником: ожидалась версия ${describe(expected)}, ` +
        `фактически ${actual < 0 ? 'поток отсутствует' : actual}. Обновите данные и повторите действие.`,
      { streamName, expected, actual },
    );
  }
}

/** Some of the batch's ids are already in the stream, but not as this very batch at this very place (HTTP 409). */
export class DuplicateEventId extends Conflict {
  constructor(
    readonly streamName: string,
    readonly eventId: string,
  ) {
    super(
      'DUPLICATE_EVENT_ID',
      `Событие ${eventId} уже записано в поток «${streamName}» в другом составе или на другом месте.`,
      { streamName, eventId },
    );
  }
}

/** The append itself is malformed; nothing was written (HTTP 400). */
export class InvalidAppend extends ValidationFailed {}

/** caughtUpTo() was waiting when the subscription ended. */
export class SubscriptionStopped extends Error {
  readonly code = 'SUBSCRIPTION_STOPPED';
  constructor(position: number) {
    super(`Подписка остановлена до того, как обработала позицию ${position}.`);
    this.name = 'SubscriptionStopped';
  }
}

function describe(expected: ExpectedRevision): string {
  switch (expected) {
    case 'no_stream':
      return '«поток отсутствует»';
    case 'stream_exists':
      return '«поток существует»';
    case 'any':
      return '«любая»';
    default:
      return String(expected);
  }
}
