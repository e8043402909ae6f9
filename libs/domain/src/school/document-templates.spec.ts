import type { CommandContext } from '../shared';
import { spec } from '../testing/decider-spec';
import {
  decideDocumentTemplates,
  evolveDocumentTemplates,
  initialDocumentTemplates,
  type DocumentTemplateCommand,
  type SchoolTemplate,
} from './document-templates';

const templates = spec(decideDocumentTemplates, evolveDocumentTemplates, initialDocumentTemplates);
const ctx = (role: string, schoolId = 'school-1'): CommandContext => ({
  commandId: 'c1',
  actor: { id: 'u1', kind: 'user', role },
  issuedAt: '2026-12-02T10:00:00Z',
  correlationId: 'c1',
  causationId: 'c1',
  schoolId,
});
const own = (digit: string): SchoolTemplate => ({
  sha256: digit.repeat(64),
  fileName: 'Протокол.docx',
  size: 12_000,
  fields: ['number', 'date'],
});
const replace = (template: SchoolTemplate, kind = 'meeting-protocol'): DocumentTemplateCommand => ({
  type: 'ReplaceDocumentTemplate',
  data: { schoolId: 'school-1', kind, template },
});
const reset: DocumentTemplateCommand = {
  type: 'ResetDocumentTemplate',
  data: { schoolId: 'school-1', kind: 'meeting-protocol' },
};
const replaced = (template: SchoolTemplate, previous?: SchoolTemplate) => ({
  type: 'DocumentTemplateReplaced' as const,
  data: { schoolId: 'school-1', kind: 'meeting-protocol', template, ...(previous ? { previous } : {}) },
});

describe('a school using the default templates', () => {
  const given = templates.given([]);

  it("takes the director's or a deputy's own protocol template", () => {
    const state = given.when(replace(own('a')), ctx('director')).then([replaced(own('a'))]);
    expect(state.templates['meeting-protocol'].sha256).toBe('a'.repeat(64));
    given.when(replace(own('a')), ctx('deputy')).then([replaced(own('a'))]);
  });

  it('refuses teachers, auditors, another school and a malformed hash', () => {
    given.when(replace(own('a')), ctx('teacher')).thenThrows('ACTOR_NOT_ALLOWED');
    given.when(replace(own('a')), ctx('auditor')).thenThrows('ACTOR_NOT_ALLOWED');
    given.when(replace(own('a')), ctx('director', 'school-2')).thenThrows('SCHOOL_MISMATCH');
    given.when(replace({ ...own('a'), sha256: 'abc' }), ctx('director')).thenThrows('TEMPLATE_HASH_INVALID');
    given.when(replace(own('a'), ' '), ctx('director')).thenThrows('TEMPLATE_KIND_REQUIRED');
  });

  it('records nothing when going back to the default it already uses', () => {
    given.when(reset, ctx('director')).thenNothing();
  });
});

describe('a school with its own protocol template', () => {
  const given = templates.given([replaced(own('a'))]);

  it('records nothing for the same file again (a retried upload)', () => {
    given.when(replace(own('a')), ctx('director')).thenNothing();
  });

  it('replaces it with another file, keeping what it replaced', () => {
    given.when(replace(own('b')), ctx('director')).then([replaced(own('b'), own('a'))]);
  });

  it('goes back to the default template, and keeps other kinds', () => {
    const state = templates
      .given([
        replaced(own('a')),
        { ...replaced(own('c')), data: { ...replaced(own('c')).data, kind: 'meeting-order' } },
      ])
      .when(reset, ctx('deputy'))
      .then([
        {
          type: 'DocumentTemplateReset',
          data: { schoolId: 'school-1', kind: 'meeting-protocol', previous: own('a') },
        },
      ]);
    expect(Object.keys(state.templates)).toEqual(['meeting-order']);
  });
});
