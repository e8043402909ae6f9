import { Inject, Injectable } from '@nestjs/common';
import { actorOf, type Principal, type UserDocument } from '@vsoko/accounts';
import type { CommandContext } from '@vsoko/domain';
import type { Clock, IdGenerator } from '../../infrastructure/clock';
import { CLOCK, ID_GENERATOR } from '../../infrastructure/tokens';
import { AdminScope } from '../../people/admin-scope';
import { commandContext, type RequestContext } from '../../shared/request-context';
import { CredentialLinks, type LinkSent } from '../shared/credential-links';
import { administeredSchool } from '../shared/person-access';

/**
 * An administrator invites a person: a one-time link to choose a first password, sent by mail. The director
 * invites the staff of the school she acts for; a district administrator, anyone who works in the district's
 * schools (a director they appointed, above all). Anyone else's staff answers like an unknown login (404).
 */
@Injectable()
export class IssueInvitation {
  constructor(
    private readonly links: CredentialLinks,
    private readonly scope: AdminScope,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async invite(
    personId: string,
    principal: Principal,
    request: Omit<RequestContext, 'actor'>,
  ): Promise<LinkSent> {
    const person = await this.links.person(personId);
    const { schoolId, districtId } = await this.tenantOf(principal, person);
    const ctx = commandContext({ ...request, actor: actorOf(principal) }, schoolId, this.clock, this.ids);
    return this.send(person, districtId ? { ...ctx, districtId } : ctx);
  }

  /** The invitation in a context the caller has established (who, which school, which command id). */
  async send(person: UserDocument, ctx: CommandContext): Promise<LinkSent> {
    const school = ctx.schoolId ? await this.links.directory.school(ctx.schoolId) : null;
    return this.links.issue(
      person,
      'invitation',
      ctx,
      (link) => ({ type: 'IssueInvitation', data: { personId: person._id, ...link } }),
      school ? { schoolName: school.name } : {},
    );
  }

  /** The school in whose name the mail goes: a school of the administrator's district where the person works. */
  private async tenantOf(
    principal: Principal,
    person: UserDocument,
  ): Promise<{ schoolId: string; districtId?: string }> {
    if (principal.kind === 'user' && (principal.administers?.districts.length ?? 0) > 0) {
      const scoped = await this.scope.forPerson(principal, person._id).catch(() => null);
      if (scoped?.authority.kind === 'district-administrator') {
        const district = await this.links.directory.district(scoped.authority.districtId);
        const schoolId =
          person.memberships.map((m) => m.schoolId).find((s) => district?.schoolIds.includes(s)) ?? '';
        return { schoolId, districtId: scoped.authority.districtId };
      }
    }
    return { schoolId: administeredSchool(principal, person) };
  }
}
