import { Injectable } from '@nestjs/common';
import { actorOf, canActFor, type Principal } from '@vsoko/accounts';
import { DOCUMENT_KIND_INFO, isDocumentKind, type DocumentKind } from '@vsoko/documents';
import {
  documentTemplatesDecider,
  documentTemplatesStreamName,
  Forbidden,
  isAdministrator,
  NotFound,
  type Actor,
} from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';

/** `meeting-protocol` → the kind; anything else is 404, like a route that does not exist. */
export function kindOf(value: string): DocumentKind {
  if (!isDocumentKind(value)) {
    throw new NotFound(
      'DOCUMENT_KIND_UNKNOWN',
      `Нет такого документа «${value}»: есть ${Object.keys(DOCUMENT_KIND_INFO).join(', ')}`,
    );
  }
  return value;
}

/**
 * The school's template choices from its log, and the access rule for changing them: the director or a deputy
 * acting for that very school. Checked here before a byte of an upload is looked at (the multipart body is
 * parsed after the guard).
 */
@Injectable()
export class SchoolTemplates {
  constructor(private readonly handler: DeciderHandler) {}

  load(schoolId: string) {
    return this.handler.load(documentTemplatesStreamName(schoolId), documentTemplatesDecider);
  }

  requireEditor(principal: Principal, schoolId: string): Actor {
    if (!canActFor(principal, schoolId)) {
      throw new Forbidden('SCHOOL_MISMATCH', 'Нельзя читать или менять данные другой школы', { schoolId });
    }
    const actor = actorOf(principal);
    if (!isAdministrator(actor)) {
      throw new Forbidden(
        'ACTOR_NOT_ALLOWED',
        'Шаблоны документов школы меняет администрация: директор или заместитель директора',
      );
    }
    return actor;
  }
}
