import type { MarkProcedurePerformed } from '../commands';
import { actors, ctx, events, history, procedureSpec, userCommands } from '../testing/fixtures';

const perform = (over: Partial<MarkProcedurePerformed['data']> = {}): MarkProcedurePerformed => ({
  ...userCommands.performed,
  data: { ...userCommands.performed.data, ...over },
});

describe('scheduled', () => {
  const given = procedureSpec.given(history.scheduled);

  it('is marked performed by its responsible or the administration', () => {
    given.when(perform(), ctx(actors.ivanova)).then([events.performed()]);
    given.when(perform(), ctx(actors.director)).then([events.performed()]);
  });

  it('is not marked performed by someone else, nor by the system', () => {
    given.when(perform(), ctx(actors.petrov)).thenThrows('ACTOR_NOT_ALLOWED');
    given.when(perform(), ctx(actors.system)).thenThrows('ACTOR_NOT_ALLOWED');
  });

  it('is not performed on a day that has not come in the school’s time zone', () => {
    const error = given
      .when(perform({ performedOn: '2024-05-01' }), ctx(actors.ivanova, '2024-04-30T18:59:59.999Z'))
      .thenThrows('DATE_IN_FUTURE');
    expect(error.message).toContain('30.04.2024');
  });

  it('is performed “today” when it is already tomorrow in Yekaterinburg though not yet in UTC', () => {
    given
      .when(perform({ performedOn: '2024-05-01' }), ctx(actors.ivanova, '2024-04-30T19:00:00.000Z'))
      .then([{ ...events.performed(), data: { ...events.performed().data, performedOn: '2024-05-01' } }]);
  });

  it('was not performed before its academic year began', () => {
    given
      .when(perform({ performedOn: '2023-07-31' }), ctx(actors.ivanova))
      .thenThrows('DATE_BEFORE_ACADEMIC_YEAR');
  });

  it('needs a real date, who performed it and what was collected', () => {
    given.when(perform({ performedOn: '16.04.2024' }), ctx(actors.ivanova)).thenThrows('DATE_INVALID');
    given.when(perform({ performedBy: { name: '' } }), ctx(actors.ivanova)).thenThrows('PERFORMER_REQUIRED');
    given.when(perform({ collected: [] }), ctx(actors.ivanova)).thenThrows('COLLECTED_REQUIRED');
    given.when(perform({ collected: ['  '] }), ctx(actors.ivanova)).thenThrows('COLLECTED_REQUIRED');
  });

  it('stores free text trimmed', () => {
    given
      .when(perform({ collected: ['  52 работы учащихся 4 «А» и 4 «Б» '] }), ctx(actors.ivanova))
      .then([events.performed()]);
  });
});

describe('analysed', () => {
  it('is not performed again, and says where it stands', () => {
    const error = procedureSpec
      .given(history.analysed)
      .when(perform(), ctx(actors.ivanova))
      .thenThrows('STAGE_ALREADY_DONE');
    expect(error.message).toContain('«результаты проанализированы»');
    expect(error.message).toContain('«запланирована»');
  });
});
