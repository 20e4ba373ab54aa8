import config from '../../wxt.config';

// The project's WXT configuration as `npm run zip` and `npm run zip:firefox` use it, writing into .tmp/ instead
// of .output/: the end-to-end tests load .output/chrome-mv3 at the same time and must not see it rebuilt.
export default { ...config, outDir: '.tmp/package-test' };
