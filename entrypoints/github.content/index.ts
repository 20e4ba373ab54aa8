import { forAdapter, runSiteScript } from '../../utils/content/runtime';
import { githubAdapter } from '../../utils/sites/github';

// GitHub user profiles (utils/sites/github.ts); the same runtime as every site (utils/content/runtime.ts).
export default defineContentScript({
  matches: githubAdapter.matches,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main: (ctx) => runSiteScript(ctx, forAdapter(githubAdapter)),
});
