import { forAdapter, runSiteScript } from '../../utils/content/runtime';
import { wantedlyAdapter } from '../../utils/sites/wantedly';

// Wantedly profiles (utils/sites/wantedly.ts); the same runtime as every site (utils/content/runtime.ts).
export default defineContentScript({
  matches: wantedlyAdapter.matches,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main: (ctx) => runSiteScript(ctx, forAdapter(wantedlyAdapter)),
});
