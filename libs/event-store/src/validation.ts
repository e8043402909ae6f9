import { canonicalJson, NotJsonSerialisable } from './canonical-json';
import { InvalidAppend } from './errors';
import type { EventToAppend, ExpectedRevision } from './port';

/**
 * Stream names: 1–200 characters of Latin letters, digits, '-', '_', '.', ':', starting with a letter or
 * digit, by convention `<category>-<id>`, e.g. `procedure-3f2a…`. No '$' prefix: KurrentDB reserves it
 * for system streams. The same rule for both stores, so a name valid on one is valid on the other.
 */
export const STREAM_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;
export const EVENT_TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9_.:-]{0,199}$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Largest event, data and metadata serialised together: 1 MiB. KurrentDB's own limit is 16 MiB per
 * append; an assessment event is a few KiB, and anything near a megabyte is a document that belongs
 * in file storage with a reference in the event.
 */
export const MAX_EVENT_BYTES = 1024 * 1024;

/** An event checked and serialised once; both adapters store exactly these strings. */
export interface PreparedEvent {
  id: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  /** Canonical metadata without `$chain`. */
  metadataJson: string;
}

export function validateStreamName(streamName: unknown): asserts streamName is string {
  if (typeof streamName !== 'string' || !STREAM_NAME_PATTERN.test(streamName)) {
    throw new InvalidAppend(
      'INVALID_STREAM_NAME',
      `Недопустимое имя потока «${String(streamName)}»: 1–200 латинских букв, цифр и знаков «-_.:», ` +
        'без «$» в начале, например «procedure-<id>».',
      { streamName },
    );
  }
}

export function validateExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  if (expected === 'no_stream' || expected === 'stream_exists' || expected === 'any') return;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return;
  throw new InvalidAppend(
    'INVALID_EXPECTED_REVISION',
    `Недопустимая ожидаемая версия потока: ${String(expected)}.`,
    { expected: String(expected) },
  );
}

export function prepareBatch(streamName: string, events: EventToAppend[]): PreparedEvent[] {
  validateStreamName(streamName);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppend('EMPTY_APPEND', `Пустой список событий для потока «${streamName}».`, {
      streamName,
    });
  }
  const seen = new Set<string>();
  // The events of one command share one metadata object; it is checked and serialised once per batch.
  const metadataCache = { source: undefined as unknown, json: '' };
  return events.map((event, index) => {
    const prepared = prepareEvent(event, index, metadataCache);
    if (seen.has(prepared.id)) {
      throw new InvalidAppend(
        'DUPLICATE_ID_IN_BATCH',
        `Идентификатор ${prepared.id} повторяется в одной записи.`,
        {
          index,
          id: prepared.id,
        },
      );
    }
    seen.add(prepared.id);
    return prepared;
  });
}

function prepareEvent(
  event: EventToAppend,
  index: number,
  metadataCache: { source: unknown; json: string },
): PreparedEvent {
  const fail = (code: string, message: string, details: Record<string, unknown> = {}): never => {
    throw new InvalidAppend(code, `Событие №${index + 1}: ${message}`, { index, ...details });
  };
  if (typeof event !== 'object' || event === null) return fail('INVALID_EVENT', 'ожидался объект события.');
  const { id, type, data, metadata } = event;
  const schemaVersion = event.schemaVersion ?? 1;
  if (typeof id !== 'string' || !UUID_PATTERN.test(id)) {
    fail('INVALID_EVENT_ID', `идентификатор «${String(id)}» не является UUID.`, { id: String(id) });
  }
  if (typeof type !== 'string' || !EVENT_TYPE_PATTERN.test(type)) {
    fail('INVALID_EVENT_TYPE', `недопустимый тип «${String(type)}».`, { type: String(type) });
  }
  if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1) {
    fail(
      'INVALID_SCHEMA_VERSION',
      `версия схемы должна быть целым числом от 1, получено ${String(schemaVersion)}.`,
    );
  }
  const dataJson = serialise(data, 'data', fail);
  let metadataJson: string;
  if (metadata === metadataCache.source) {
    metadataJson = metadataCache.json;
  } else {
    metadataJson = serialiseMetadata(metadata, fail);
    metadataCache.source = metadata;
    metadataCache.json = metadataJson;
  }
  // UTF-8 takes at most 3 bytes per UTF-16 unit, so short strings need no exact count.
  const length = dataJson.length + metadataJson.length;
  if (length * 3 > MAX_EVENT_BYTES) {
    const bytes = Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson);
    if (bytes > MAX_EVENT_BYTES) {
      fail('EVENT_TOO_LARGE', `размер ${bytes} байт больше допустимых ${MAX_EVENT_BYTES}.`, {
        bytes,
        limit: MAX_EVENT_BYTES,
      });
    }
  }
  return { id: id.toLowerCase(), type, schemaVersion, dataJson, metadataJson };
}

type Fail = (code: string, message: string, details?: Record<string, unknown>) => never;

/** Metadata keys beginning with '$' belong to the store ($chain, and $schemaVersion on KurrentDB). */
function serialiseMetadata(metadata: unknown, fail: Fail): string {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    return fail('INVALID_METADATA', 'метаданные должны быть объектом.');
  }
  const reserved = Object.keys(metadata).find((key) => key.startsWith('$'));
  if (reserved !== undefined) {
    fail('RESERVED_METADATA', `ключи метаданных с «$» (здесь «${reserved}») заполняет само хранилище.`, {
      key: reserved,
    });
  }
  return serialise(metadata, 'metadata', fail);
}

function serialise(value: unknown, root: string, fail: Fail): string {
  try {
    return canonicalJson(value, root);
  } catch (error) {
    if (error instanceof NotJsonSerialisable) {
      return fail('NOT_JSON', `${error.path} нельзя сохранить: ${error.reason}.`, { path: error.path });
    }
    throw error;
  }
}
