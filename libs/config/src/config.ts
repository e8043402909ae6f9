import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
  ValidateBy,
} from 'class-validator';
import * as path from 'node:path';
import { parseAllowList, type AllowList } from '@vsoko/outbound';
import { READ_BACKENDS, READ_MODEL_STORES, TEMPORAL_BACKENDS } from './backends';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

const ALLOW_LIST_MESSAGE =
  'OUTBOUND_ALLOWED_HOSTS: имена хостов, IP-адреса или диапазоны CIDR через запятую, например calendar.school.local,10.20.0.0/16';

/** A comma-separated allow list that parseAllowList accepts. */
function IsAllowList() {
  return ValidateBy({
    name: 'isAllowList',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return false;
        try {
          parseAllowList(value);
          return true;
        } catch {
          return false;
        }
      },
      defaultMessage: () => ALLOW_LIST_MESSAGE,
    },
  });
}

/** Every environment variable the services read, with its default and its rule. */
export class VsokoConfig {
  @Transform(toInt)
  @IsInt({ message: 'PORT: ожидается целое число (порт HTTP API)' })
  @Min(0, { message: 'PORT: порт от 0 до 65535' })
  @Max(65535, { message: 'PORT: порт от 0 до 65535' })
  PORT = 3000;

  @Matches(/^[\w.:-]+$/, { message: 'HOST: адрес для HTTP API, например 127.0.0.1 или 0.0.0.0' })
  HOST = '127.0.0.1';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[^\s:/]+:\d{1,5}$/, {
    message: 'TEMPORAL_ADDRESS: ожидается host:port, например 127.0.0.1:7233',
  })
  TEMPORAL_ADDRESS?: string;

  @IsString()
  TEMPORAL_NAMESPACE = 'default';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\//, { message: 'TEMPORAL_UI_URL: ожидается http(s)://…' })
  TEMPORAL_UI_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\//, { message: 'MONGODB_URL: ожидается mongodb://… или mongodb+srv://…' })
  MONGODB_URL?: string;

  @Matches(/^[A-Za-z0-9_-]{1,63}$/, { message: 'MONGODB_DB: имя базы из латинских букв, цифр, _ и -' })
  MONGODB_DB = 'vsoko';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(kurrentdb|esdb|kdb)(\+discover)?:\/\//, {
    message:
      'EVENTSTORE_URL: ожидается строка подключения KurrentDB, например kurrentdb://127.0.0.1:2113?tls=false',
  })
  EVENTSTORE_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL: ожидается smtp://host:port' })
  SMTP_URL?: string;

  @IsString()
  VSOKO_DATA_DIR = path.resolve(process.cwd(), '.vsoko', 'data');

  @IsIn(TEMPORAL_BACKENDS, { message: `VSOKO_TEMPORAL_BACKEND: одно из ${TEMPORAL_BACKENDS.join(', ')}` })
  VSOKO_TEMPORAL_BACKEND: (typeof TEMPORAL_BACKENDS)[number] = 'dev';

  @IsIn(READ_BACKENDS, { message: `VSOKO_READ_BACKEND: одно из ${READ_BACKENDS.join(', ')}` })
  VSOKO_READ_BACKEND: (typeof READ_BACKENDS)[number] = 'ferretdb-sqlite';

  @IsIn(READ_MODEL_STORES, { message: `VSOKO_READ_MODELS: одно из ${READ_MODEL_STORES.join(', ')}` })
  VSOKO_READ_MODELS: (typeof READ_MODEL_STORES)[number] = 'sqlite';

  @IsIn(['error', 'warn', 'info', 'debug'], { message: 'LOG_LEVEL: одно из error, warn, info, debug' })
  LOG_LEVEL: 'error' | 'warn' | 'info' | 'debug' = 'info';

  /** Browser origins allowed to call the API, comma-separated (e.g. https://vsoko.school.ru); empty: none. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^\s,/]+(,\s*https?:\/\/[^\s,/]+)*$/, {
    message: 'CORS_ORIGINS: адреса через запятую, например https://vsoko.school.ru,http://localhost:5173',
  })
  CORS_ORIGINS?: string;

  /**
   * Hosts that outbound fetches (calendar feeds) may reach although they are loopback, private or otherwise
   * not public: host names, IP addresses, CIDR ranges. Empty: only public addresses.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsAllowList()
  OUTBOUND_ALLOWED_HOSTS?: string;

  /** DEVELOPMENT ONLY: take the actor from X-Actor-Id / X-Actor-Role / X-School-Id instead of signing in. */
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' || value === '' ? false : value,
  )
  @IsBoolean({ message: 'AUTH_DEV_HEADERS: true или false' })
  AUTH_DEV_HEADERS = false;

  @Transform(toInt)
  @IsInt({ message: 'SESSION_TTL_HOURS: целое число часов' })
  @Min(1, { message: 'SESSION_TTL_HOURS: от 1 до 720 часов' })
  @Max(720, { message: 'SESSION_TTL_HOURS: от 1 до 720 часов' })
  SESSION_TTL_HOURS = 12;

  @Transform(toInt)
  @IsInt({ message: 'RATE_LIMIT_PER_MINUTE: целое число запросов в минуту с одного адреса' })
  @Min(1, { message: 'RATE_LIMIT_PER_MINUTE: не меньше 1' })
  RATE_LIMIT_PER_MINUTE = 600;

  /**
   * Sign-in attempts from one address a minute, whatever the login: guessing many people's passwords from one
   * machine is slowed too. Each login has its own cap of 10 a minute besides.
   */
  @Transform(toInt)
  @IsInt({ message: 'LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: целое число попыток входа в минуту' })
  @Min(1, { message: 'LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: не меньше 1' })
  LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE = 30;

  /** Address people open the application at, for the links in invitation and reset mails; default http://HOST:PORT. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
    message: 'PUBLIC_URL: ожидается http(s)://адрес, например https://vsoko.school.ru',
  })
  PUBLIC_URL?: string;

  /** How long an invitation link (first sign-in) works. */
  @Transform(toInt)
  @IsInt({ message: 'INVITATION_TTL_HOURS: целое число часов' })
  @Min(1, { message: 'INVITATION_TTL_HOURS: от 1 до 720 часов' })
  @Max(720, { message: 'INVITATION_TTL_HOURS: от 1 до 720 часов' })
  INVITATION_TTL_HOURS = 168;

  /** How long a password reset link works. */
  @Transform(toInt)
  @IsInt({ message: 'PASSWORD_RESET_TTL_MINUTES: целое число минут' })
  @Min(5, { message: 'PASSWORD_RESET_TTL_MINUTES: от 5 до 1440 минут' })
  @Max(1440, { message: 'PASSWORD_RESET_TTL_MINUTES: от 5 до 1440 минут' })
  PASSWORD_RESET_TTL_MINUTES = 60;

  /** Bytes of one JSON request body; a larger one is refused with 413 before it is parsed. */
  @Transform(toInt)
  @IsInt({ message: 'BODY_MAX_BYTES: целое число байт' })
  @Min(1024, { message: 'BODY_MAX_BYTES: не меньше 1024 байт' })
  BODY_MAX_BYTES = 256 * 1024;

  /** Nesting levels of a JSON request body; our deepest DTO has 4, the rest is refused before validation. */
  @Transform(toInt)
  @IsInt({ message: 'BODY_MAX_DEPTH: целое число уровней' })
  @Min(4, { message: 'BODY_MAX_DEPTH: от 4 до 256 уровней' })
  @Max(256, { message: 'BODY_MAX_DEPTH: от 4 до 256 уровней' })
  BODY_MAX_DEPTH = 32;

  /** Bytes of one uploaded plan or template file (.docx, .xlsx, .csv, .json). */
  @Transform(toInt)
  @IsInt({ message: 'UPLOAD_MAX_BYTES: целое число байт' })
  @Min(1024, { message: 'UPLOAD_MAX_BYTES: не меньше 1024 байт' })
  UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

  /** Bytes a .docx or .xlsx upload may expand to, all its parts together, checked before inflating. */
  @Transform(toInt)
  @IsInt({ message: 'UPLOAD_MAX_EXPANDED_BYTES: целое число байт' })
  @Min(1024, { message: 'UPLOAD_MAX_EXPANDED_BYTES: не меньше 1024 байт' })
  UPLOAD_MAX_EXPANDED_BYTES = 32 * 1024 * 1024;

  /** Parts (zip entries) of a .docx or .xlsx upload. */
  @Transform(toInt)
  @IsInt({ message: 'UPLOAD_MAX_ENTRIES: целое число' })
  @Min(10, { message: 'UPLOAD_MAX_ENTRIES: не меньше 10' })
  UPLOAD_MAX_ENTRIES = 1000;

  get uploadLimits(): { maxBytes: number; maxExpandedBytes: number; maxEntries: number } {
    return {
      maxBytes: this.UPLOAD_MAX_BYTES,
      maxExpandedBytes: this.UPLOAD_MAX_EXPANDED_BYTES,
      maxEntries: this.UPLOAD_MAX_ENTRIES,
    };
  }
  /** With it, `/metrics` answers only `Authorization: Bearer <token>`; without it, only this machine. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[\x21-\x7e]{16,256}$/, {
    message: 'METRICS_TOKEN: от 16 до 256 видимых символов ASCII без пробелов',
  })
  METRICS_TOKEN?: string;

  /** host:port where the worker serves its Prometheus metrics (activities, workflows, mail); unset: none. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[^\s:/]+:\d{1,5}$/, {
    message: 'WORKER_METRICS_ADDRESS: ожидается host:port, например 127.0.0.1:9464',
  })
  WORKER_METRICS_ADDRESS?: string;

  /** Where links in mail point: PUBLIC_URL, or this API's own address. */
  get publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://${this.HOST}:${this.PORT}`).replace(/\/$/, '');
  }

  get corsOrigins(): string[] {
    return (this.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
  }

  get outboundAllowList(): AllowList {
    return parseAllowList(this.OUTBOUND_ALLOWED_HOSTS);
  }

  get eventStorePath(): string {
    return path.join(this.VSOKO_DATA_DIR, 'events.sqlite');
  }

  /** The read models' SQLite file when VSOKO_READ_MODELS=sqlite. */
  get readModelsPath(): string {
    return path.join(this.VSOKO_DATA_DIR, 'read-models.sqlite');
  }
}

