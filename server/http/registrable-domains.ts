import { isPublicSuffix } from '../../utils/recognition/domain';
import { ApiProblem } from './problem';

export { isPublicSuffix };

/**
 * Organisation and company domains must not be public suffixes: the options page would otherwise ask for
 * access to every site under one (`*.co.jp`). 400 names each such domain of `domains` (at `field`).
 */
export function refusePublicSuffixes(domains: readonly string[], field = 'domains'): void {
  const issues = domains.flatMap((domain, index) =>
    isPublicSuffix(domain)
      ? [{ path: [field, index], message: `${domain} is a public suffix (anyone can register names under it), not an organisation's own domain` }]
      : [],
  );
  if (issues.length > 0) {
    throw new ApiProblem(400, 'public_suffix_domain', `Refused: ${issues.map((issue) => issue.message).join('; ')}.`, issues);
  }
}
