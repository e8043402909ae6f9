import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidationFailed } from '@vsoko/domain';

function flatten(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out[field] = Object.values(e.constraints);
    Object.assign(out, flatten(e.children ?? [], field));
  }
  return out;
}

/** Whitelisting DTO validation: unknown fields are an error, not silently dropped. */
export function vsokoValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      for (const [field, messages] of Object.entries(fields)) {
        fields[field] = messages.map((m) =>
          m.startsWith('property ') && m.endsWith(' should not exist') ? 'неизвестное поле' : m,
        );
      }
      return new ValidationFailed(
        'VALIDATION_FAILED',
        'Неверные данные запроса: ' + Object.keys(fields).join(', '),
        { fields },
      );
    },
  });
}
