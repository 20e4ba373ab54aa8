import { forAdapter, runSiteScript } from '../../utils/content/runtime';
import { linkedinAdapter } from '../../utils/sites/linkedin';

// LinkedIn profiles, company pages, People tabs and people search (utils/sites/linkedin.ts).
export default defineContentScript({
  matches: linkedinAdapter.matches,
  runAt: 'document_idle',
  // Styles travel inside the script into closed shadow roots: no CSS file, no web-accessible resource.
  cssInjectionMode: 'manual',
  main: (ctx) => runSiteScript(ctx, forAdapter(linkedinAdapter)),
});