export const KNOWN_VARIABLES = [
  'PORT',
  'HOST',
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'TEMPORAL_UI_URL',
  'MONGODB_URL',
  'MONGODB_DB',
  'EVENTSTORE_URL',
  'SMTP_URL',
  'VSOKO_DATA_DIR',
  'VSOKO_READ_BACKEND',
  'VSOKO_TEMPORAL_BACKEND',
  'VSOKO_READ_MODELS',
  'LOG_LEVEL',
  'CORS_ORIGINS',
  'OUTBOUND_ALLOWED_HOSTS',
  'AUTH_DEV_HEADERS',
  'SESSION_TTL_HOURS',
  'RATE_LIMIT_PER_MINUTE',
  'LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE',
  'BODY_MAX_BYTES',
  'BODY_MAX_DEPTH',
  'UPLOAD_MAX_BYTES',
  'UPLOAD_MAX_EXPANDED_BYTES',
  'UPLOAD_MAX_ENTRIES',
  'METRICS_TOKEN',
  'PUBLIC_URL',
  'INVITATION_TTL_HOURS',
  'PASSWORD_RESET_TTL_MINUTES',
  'WORKER_METRICS_ADDRESS',
];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Неверная конфигурация:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Reads and validates the environment; a bad variable is named in the error, nothing starts. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): VsokoConfig {
  const picked = Object.fromEntries(Object.entries(env).filter(([k]) => KNOWN_VARIABLES.includes(k)));
  const config = plainToInstance(VsokoConfig, picked, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    // One line per variable: the first rule it breaks says what is expected.
    throw new ConfigError(errors.map((e) => Object.values(e.constraints ?? {})[0] ?? e.property));
  }
  return config;
}
