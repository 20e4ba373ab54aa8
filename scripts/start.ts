/**
 * npm start — the whole system on one machine, for a newcomer:
 *   1. the reference backend with the demo company on http://127.0.0.1:8787 (embedded PGlite in .data/),
 *      which also serves the demo pages under /demo/;
 *   2. the extension built in development mode (it recognises the demo pages), preconfigured for that backend;
 *   3. the programme's console, built and served by the backend at /admin/;
 *   4. Chromium with the extension, when there is a display to show it on.
 * Ctrl-C stops everything.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { startServer, type RunningServer } from '../server';
import { demoTokens } from '../server/seed/demo-data';

const PORT = 8787;
const HOST = '127.0.0.1';
const DATA_DIR = '.data';
const DEMO_TOKEN = 'demo-recruiter-token';
const EXTENSION_DIR = resolve('.output/chrome-mv3-dev');
const CHROMIUM = '/usr/bin/chromium';

/** Runs a command quietly; its output is shown only if it fails. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`)),
    );
  });
}

/** The development build, with the demo backend and token baked in as its default configuration (utils/config/config.ts). */
async function buildExtension(apiUrl: string): Promise<void> {
  console.log('Building the extension (development mode, with the demo pages adapter)…');
  await run('npx', ['wxt', 'build', '--mode', 'development'], { WXT_DEFAULT_API_URL: apiUrl, WXT_DEFAULT_TOKEN: DEMO_TOKEN });
}

/** The programme's console (console/), built into console/dist, which the backend serves at /admin/. */
async function buildConsole(): Promise<void> {
  console.log('Building the console…');
  await run('npx', ['vite', 'build', '--config', 'console/vite.config.ts'], {});
}

/** Chromium with the extension, its profile kept in .data/ so choices made on the options page survive restarts. */
async function launchChromium(apiUrl: string): Promise<Browser> {
  const profile = resolve(DATA_DIR, 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: false,
    userDataDir: profile,
    enableExtensions: true,
    defaultViewport: null,
    args: [
      // Chromium refuses to run as root without it (containers, fresh VMs).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--no-first-run',
      '--disable-sync',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `${apiUrl}/demo/`,
    ],
  });
}

function printGuide(server: RunningServer, launched: boolean): void {
  const demo = `${server.url}/demo`;
  console.log(`
Alumni Lens is running.

  Backend      ${server.url}/api/v1   (OpenAPI: ${server.url}/api/v1/openapi.json, data in ${DATA_DIR}/)
  Console      ${server.url}/admin/   (sign in with demo-admin-token; recruiter and sales tokens get read-only views)
  Extension    ${EXTENSION_DIR}
               ${launched ? 'Chromium was started with it.' : 'Load it in Chromium/Chrome: chrome://extensions → Developer mode → "Load unpacked" → that folder.'}
               It is preconfigured for this backend with ${DEMO_TOKEN}; switch role on its options page.

  Demo pages (fictional people; the development build recognises them):
    ${demo}/                                   index
    ${demo}/in/taro-yamada/                    a LinkedIn-like profile of an alumnus (山田 太郎): sidebar card, log an introduction,
                                               his showcase, offers that fit him, the meetings with him
    ${demo}/company/mirai-bank/people/         a company People page: badges next to the alumni who work there, alumni who fit its offer
    ${demo}/sites/hikari-health.example/       an organisation's website: alumni named on it are highlighted
    ${demo}/sites/sakura-digital.example/      the company's own site: with the alumni token, offers ranked with reasons,
                                               "I'm interested" and "Request a meeting"; the popup has his meeting request

  Tokens: ${demoTokens.map((t) => `${t.token} (${t.role}: ${t.name})`).join('\n          ')}

Press Ctrl-C to stop.`);
}

async function main(): Promise<void> {
  const server = await startServer({ port: PORT, host: HOST, dataDir: DATA_DIR, seed: 'demo' });
  let browser: Browser | undefined;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await browser?.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  try {
    await buildConsole();
    await buildExtension(server.url);
    const canShow = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && existsSync(CHROMIUM);
    if (canShow) {
      browser = await launchChromium(server.url);
      browser.once('disconnected', () => {
        if (!stopping) console.log('Chromium was closed; the backend keeps running (Ctrl-C to stop).');
        browser = undefined;
      });
    }
    printGuide(server, canShow);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await server.close();
    process.exit(1);
  }
}

void main();
