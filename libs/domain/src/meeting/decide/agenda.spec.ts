import type { MeetingCommand } from '../commands';
import { actors, ctx, history, MEETING, meetingSpec, planned } from '../testing/fixtures';

const item = { itemId: 'i-site', title: 'Информация на сайт' };
const add = (position?: number, reason = 'Предложение директора'): MeetingCommand => ({
  type: 'AddAgendaItem',
  data: { meetingId: MEETING, item, ...(position !== undefined ? { position } : {}), reason },
});
const remove = (itemId = 'i-gia', reason = 'Результаты ГИА ещё не получены'): MeetingCommand => ({
  type: 'RemoveAgendaItem',
  data: { meetingId: MEETING, itemId, reason },
});
const reorder = (order: string[], reason = 'Сначала о долгах'): MeetingCommand => ({
  type: 'ReorderAgenda',
  data: { meetingId: MEETING, order, reason },
});

describe('planned', () => {
  const given = meetingSpec.given(history.planned);

  it('adds an item at the end, or where asked, with a reason', () => {
    given.when(add(), ctx(actors.deputy)).then([
      {
        type: 'AgendaItemAdded',
        data: { meetingId: MEETING, item, position: 3, reason: 'Предложение директора' },
      },
    ]);
    const state = given.when(add(0), ctx(actors.secretary)).then([
      {
        type: 'AgendaItemAdded',
        data: { meetingId: MEETING, item, position: 0, reason: 'Предложение директора' },
      },
    ]);
    expect(state.status === 'planned' && state.agenda.map((i) => i.itemId)).toEqual([
      'i-site',
      'i-vpr',
      'i-gia',
      'i-carried',
    ]);
  });

  it('needs a reason for every change of the agenda', () => {
    given.when(add(undefined, ' '), ctx(actors.deputy)).thenThrows('REASON_REQUIRED');
    given.when(remove('i-gia', ''), ctx(actors.deputy)).thenThrows('REASON_REQUIRED');
    given
      .when(reorder(['i-carried', 'i-vpr', 'i-gia'], ''), ctx(actors.deputy))
      .thenThrows('REASON_REQUIRED');
  });

  it('refuses an item already there, or a place beyond the end', () => {
    meetingSpec
      .given([
        ...history.planned,
        { type: 'AgendaItemAdded', data: { meetingId: MEETING, item, position: 3, reason: 'x' } },
      ])
      .when(add(), ctx(actors.deputy))
      .thenThrows('AGENDA_ITEM_DUPLICATE');
    given.when(add(9), ctx(actors.deputy)).thenThrows('AGENDA_POSITION_INVALID');
  });

  it('removes an item with a reason, and only an item it has', () => {
    const state = given.when(remove(), ctx(actors.deputy)).then([
      {
        type: 'AgendaItemRemoved',
        data: { meetingId: MEETING, itemId: 'i-gia', reason: 'Результаты ГИА ещё не получены' },
      },
    ]);
    expect(state.status === 'planned' && state.agenda.length).toBe(planned.agenda.length - 1);
    given.when(remove('i-nope'), ctx(actors.deputy)).thenThrows('AGENDA_ITEM_UNKNOWN');
  });

  it('reorders every item once; the same order records nothing', () => {
    const order = ['i-carried', 'i-vpr', 'i-gia'];
    const state = given
      .when(reorder(order), ctx(actors.deputy))
      .then([{ type: 'AgendaReordered', data: { meetingId: MEETING, order, reason: 'Сначала о долгах' } }]);
    expect(state.status === 'planned' && state.agenda.map((i) => i.itemId)).toEqual(order);
    given.when(reorder(['i-vpr', 'i-gia', 'i-carried']), ctx(actors.deputy)).thenNothing();
    given.when(reorder(['i-vpr', 'i-gia']), ctx(actors.deputy)).thenThrows('AGENDA_ORDER_INVALID');
    given.when(reorder(['i-vpr', 'i-vpr', 'i-gia']), ctx(actors.deputy)).thenThrows('AGENDA_ORDER_INVALID');
  });

  it('is changed by the administration or the meeting’s secretary only', () => {
    given.when(add(), ctx(actors.teacher)).thenThrows('ACTOR_NOT_ALLOWED');
  });
});

describe('held', () => {
  it('keeps the agenda it was held with', () => {
    meetingSpec.given(history.held).when(add(), ctx(actors.director)).thenThrows('MEETING_ALREADY_HELD');
    meetingSpec.given(history.held).when(remove(), ctx(actors.director)).thenThrows('MEETING_ALREADY_HELD');
  });
});

describe('cancelled', () => {
  it('has no agenda to change', () => {
    meetingSpec.given(history.cancelled).when(add(), ctx(actors.director)).thenThrows('MEETING_CANCELLED');
  });
});
