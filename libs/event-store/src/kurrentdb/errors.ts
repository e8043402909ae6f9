import {
  MaxAppendSizeExceededError,
  StreamDeletedError,
  StreamNotFoundError,
  StreamTombstonedError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { Conflict } from '@vsoko/domain';
import { InvalidAppend, WrongExpectedRevision } from '../errors';
import type { ExpectedRevision } from '../port';

/** KurrentDB's errors, told in ours: callers never import the client. */
export function mapAppendError(error: unknown, streamName: string, expected: ExpectedRevision): unknown {
  if (error instanceof WrongExpectedVersionError) {
    const actual = error.actualState === 'no_stream' ? -1 : Number(error.actualState);
    return new WrongExpectedRevision(streamName, expected, actual);
  }
  if (error instanceof StreamNotFoundError && expected === 'stream_exists') {
    return new WrongExpectedRevision(streamName, expected, -1);
  }
  if (error instanceof StreamDeletedError || error instanceof StreamTombstonedError) {
    return new Conflict('STREAM_DELETED', `Поток «${streamName}» удалён, запись в него невозможна.`, {
      streamName,
    });
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new InvalidAppend(
      'APPEND_TOO_LARGE',
      `Запись в поток «${streamName}» больше допустимой сервером (${error.maxAppendSize} байт).`,
      { streamName, limit: error.maxAppendSize },
    );
  }
  return error;
}

export function isStreamNotFound(error: unknown): boolean {
  return error instanceof StreamNotFoundError;
}
