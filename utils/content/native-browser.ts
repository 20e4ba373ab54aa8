import type { browser as polyfilled } from 'wxt/browser';

type Browser = typeof polyfilled;

// `wxt/browser` in content-script builds only (wxt.config.ts): the browser's own promise-based API instead of
// webextension-polyfill, which the worker and the extension's pages keep. Content scripts call just
// runtime.sendMessage and read runtime.id, both promise-based in Chromium's Manifest V3 and Firefox; the polyfill
// was 2.9 KB of each script's gzip (issue 11, content-script size).
const scope = globalThis as unknown as { browser?: Browser; chrome?: Browser };

export const browser: Browser = (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as Browser;
