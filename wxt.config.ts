import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { DEVELOPMENT_MANIFEST_KEY } from './utils/development-extension';
import { firefoxDataCollection } from './utils/manifest/data-collection';
import { privacyPages } from './utils/manifest/privacy-pages';
import { siteHostPermissions } from './utils/manifest/site-hosts';

// public/icon/NN.png, rendered from assets/icon/*.svg by `npm run icons`.
const icons = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

// Manifest permissions are kept minimal: the backend origin is requested at run time
// (optional_host_permissions) when the user configures it, never granted to every site at install.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: ({ browser, mode }) => ({
    // Name and description in the browser's language (public/_locales/{en,ja}); the UI itself
    // switches language at run time from utils/i18n.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons,
    action: { default_icon: icons },
    // scripting: the organisation-website script is registered at run time, only for origins granted.
    // scripting also injects the in-page UI into a content script's frame once it has something to show.
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'scripting'],
    host_permissions: siteHostPermissions(mode),
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    // Enterprise policy (apiUrl, token): Chromium validates it against managed_schema.json; Firefox
    // takes it from policies.json ("3rdparty" → "Extensions" → this add-on id), so it needs a fixed id.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'alumni-lens@alumni-lens.dev',
              // Firefox 140 is the first to show data_collection_permissions at install (utils/manifest).
              strict_min_version: '140.0',
              data_collection_permissions: firefoxDataCollection,
            },
            // …and Firefox for Android 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { storage: { managed_schema: 'managed_schema.json' } }),
    // A fixed id for development builds, so the backend's default CORS origin is theirs (utils/development-extension.ts).
    ...(browser !== 'firefox' && mode === 'development' ? { key: DEVELOPMENT_MANIFEST_KEY } : {}),
  }),
  // `npm run zip:firefox` also makes the sources archive AMO asks for: what builds the extension, and
  // store/SOURCE-BUILD.md saying how. Tests (with their saved pages), the backend and docs are left out.
  zip: {
    excludeSources: ['tests/**', 'server/**', 'scripts/**', 'docs/**', 'store/**', 'bench-results/**'],
    includeSources: ['store/SOURCE-BUILD.md'],
  },
  vite: () => ({ plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })] }),
  hooks: {
    // Content scripts and the in-page UI they load get the browser's own API instead of webextension-polyfill (utils/content/native-browser.ts).
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script' || entry.type === 'unlisted-script')) return;
      const alias = viteConfig.resolve?.alias ?? {};
      const existing = Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      viteConfig.resolve = {
        ...viteConfig.resolve,
        alias: [{ find: /^wxt\/browser$/, replacement: resolve(import.meta.dirname, 'utils/content/native-browser.ts') }, ...existing],
      };
    },
    // PRIVACY.md and PRIVACY.ja.md, as pages inside the extension (the options page links to them).
    'build:publicAssets': (wxt, files) => {
      files.push(...privacyPages(wxt.config.root));
    },
    // The demo pages' script (entrypoints/demo.content) exists in development builds only (`npm start`
    // builds with --mode development): production builds never match a demo page.
    'entrypoints:found': (wxt, entrypoints) => {
      if (wxt.config.mode === 'development') return;
      const demo = entrypoints.findIndex((entry) => entry.name === 'demo');
      if (demo !== -1) entrypoints.splice(demo, 1);
    },
  },
});
