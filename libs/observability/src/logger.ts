import pino, { type Logger, type LoggerOptions } from 'pino';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/**
 * One JSON object per line on stdout, the same shape in every service: `level` as a word, `time` as ISO 8601,
 * `service`, then the message's own fields. Credentials never reach a log: the fields that could carry them
 * are censored wherever they appear.
 */
export function loggerOptions(service: string, level: LogLevel): LoggerOptions {
  return {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: ['*.authorization', '*.cookie', '*.password', '*.token', '*["x-api-key"]'],
      censor: '[скрыто]',
    },
  };
}

export function createLogger(service: string, level: LogLevel): Logger {
  return pino(loggerOptions(service, level));
}

export type { Logger };
