import type { DecisionCommand } from '../commands';
import { actors, ctx, DECISION, decisionSpec, events, history } from '../testing/fixtures';
import type { RecheckSchedule, Verdict } from '../values';

const LATER = '2024-01-25T06:00:00.000Z';
const assess = (
  verdict: Verdict,
  assessedOn = '2024-01-20',
  indicator = 'Доля процедур с аналитической справкой: 40 %',
): DecisionCommand => ({
  type: 'AssessEffectiveness',
  data: { decisionId: DECISION, verdict, indicator, assessedOn },
});

describe('executed', () => {
  const given = decisionSpec.given(history.executed);

  it.each<[Verdict, string]>([
    ['effective', 'assessed'],
    ['partly', 'assessed'],
  ])('is judged %s with its indicator, which resolves it', (verdict, status) => {
    const state = given.when(assess(verdict), ctx(actors.director, LATER)).then([
      {
        type: 'EffectivenessAssessed',
        data: {
          decisionId: DECISION,
          verdict,
          indicator: 'Доля процедур с аналитической справкой: 40 %',
          assessedOn: '2024-01-20',
        },
      },
    ]);
    expect(state.status).toBe(status);
  });

  it('judged not effective, is re-opened', () => {
    const state = given
      .when(assess('not-effective'), ctx(actors.director, LATER))
      .then([events.notEffective()]);
    expect(state.status).toBe('reopened');
  });

  describe('not effective, linked to procedures', () => {
    const vpr = {
      procedureId: 'p-vpr-4',
      title: 'ВПР по математике, 4 классы',
      direction: 'results' as const,
      method: 'Всероссийская проверочная работа',
      responsible: { role: 'deputy', name: 'Зам.директора по УВР' },
    };
    const withRecheck = (
      recheck: Extract<DecisionCommand, { type: 'AssessEffectiveness' }>['data']['recheck'],
    ) => {
      const command = assess('not-effective') as Extract<DecisionCommand, { type: 'AssessEffectiveness' }>;
      return { ...command, data: { ...command.data, recheck } };
    };
    const notEffective = {
      decisionId: DECISION,
      verdict: 'not-effective' as const,
      indicator: 'Доля процедур с аналитической справкой: 40 %',
      assessedOn: '2024-01-20',
    };
    const child = (over: Partial<RecheckSchedule> = {}): RecheckSchedule => ({
      procedureId: `${DECISION}-recheck-1`,
      schoolId: 'school-1',
      academicYear: '2023/24',
      title: 'Повторная проверка: ВПР по математике, 4 классы',
      direction: 'results',
      method: 'Всероссийская проверочная работа',
      responsible: vpr.responsible,
      window: { from: '2024-01-20', to: '2024-02-19' },
      timeZone: 'Asia/Yekaterinburg',
      parentProcedureId: 'p-vpr-4',
      ...over,
    });

    it('asks for a re-check of the procedure for a month from the assessment', () => {
      const state = given
        .when(withRecheck({ of: [vpr] }), ctx(actors.director, LATER))
        .then([{ type: 'EffectivenessAssessed', data: { ...notEffective, rechecks: [child()] } }]);
      expect(state.status).toBe('reopened');
    });

    it('in the window given, one re-check per linked procedure', () => {
      const window = { from: '2024-03-01', to: '2024-03-31' };
      given
        .when(
          withRecheck({ of: [vpr, { ...vpr, procedureId: 'p-vpr-5', title: 'ВПР, 5 классы' }], window }),
          ctx(actors.director, LATER),
        )
        .then([
          {
            type: 'EffectivenessAssessed',
            data: {
              ...notEffective,
              rechecks: [
                child({ procedureId: `${DECISION}-recheck-1-1`, window }),
                child({
                  procedureId: `${DECISION}-recheck-1-2`,
                  title: 'Повторная проверка: ВПР, 5 классы',
                  parentProcedureId: 'p-vpr-5',
                  window,
                }),
              ],
            },
          },
        ]);
    });

    it('refuses a window that is not a window', () => {
      given
        .when(
          withRecheck({ of: [vpr], window: { from: '2024-03-31', to: '2024-03-01' } }),
          ctx(actors.director, LATER),
        )
        .thenThrows('WINDOW_REVERSED');
    });

    it('refuses a re-check that would end before the assessment', () => {
      given
        .when(
          withRecheck({ of: [vpr], window: { from: '2024-01-09', to: '2024-01-19' } }),
          ctx(actors.director, LATER),
        )
        .thenThrows('RECHECK_WINDOW_BEFORE_ASSESSMENT');
    });

    it('refuses a re-check window when there is no procedure to re-check', () => {
      given
        .when(
          withRecheck({ of: [], window: { from: '2024-03-01', to: '2024-03-31' } }),
          ctx(actors.director, LATER),
        )
        .thenThrows('RECHECK_WINDOW_WITHOUT_PROCEDURES');
    });

    it('refuses a re-check window with any other verdict', () => {
      const partly = withRecheck({ of: [vpr], window: { from: '2024-03-01', to: '2024-03-31' } });
      given
        .when({ ...partly, data: { ...partly.data, verdict: 'partly' } }, ctx(actors.director, LATER))
        .thenThrows('RECHECK_WINDOW_UNEXPECTED');
    });

    it('asks for no re-check when it is judged effective', () => {
      const effective = withRecheck({ of: [vpr] });
      given
        .when(
          { ...effective, data: { ...effective.data, verdict: 'effective' } },
          ctx(actors.director, LATER),
        )
        .then([
          {
            type: 'EffectivenessAssessed',
            data: {
              decisionId: DECISION,
              verdict: 'effective',
              indicator: 'Доля процедур с аналитической справкой: 40 %',
              assessedOn: '2024-01-20',
            },
          },
        ]);
    });
  });

  it('needs the indicator, a known verdict, a day after execution and not in the future', () => {
    given
      .when(assess('effective', '2024-01-20', ' '), ctx(actors.director, LATER))
      .thenThrows('INDICATOR_REQUIRED');
    given.when(assess('good' as Verdict), ctx(actors.director, LATER)).thenThrows('VERDICT_UNKNOWN');
    given
      .when(assess('effective', '2023-12-19'), ctx(actors.director, LATER))
      .thenThrows('DATE_BEFORE_EXECUTION');
    given.when(assess('effective', '2024-01-26'), ctx(actors.director, LATER)).thenThrows('DATE_IN_FUTURE');
  });

  it('is judged by the administration, not by those who executed it', () => {
    given.when(assess('effective'), ctx(actors.shmo, LATER)).thenThrows('ACTOR_NOT_ALLOWED');
  });
});

describe('open', () => {
  it('is not judged before it is executed', () => {
    decisionSpec
      .given(history.open)
      .when(assess('effective'), ctx(actors.director, LATER))
      .thenThrows('DECISION_STATUS_MISMATCH');
  });
});

describe('reopened', () => {
  const given = decisionSpec.given(history.reopened);

  it('is in work again: executed anew, then judged again', () => {
    const executedAgain = {
      type: 'RecordDecisionExecution',
      data: { decisionId: DECISION, executedOn: '2024-01-24' },
    } as const;
    given.when(executedAgain, ctx(actors.vinogradova, LATER)).then([events.executed('2024-01-24')]);
    decisionSpec
      .given([...history.reopened, events.executed('2024-01-24')])
      .when(assess('effective', '2024-01-25'), ctx(actors.director, LATER))
      .then([
        {
          type: 'EffectivenessAssessed',
          data: {
            decisionId: DECISION,
            verdict: 'effective',
            indicator: 'Доля процедур с аналитической справкой: 40 %',
            assessedOn: '2024-01-25',
          },
        },
      ]);
  });

  it('is not judged again before it is executed again', () => {
    given.when(assess('effective'), ctx(actors.director, LATER)).thenThrows('DECISION_STATUS_MISMATCH');
  });
});
