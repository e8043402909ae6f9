import { Injectable } from '@nestjs/common';
import { Directory, type Principal } from '@vsoko/accounts';
import { Conflict, VsokoError } from '@vsoko/domain';
import { IssueInvitation } from '../../credentials/issue-invitation/issue-invitation';
import type { LinkSent } from '../../credentials/shared/credential-links';
import { AdminScope, type Scoped } from '../admin-scope';
import { CreatePerson, type Appointed, type Appointment } from '../create-person/create-person.service';
import { PeopleLog, type WriteRequest } from '../shared/people-log';
import type { OpenSchoolDto } from './open-school.dto';

export interface OpenedSchool {
  districtId: string;
  school: { id: string; name: string };
  /** Event types of the district's stream (none when the school was open already). */
  events: string[];
  /** Log position after the last act; the directory already shows it. */
  position: number;
  /** With `director` in the request: the appointment and the invitation mailed to the director. */
  director?: Appointed & {
    /** Null when the director has a password already (a director of another school): no invitation then. */
    invitation: LinkSent | null;
  };
}

/**
 * A district administrator opens a school in their district and, in the same request, may appoint its director
 * and mail the director an invitation (a one-time link to choose a password). Every act is an event with the
 * administrator as actor, one correlation id and the request as cause: SchoolRegistered on the district,
 * PersonRegistered and PositionAssigned on the person, InvitationIssued on the person's credentials. The
 * director's part is decided before anything is recorded, so a refused appointment opens no school. Command ids
 * derive from the Idempotency-Key: the same request again records and sends nothing.
 */
@Injectable()
export class OpenSchool {
  constructor(
    private readonly scope: AdminScope,
    private readonly log: PeopleLog,
    private readonly directory: Directory,
    private readonly people: CreatePerson,
    private readonly invitations: IssueInvitation,
  ) {}

  async run(
    districtId: string,
    body: OpenSchoolDto,
    principal: Principal,
    request: WriteRequest,
  ): Promise<OpenedSchool> {
    const scoped = await this.scope.forDistrict(principal, districtId);
    const existing = await this.directory.school(body.id);
    if (existing && existing.districtId !== districtId) {
      throw new Conflict('SCHOOL_ID_TAKEN', `Код школы ${body.id} уже занят в другом районе`, {
        schoolId: body.id,
      });
    }
    const ctx = this.log.contextFor(request);
    const atSchool: Scoped = { ...scoped, schoolId: body.id };
    const appointment: Appointment | undefined = body.director && {
      login: body.director.login,
      fullName: body.director.fullName,
      email: body.director.email,
      positions: [{ position: 'director', schoolId: body.id }],
      scopes: [atSchool],
    };
    if (appointment) await this.people.check(appointment, ctx);
    const recorded = await this.log.district(
      districtId,
      {
        type: 'RegisterSchool',
        data: { districtId, schoolId: body.id, name: body.name, authority: scoped.authority },
      },
      ctx('open-school', atSchool),
    );
    // Not `schoolId` at the top: the caller's principal predates the school, and the tenant filter would hide it.
    const opened: OpenedSchool = { districtId, school: { id: body.id, name: body.name.trim() }, ...recorded };
    if (!appointment) return opened;
    const appointed = await this.people.record(appointment, ctx);
    const person = await this.directory.user(appointment.login);
    let invitation: LinkSent | null = null;
    try {
      invitation = await this.invitations.send(person!, ctx('invite-director', atSchool));
    } catch (e) {
      if (!(e instanceof VsokoError && e.code === 'ALREADY_SIGNED_UP')) throw e;
    }
    return {
      ...opened,
      position: Math.max(opened.position, appointed.position, invitation?.position ?? 0),
      director: { ...appointed, invitation },
    };
  }
}
