import type { Type } from '@nestjs/common';
import type { MeetingCommand } from '@vsoko/domain';
import { ReasonDto } from '../shared/dto/reason.dto';
import { idOf } from '../shared/request-context';
import type { TableRoute } from '../shared/route-table';
import { AddAgendaItemDto, ReorderAgendaDto } from './dto/agenda-change.dto';
import { SignProtocolDto } from './dto/hold-meeting.dto';

/**
 * A command on an existing meeting: `POST /meetings/:meetingId/<path>` with its body; the meeting's use case
 * checks the school and runs it through the one command handler. `params` are the path's other ids, unchecked.
 */
export interface MeetingRoute<B = unknown> extends TableRoute {
  body: Type<B>;
  command(meetingId: string, body: B, params: Record<string, string>): MeetingCommand;
}

const route = <B>(r: MeetingRoute<B>) => r as MeetingRoute;

/**
 * Every command on a planned or held meeting that is decided as sent (planning, holding and correcting have their
 * own use cases).
 */
export const MEETING_ROUTES: readonly MeetingRoute[] = [
  route({
    name: 'addItem',
    path: ':meetingId/agenda/items',
    summary: 'Дополнить повестку (с причиной)',
    body: AddAgendaItemDto,
    command: (meetingId, body) => ({
      type: 'AddAgendaItem',
      data: {
        meetingId,
        item: body.item.toDomain(),
        ...(body.position !== undefined ? { position: body.position - 1 } : {}),
        reason: body.reason,
      },
    }),
  }),
  route({
    name: 'removeItem',
    path: ':meetingId/agenda/items/:itemId/removal',
    summary: 'Исключить вопрос из повестки (с причиной)',
    body: ReasonDto,
    command: (meetingId, body, params) => ({
      type: 'RemoveAgendaItem',
      data: { meetingId, itemId: idOf(params.itemId, 'вопроса'), reason: body.reason },
    }),
  }),
  route({
    name: 'reorder',
    path: ':meetingId/agenda/order',
    summary: 'Изменить порядок вопросов повестки (с причиной)',
    body: ReorderAgendaDto,
    command: (meetingId, body) => ({
      type: 'ReorderAgenda',
      data: { meetingId, order: body.order, reason: body.reason },
    }),
  }),
  route({
    name: 'sign',
    path: ':meetingId/signature',
    summary: 'Протокол подписан',
    body: SignProtocolDto,
    command: (meetingId, body) => ({ type: 'SignProtocol', data: { meetingId, signedOn: body.signedOn } }),
  }),
  route({
    name: 'cancel',
    path: ':meetingId/cancellation',
    summary: 'Отменить запланированное заседание (с причиной)',
    body: ReasonDto,
    command: (meetingId, body) => ({ type: 'CancelMeeting', data: { meetingId, reason: body.reason } }),
  }),
];
