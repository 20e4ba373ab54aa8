import { adapters } from '../sites';
import { demoAdapter } from '../sites/demo';

/**
 * host_permissions: exactly the pages the networking sites' content scripts already match, which the
 * install warning already names through those scripts. The worker needs them to inject the in-page UI into
 * a script's frame (scripting.executeScript, utils/background/page-ui-injection.ts). Development builds add
 * the demo pages' script's. Organisation websites stay optional: their injection uses the granted origin.
 */
export function siteHostPermissions(mode: string): string[] {
  const scripts = mode === 'development' ? [...adapters, demoAdapter] : adapters;
  return scripts.flatMap((adapter) => adapter.matches);
}
