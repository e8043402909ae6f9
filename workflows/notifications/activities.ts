import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Db } from 'mongodb';
import * as nodemailer from 'nodemailer';
import { deputiesOverseeing, type Responsible } from '../../libs/domain/src';
import { addresseeOf, type NotificationDelivery, type NotificationRequest } from './definitions';
import { renderMessage } from './messages';
import { COLLECTIONS, type SchoolDocument, type UserDocument } from '../../libs/accounts/src/store/documents';

/** A member of a school's staff as the notification side needs them (seeded by accounts, issue 8). */
export interface StaffMember {
  _id: string;
  schoolId: string;
  personId: string;
  name: string;
  roles: string[];
  /** Positions held at the school (since issue 14); absent in documents written before. */
  positions?: string[];
  email?: string;
}

export const STAFF_COLLECTION = 'staff';

export function createNotificationActivities(deps: { db: Db; smtpUrl: string; from?: string }) {
  const transport = nodemailer.createTransport(deps.smtpUrl);
  const from = deps.from ?? 'ВСОКО <vsoko@localhost>';
  const staff = deps.db.collection<StaffMember>(STAFF_COLLECTION);

  async function recipientOf(request: NotificationRequest): Promise<string> {
    const { responsible, role } = addresseeOf(request.event);
    const member = responsible?.personId
      ? await staff.findOne({ _id: `${request.schoolId}:${responsible.personId}` })
      : role === 'deputy'
        ? await deputyOf(request.schoolId, request.event.data.responsible)
        : await staff.findOne({ schoolId: request.schoolId, roles: role ?? responsible?.role });
    if (!member?.email && role === 'inspector') {
      const inspector = await districtInspectorOf(request.schoolId);
      if (inspector) return inspector;
    }
    if (!member?.email) {
      const who = responsible?.personId ?? role ?? responsible?.role ?? responsible?.name;
      // Retrying cannot make an address appear; the outcome is recorded as failed and the procedure goes on.
      throw ApplicationFailure.nonRetryable(
        `нет адреса почты для «${who}» в школе ${request.schoolId}`,
        'NoRecipient',
      );
    }
    return member.email;
  }

  /**
   * «Their deputy»: the deputy who oversees the responsible's work, by the positions the responsible holds (or the
   * plan role the work was given to); the director when the responsible is a deputy or the director; any deputy
   * when the school has no holder of that position with an address (or its staff list predates positions).
   */
  async function deputyOf(schoolId: string, responsible: Responsible): Promise<StaffMember | null> {
    const held = responsible.personId
      ? ((await staff.findOne({ _id: `${schoolId}:${responsible.personId}` }))?.positions ?? [])
      : [];
    const positions = deputiesOverseeing(responsible, held);
    const byName = { sort: { _id: 1 as const } };
    if (positions.length === 0) return staff.findOne({ schoolId, roles: 'director' }, byName);
    for (const position of positions) {
      const deputy = await staff.findOne({ schoolId, positions: position, email: { $exists: true } }, byName);
      if (deputy) return deputy;
    }
    return staff.findOne({ schoolId, roles: 'deputy' }, byName);
  }

  /** The district's inspector is not school staff: the accounts directory knows them by the districts they inspect. */
  async function districtInspectorOf(schoolId: string): Promise<string | undefined> {
    const school = await deps.db.collection<SchoolDocument>(COLLECTIONS.schools).findOne({ _id: schoolId });
    if (!school) return undefined;
    const inspector = await deps.db
      .collection<UserDocument>(COLLECTIONS.users)
      .findOne(
        { inspects: school.districtId, email: { $exists: true }, disabled: { $ne: true } },
        { sort: { _id: 1 } },
      );
    return inspector?.email;
  }

  return {
    async sendNotification(request: NotificationRequest): Promise<NotificationDelivery> {
      // Counted per attempt, in the worker's metrics (WORKER_METRICS_ADDRESS): a retried SMTP failure counts each time.
      const meter = Context.current().metricMeter;
      let recipient: string;
      try {
        recipient = await recipientOf(request);
        const { subject, text } = renderMessage(request);
        await transport.sendMail({
          from,
          to: recipient,
          subject,
          text,
          // The same id on every attempt lets a mail system drop a duplicate if an acknowledgement was lost.
          messageId: `<${request.notificationId.replace(/[^\w.-]/g, '.')}@vsoko>`,
        });
      } catch (error) {
        const reason =
          error instanceof ApplicationFailure && error.type === 'NoRecipient' ? 'no_recipient' : 'smtp';
        meter
          .createCounter(
            'vsoko_mail_failures',
            'attempts',
            'Failed mail attempts: no address, or the SMTP server refused',
          )
          .add(1, { reason });
        throw error;
      }
      meter.createCounter('vsoko_mail_sent', 'messages', 'Mail accepted by the SMTP server').add(1);
      return { recipient, attempt: Context.current().info.attempt };
    },
  };
}

export type NotificationActivities = ReturnType<typeof createNotificationActivities>;
