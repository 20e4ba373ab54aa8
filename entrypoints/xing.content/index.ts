import { forAdapter, runSiteScript } from '../../utils/content/runtime';
import { xingAdapter } from '../../utils/sites/xing';

// Xing profiles (utils/sites/xing.ts); the same runtime as every site (utils/content/runtime.ts).
export default defineContentScript({
  matches: xingAdapter.matches,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main: (ctx) => runSiteScript(ctx, forAdapter(xingAdapter)),
});
