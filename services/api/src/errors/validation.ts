import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
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

/** A DTO body must be a JSON object: an array or a bare value would reach the handler half-validated. */
class VsokoValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto = metadata.type === 'body' && metadata.metatype && this.toValidate(metadata);
    if (dto && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new ValidationFailed('BODY_NOT_OBJECT', 'Тело запроса должно быть JSON-объектом');
    }
    return super.transform(value, metadata);
  }
}

/** Whitelisting DTO validation: unknown fields are an error, not silently dropped. */
export function vsokoValidationPipe(options: { validateCustomDecorators?: boolean } = {}): ValidationPipe {
  return new VsokoValidationPipe({
    ...options,
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
