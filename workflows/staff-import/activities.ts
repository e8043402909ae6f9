import { Context } from '@temporalio/activity';
import type { Db } from 'mongodb';
import { LinkIssuer } from '../../libs/accounts/src/credentials/link-issuer';
import { AccountMailer } from '../../libs/accounts/src/mail/account-mail';
import { CredentialStore } from '../../libs/accounts/src/store/credentials';
import {
  credentialsDecider,
  credentialsStreamName,
  personDecider,
  personStreamName,
  VsokoError,
  type CommandContext,
  type PersonCommand,
} from '../../libs/domain/src';
import { DeciderHandler, deterministicEventId } from '../../libs/event-sourcing/src';
import type { EventStore } from '../../libs/event-store/src';
import type { InvitationOutcome, RowOutcome, StaffRowStep } from './definitions';

export interface StaffRowActivities {
  /** Registers the row's person (unless known) and assigns each position; a refusal is an outcome, not a failure. */
  applyStaffRow(input: {
    importId: string;
    schoolId: string;
    row: StaffRowStep;
    context: CommandContext;
  }): Promise<RowOutcome>;
}

export interface StaffInvitationActivities {
  /** Mails the person an invitation unless one went out before or the person has a password; at most once per list. */
  inviteStaffMember(input: {
    importId: string;
    login: string;
    schoolName?: string;
    context: CommandContext;
  }): Promise<InvitationOutcome>;
}

/**
 * The person commands of a staff list, on the procedures queue (the event store is all they need). Command ids
 * come from the import, the person and the assignment, and the organisation's decider records nothing that
 * already holds: a retried activity, a repeated approval or the same file again writes no event twice.
 */
export function createStaffRowActivities(deps: { store: EventStore }): StaffRowActivities {
  const handler = new DeciderHandler(deps.store);
  return {
    async applyStaffRow({ importId, schoolId, row, context }) {
      const { login } = row;
      const authority = { kind: 'director', schoolId } as const;
      const outcome: RowOutcome = { login, registered: false, assigned: 0, events: 0, position: 0 };
      const run = async (step: string, command: PersonCommand) => {
        const commandId = `${importId}:${login}:${step}`;
        const handled = await handler.handle(personStreamName(login), personDecider, command, {
          ...context,
          commandId,
        });
        if (!handled.replayed) outcome.events += handled.events.length;
        outcome.position = Math.max(outcome.position, handled.position);
        return handled;
      };
      try {
        const { state } = await handler.load(personStreamName(login), personDecider);
        if (state.status === 'unregistered') {
          const registered = await run('register', {
            type: 'RegisterPerson',
            data: {
              personId: login,
              fullName: row.fullName,
              ...(row.email ? { email: row.email } : {}),
              authority,
            },
          });
          outcome.registered = registered.events.length > 0 && !registered.replayed;
        }
        for (const p of row.positions) {
          const assigned = await run(`assign:${p.assignmentId}`, {
            type: 'AssignPosition',
            data: {
              personId: login,
              authority,
              holding: {
                position: p.position,
                schoolId,
                ...(p.className ? { className: p.className } : {}),
                ...(p.association ? { association: p.association } : {}),
                ...(p.subjects ? { subjects: p.subjects } : {}),
              },
            },
          });
          if (assigned.events.length > 0 && !assigned.replayed) outcome.assigned++;
        }
        return outcome;
      } catch (e) {
        if (!(e instanceof VsokoError)) throw e;
        return {
          ...outcome,
          failed: { rowNumber: row.rowNumber, fullName: row.fullName, code: e.code, message: e.message },
        };
      }
    },
  };
}

export interface StaffInvitationDeps {
  store: EventStore;
  db: Db;
  smtpUrl: string;
  /** `PUBLIC_URL` of the web application: the address in the links. */
  publicUrl: string;
  invitationTtlHours: number;
}

/**
 * Invitations of a staff list, on the notifications queue (mail is slow and fallible). The token is made, recorded
 * as a digest and mailed inside the activity (libs/accounts LinkIssuer), so it never enters the workflow's
 * history; the activity answers only the masked address. Sent at most once per person and list: a person who was
 * invited before, by this list or otherwise, or who has a password, gets nothing. A retry after the invitation was
 * recorded cannot know whether its mail left, so it sends a new link, which replaces the first.
 */
export function createStaffInvitationActivities(deps: StaffInvitationDeps): StaffInvitationActivities {
  const handler = new DeciderHandler(deps.store);
  // Without a pool nodemailer opens a connection per message: nothing stays open to close.
  const mailer = new AccountMailer(deps.smtpUrl);
  const issuer = new LinkIssuer({
    handler,
    store: new CredentialStore(deps.db),
    publicUrl: deps.publicUrl,
    invitationTtlHours: deps.invitationTtlHours,
    resetTtlMinutes: 60,
    now: () => new Date(),
    send: (mail, messageId) => mailer.send(mail, messageId),
  });
  return {
    async inviteStaffMember({ importId, login, schoolName, context }) {
      const { state: person } = await handler.load(personStreamName(login), personDecider);
      if (person.status !== 'active') {
        return {
          login,
          outcome: 'failed',
          code: 'ACCOUNT_NOT_ACTIVE',
          message: 'Учётная запись не действует: приглашение не отправлено',
        };
      }
      if (!person.email) return { login, outcome: 'no-email' };
      const stream = credentialsStreamName(login);
      const credentials = await handler.load(stream, credentialsDecider);
      if (credentials.state.hasPassword) return { login, outcome: 'signed-up' };
      const attempt = Context.current().info.attempt;
      const base = `${importId}:${login}:invite`;
      const commandIdOf = (n: number) => (n === 1 ? base : `${base}:a${n}`);
      const ours = new Set(
        Array.from({ length: attempt - 1 }, (_, i) => deterministicEventId(stream, commandIdOf(i + 1), 0)),
      );
      const last = credentials.recorded.filter((e) => e.type === 'InvitationIssued').at(-1);
      // Invited before, and not by an earlier attempt of this very step: no second mail.
      if (last && !ours.has(last.id)) return { login, outcome: 'already-invited' };
      const commandId = commandIdOf(last ? attempt : 1);
      try {
        const sent = await issuer.issue(
          { id: login, name: person.fullName, email: person.email },
          'invitation',
          { ...context, commandId, issuedAt: new Date().toISOString() },
          (link) => ({ type: 'IssueInvitation', data: { personId: login, ...link } }),
          schoolName ? { schoolName } : {},
        );
        if (sent.replayed) return { login, outcome: 'already-invited' };
        return { login, outcome: 'sent', sentTo: sent.sentTo, position: sent.position };
      } catch (e) {
        if (!(e instanceof VsokoError)) throw e;
        return { login, outcome: 'failed', code: e.code, message: e.message };
      }
    },
  };
}
