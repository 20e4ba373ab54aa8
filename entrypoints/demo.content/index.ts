import { readPageNames } from '../../utils/content/name-highlights';
import { forAdapter, runSiteScript } from '../../utils/content/runtime';
import { demoAdapter } from '../../utils/sites/demo';

// The demo pages served by `npm start` (utils/sites/demo.ts). Development builds only: wxt.config.ts
// drops this entrypoint from every other build, so production never matches a demo page.
export default defineContentScript({
  matches: demoAdapter.matches,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main: (ctx) =>
    runSiteScript(ctx, {
      ...forAdapter(demoAdapter),
      // Names are highlighted only on the pages standing in for organisation websites, as on real ones.
      readNames: (doc) => (demoAdapter.detect(new URL(doc.location.href)) === 'org-website' ? readPageNames(doc) : null),
    }),
});
