import { describe, expect, it } from 'vitest';
import { linkToken } from './CredentialPages';
import { openWorkText, positionText } from './people-api';

describe('people as the administration screens show them', () => {
  it('writes a position with its subjects', () => {
    expect(
      positionText({
        position: 'teacher',
        title: 'учитель',
        subjects: ['математика', 'физика'],
        assignmentId: 'a',
      }),
    ).toBe('Учитель (математика, физика)');
    expect(
      positionText({ position: 'class-teacher', title: 'классный руководитель 5А', assignmentId: 'b' }),
    ).toBe('Классный руководитель 5А');
  });

  it('says how much open work a person leaves, or nothing', () => {
    expect(openWorkText({ procedures: [], decisions: [], checkIns: [] })).toBeUndefined();
    expect(
      openWorkText({
        procedures: [{ procedureId: 'p', title: 'ВПР', stage: 'scheduled', window: { from: '', to: '' } }],
        decisions: [],
        checkIns: [{ decisionId: 'd', dueOn: '2026-12-31' }],
      }),
    ).toBe('процедур: 1, контрольных точек: 1');
  });

  it('reads the token of a mailed link after #token=', () => {
    expect(linkToken('#token=vsi_abc-DEF_1')).toBe('vsi_abc-DEF_1');
    expect(linkToken('')).toBeUndefined();
  });
});
