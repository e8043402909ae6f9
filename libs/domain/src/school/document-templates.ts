import { fail, isAdministrator, requireText } from '../procedure/rules';
import { assertNever, type CommandContext, type Decider, type DomainEvent } from '../shared';

/**
 * Which Word template a school uses for each kind of document vsoko writes (protocol, order, справка, report),
 * on the stream `documentTemplatesStreamName(schoolId)`. The file itself is in the blob store under its SHA-256;
 * the log says which hash is in force since when and who put it there. No template named: the default one.
 */
export interface SchoolTemplate {
  sha256: string;
  fileName: string;
  size: number;
  /** The fields the template uses, as found when it was checked. */
  fields: string[];
}

export type DocumentTemplateReplaced = DomainEvent<
  'DocumentTemplateReplaced',
  { schoolId: string; kind: string; template: SchoolTemplate; previous?: SchoolTemplate }
>;
export type DocumentTemplateReset = DomainEvent<
  'DocumentTemplateReset',
  { schoolId: string; kind: string; previous: SchoolTemplate }
>;
export type DocumentTemplateEvent = DocumentTemplateReplaced | DocumentTemplateReset;

export type ReplaceDocumentTemplate = {
  type: 'ReplaceDocumentTemplate';
  data: { schoolId: string; kind: string; template: SchoolTemplate };
};
export type ResetDocumentTemplate = {
  type: 'ResetDocumentTemplate';
  data: { schoolId: string; kind: string };
};
export type DocumentTemplateCommand = ReplaceDocumentTemplate | ResetDocumentTemplate;

export interface DocumentTemplatesState {
  templates: Readonly<Record<string, SchoolTemplate>>;
}

export const initialDocumentTemplates: DocumentTemplatesState = { templates: {} };

const SHA256 = /^[0-9a-f]{64}$/;

export function decideDocumentTemplates(
  command: DocumentTemplateCommand,
  state: DocumentTemplatesState,
  ctx: CommandContext,
): DocumentTemplateEvent[] {
  const { schoolId, kind } = command.data;
  if (!isAdministrator(ctx.actor)) {
    fail(
      'ACTOR_NOT_ALLOWED',
      'Шаблоны документов школы меняет администрация: директор или заместитель директора',
    );
  }
  if (ctx.schoolId !== schoolId) fail('SCHOOL_MISMATCH', 'Шаблоны документов другой школы менять нельзя');
  requireText(kind, 'TEMPLATE_KIND_REQUIRED', 'Укажите, для какого документа шаблон');
  const current = state.templates[kind];
  switch (command.type) {
    case 'ReplaceDocumentTemplate': {
      const { template } = command.data;
      if (!SHA256.test(template.sha256)) fail('TEMPLATE_HASH_INVALID', 'Неверный хеш SHA-256 шаблона');
      // The same file again changes nothing: a retried upload records nothing twice.
      if (current?.sha256 === template.sha256) return [];
      return [
        {
          type: 'DocumentTemplateReplaced',
          data: { schoolId, kind, template, ...(current ? { previous: current } : {}) },
        },
      ];
    }
    case 'ResetDocumentTemplate':
      return current ? [{ type: 'DocumentTemplateReset', data: { schoolId, kind, previous: current } }] : [];
    default:
      return assertNever(command);
  }
}

export function evolveDocumentTemplates(
  state: DocumentTemplatesState,
  event: DocumentTemplateEvent,
): DocumentTemplatesState {
  switch (event.type) {
    case 'DocumentTemplateReplaced':
      return { templates: { ...state.templates, [event.data.kind]: event.data.template } };
    case 'DocumentTemplateReset': {
      const { [event.data.kind]: _removed, ...rest } = state.templates;
      return { templates: rest };
    }
  }
}

export const documentTemplatesDecider: Decider<
  DocumentTemplateCommand,
  DocumentTemplateEvent,
  DocumentTemplatesState
> = {
  decide: decideDocumentTemplates,
  evolve: evolveDocumentTemplates,
  initialState: initialDocumentTemplates,
};
