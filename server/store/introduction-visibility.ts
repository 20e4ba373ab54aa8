import { IntroductionKind, type Role } from '../../utils/api';

/**
 * Which kinds of introduction each staff role reads in GET /introductions (everyone always reads the ones
 * their own token logged). A rehire introduction's note speaks about rehire eligibility ("Rehire eligible:
 * yes, the Payments team wants her back"), which the directory serves to recruiters and admins only, so
 * sales do not read other people's. Every other kind is shared among staff: knowing who already approached an
 * alumnus, and why, is what keeps two colleagues from approaching them twice.
 */
export const visibleIntroductionKinds: Record<Exclude<Role, 'alumni'>, readonly IntroductionKind[]> = {
  admin: IntroductionKind.options,
  recruiter: IntroductionKind.options,
  sales: IntroductionKind.options.filter((kind) => kind !== 'rehire'),
};

export function kindsVisibleTo(role: Role): readonly IntroductionKind[] {
  return role === 'alumni' ? [] : visibleIntroductionKinds[role];
}
