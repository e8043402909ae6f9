import { Inject, Injectable } from '@nestjs/common';
import { Directory, type Principal } from '@vsoko/accounts';
import { credentialsDecider, credentialsStreamName } from '@vsoko/domain';
import { DeciderHandler } from '@vsoko/event-sourcing';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { AdminScope } from '../admin-scope';
import { invitationStatus } from './invitation-status';

/**
 * The inspectors of a district with where each one's first sign-in stands, for the district's administrator, who
 * appoints them (`POST /people` with a district-inspector position) and invites them. Read from the directory
 * and each person's credentials stream: a district has a handful of inspectors.
 */
@Injectable()
export class ListInspectors {
  constructor(
    private readonly scope: AdminScope,
    private readonly directory: Directory,
    private readonly handler: DeciderHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(districtId: string, principal: Principal) {
    await this.scope.forDistrict(principal, districtId);
    const now = this.clock.now();
    const [district, inspectors] = await Promise.all([
      this.directory.district(districtId),
      this.directory.inspectorsOf(districtId),
    ]);
    return {
      districtId,
      name: district?.name ?? null,
      inspectors: await Promise.all(
        inspectors.map(async (person) => {
          const { recorded } = await this.handler.load(credentialsStreamName(person._id), credentialsDecider);
          const facts = recorded.map((e) => ({
            type: e.type,
            data: e.data,
            occurredAt: e.metadata.occurredAt,
          }));
          return {
            personId: person._id,
            fullName: person.name,
            ...(person.email ? { email: person.email } : {}),
            active: !person.disabled,
            invitation: invitationStatus(facts, now),
          };
        }),
      ),
    };
  }
}
