import { Inject, Injectable } from '@nestjs/common';
import { actorOf, type Principal } from '@vsoko/accounts';
import type { Clock, IdGenerator } from '../../infrastructure/clock';
import { CLOCK, ID_GENERATOR } from '../../infrastructure/tokens';
import { commandContext, type RequestContext } from '../../shared/request-context';
import { CredentialLinks, type LinkSent } from '../shared/credential-links';
import { administeredSchool } from '../shared/person-access';

/** The director invites a person of the school: a one-time link to choose a first password, sent by mail. */
@Injectable()
export class IssueInvitation {
  constructor(
    private readonly links: CredentialLinks,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async invite(
    personId: string,
    principal: Principal,
    request: Omit<RequestContext, 'actor'>,
  ): Promise<LinkSent> {
    const person = await this.links.person(personId);
    const schoolId = administeredSchool(principal, person);
    const ctx = commandContext({ ...request, actor: actorOf(principal) }, schoolId, this.clock, this.ids);
    const school = await this.links.directory.school(schoolId);
    return this.links.issue(
      person,
      'invitation',
      ctx,
      (link) => ({ type: 'IssueInvitation', data: { personId: person._id, ...link } }),
      school ? { schoolName: school.name } : {},
    );
  }
}
