// npm run lint:firefox [-- DIR]: web-ext lint on the Firefox build (.output/firefox-mv3 by default). Fails on
// any error or on a warning that README.md does not explain (see scripts/package/firefox-lint.ts).
import { formatLint, lintFirefoxPackage } from './package/firefox-lint';

const result = lintFirefoxPackage(process.argv[2] ?? '.output/firefox-mv3');
console.log(formatLint(result));
process.exit(result.errors.length === 0 && result.unexplained.length === 0 ? 0 : 1);
