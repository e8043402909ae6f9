import { type UserDocument } from '@vsoko/accounts';
import { describeHolding, type Holding } from '@vsoko/domain';

/** A person as the administration screens show them: never a secret, every position with its title. */
export function personView(user: UserDocument, onlySchool?: string) {
  const holdings = (user.holdings ?? []).filter((h) => onlySchool === undefined || h.schoolId === onlySchool);
  return {
    personId: user._id,
    fullName: user.name,
    ...(user.email ? { email: user.email } : {}),
    active: !user.disabled,
    ...(user.disabledReason ? { deactivationReason: user.disabledReason } : {}),
    positions: holdings.map((h: Holding) => ({ ...h, title: describeHolding(h) })),
  };
}
