import { readPageNames } from '../../utils/content/name-highlights';
import { forAdapter, runSiteScript } from '../../utils/content/runtime';
import { orgWebsiteAdapter } from '../../utils/sites/org-website';

// Organisation websites: never in the manifest. The worker registers this script at run time for
// the organisation domains the user granted (optional host permissions), and for nothing else.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main: (ctx) => runSiteScript(ctx, { ...forAdapter(orgWebsiteAdapter), readNames: readPageNames }),
});
