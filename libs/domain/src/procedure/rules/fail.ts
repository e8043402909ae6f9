import { DomainRuleViolation } from '../../shared';

export function fail(code: string, message: string, details?: Record<string, unknown>): never {
  throw new DomainRuleViolation(code, message, details);
}
