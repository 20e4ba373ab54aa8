import { readFileSync } from 'node:fs';

/**
 * The one version number of Alumni Lens: package.json's, which WXT also writes into both extension
 * manifests. `npm run release` bumps it; the server reports it in /api/v1/health and the OpenAPI info.
 */
export const APP_VERSION: string = (() => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string') throw new Error('package.json has no version');
  return pkg.version;
})();
