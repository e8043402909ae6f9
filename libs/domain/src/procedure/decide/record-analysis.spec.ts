import type { RecordAnalysis } from '../commands';
import { actors, ctx, events, history, PROCEDURE, procedureSpec, userCommands } from '../testing/fixtures';

const analyse = (over: Partial<RecordAnalysis['data']> = {}): RecordAnalysis => ({
  ...userCommands.analysis,
  data: { ...userCommands.analysis.data, ...over },
});

describe('performed', () => {
  const given = procedureSpec.given(history.performed);

  it('records the result document, findings and figures', () => {
    given.when(analyse(), ctx(actors.ivanova)).then([events.analysed()]);
  });

  it('records an analysis without figures and with a document reference', () => {
    const document = { title: 'Аналитическая справка', reference: 'https://school.example/docs/41' };
    given
      .when(analyse({ figures: undefined, document }), ctx(actors.deputy))
      .then([{ type: 'AnalysisRecorded', data: { ...events.analysed().data, figures: [], document } }]);
  });

  it('is recorded by the responsible or the administration only', () => {
    given.when(analyse(), ctx(actors.auditor)).thenThrows('ACTOR_NOT_ALLOWED');
  });

  describe('whose results end in a document («Информация на сайт»)', () => {
    const informational = procedureSpec.given([
      events.scheduled({ resultForm: 'Информация на сайт', resultUse: 'document' }),
      events.performed(),
    ]);

    it('closes with the analysis, without a meeting or a protocol', () => {
      informational.when(analyse(), ctx(actors.ivanova)).then([
        events.analysed(),
        {
          type: 'ProcedureClosed',
          data: { procedureId: PROCEDURE, withoutMeeting: { resultForm: 'Информация на сайт' } },
        },
      ]);
    });

    it('is closed afterwards and takes no discussion', () => {
      procedureSpec
        .given([
          events.scheduled({ resultUse: 'document' }),
          events.performed(),
          events.analysed(),
          { type: 'ProcedureClosed', data: { procedureId: PROCEDURE, withoutMeeting: {} } },
        ])
        .when(userCommands.discussion, ctx(actors.ivanova))
        .thenThrows('PROCEDURE_CLOSED');
    });
  });

  it('is not dated before the procedure was performed, nor in the future', () => {
    given
      .when(analyse({ analysedOn: '2024-04-15' }), ctx(actors.ivanova))
      .thenThrows('DATE_BEFORE_PREVIOUS_STAGE');
    given.when(analyse({ analysedOn: '2024-05-02' }), ctx(actors.ivanova)).thenThrows('DATE_IN_FUTURE');
  });

  it('needs a document title and at least one finding', () => {
    given
      .when(analyse({ document: { title: '' } }), ctx(actors.ivanova))
      .thenThrows('DOCUMENT_TITLE_REQUIRED');
    given.when(analyse({ findings: [] }), ctx(actors.ivanova)).thenThrows('FINDINGS_REQUIRED');
  });

  it('needs figures to be named numbers', () => {
    given
      .when(analyse({ figures: [{ indicator: 'Успеваемость', value: Number.NaN }] }), ctx(actors.ivanova))
      .thenThrows('FIGURE_INVALID');
    given
      .when(analyse({ figures: [{ indicator: ' ', value: 95 }] }), ctx(actors.ivanova))
      .thenThrows('FIGURE_INVALID');
  });
});

describe('scheduled', () => {
  it('cannot be analysed before it is performed', () => {
    const error = procedureSpec
      .given(history.scheduled)
      .when(analyse(), ctx(actors.ivanova))
      .thenThrows('STAGE_OUT_OF_ORDER');
    expect(error.details).toEqual({ current: 'scheduled', expected: ['performed'] });
  });
});
