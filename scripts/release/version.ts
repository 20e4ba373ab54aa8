/** Semantic version bumps for `npm run release` (package.json's version is the one version of Alumni Lens). */
export type Bump = 'patch' | 'minor' | 'major';

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

/** The next version: a bump of `current`, or an explicit x.y.z that must be greater. */
export function nextVersion(current: string, request: string): string {
  const now = SEMVER.exec(current);
  if (!now) throw new Error(`package.json's version "${current}" is not x.y.z`);
  const [major, minor, patch] = now.slice(1).map(Number) as [number, number, number];
  if (request === 'major') return `${major + 1}.0.0`;
  if (request === 'minor') return `${major}.${minor + 1}.0`;
  if (request === 'patch') return `${major}.${minor}.${patch + 1}`;
  const wanted = SEMVER.exec(request);
  if (!wanted) throw new Error(`"${request}" is neither patch, minor, major nor a version x.y.z`);
  const [a, b, c] = wanted.slice(1).map(Number) as [number, number, number];
  if (a < major || (a === major && (b < minor || (b === minor && c <= patch)))) {
    throw new Error(`${request} is not newer than the current version ${current}`);
  }
  return request;
}

/**
 * CHANGELOG.md with its "## Unreleased" section renamed to the release (a fresh empty Unreleased section
 * above it). A release with nothing under Unreleased is refused: the changelog must say what changed.
 */
export function releaseChangelog(changelog: string, version: string, date: string): string {
  const heading = /^## Unreleased[ \t]*$/m.exec(changelog);
  if (!heading) throw new Error('CHANGELOG.md has no "## Unreleased" section');
  const start = heading.index + heading[0].length;
  const next = changelog.slice(start).search(/^## /m);
  const body = changelog.slice(start, next === -1 ? undefined : start + next);
  if (!/^\s*[-*] \S/m.test(body)) throw new Error('CHANGELOG.md says nothing under "## Unreleased": write what this release changes first');
  return `${changelog.slice(0, heading.index)}## Unreleased\n\n## ${version} — ${date}${changelog.slice(start)}`;
}
