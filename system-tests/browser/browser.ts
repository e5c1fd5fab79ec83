/** Debian's Chromium driven by playwright-core (never a downloaded browser), and the built client. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { createTestEngine, type TestEngine } from '../../engine/tests/support/test-engine.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const screenshotDir = path.join(here, 'screenshots');

/**
 * The bundles vitest's global setup built before any file ran (this builds them only for a file run
 * outside it). Never rebuild here: other files serve dist/ side by side, and a build empties it.
 */
export async function ensureClientBuilt(): Promise<void> {
  if (existsSync(path.join(here, '../../delivery-client/dist/candidate/index.html'))) return;
  await build({ configFile: path.join(here, '../../delivery-client/vite.config.ts'), logLevel: 'warn' });
}

/** Debian's Chromium with the project's flags (never a downloaded browser), plus `extraArgs`. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      ...extraArgs,
    ],
  });
  // CI runs browser files side by side with engines and sandboxes on two cores: a page's first load
  // there has taken over Playwright's default 30 s. Every context waits up to 60 s instead.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(PAGE_WAIT_MS);
    return context;
  };
  return browser;
}

const PAGE_WAIT_MS = 60_000;

/**
 * Chromium whose camera plays the Y4M file `cameraFile` (proctor-fake-camera.ts writes it). The file is
 * read when a page first opens the camera, so it can be written after launch.
 */
export function launchWithFakeCamera(cameraFile: string): Promise<Browser> {
  return launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${cameraFile}`,
  ]);
}

/** An engine on a free port and a Chromium, for one browser-test file. */
export async function startE2e(): Promise<{ engine: TestEngine; baseUrl: string; browser: Browser }> {
  await ensureClientBuilt();
  const engine = await createTestEngine();
  const port = await engine.listen(0, '127.0.0.1');
  return { engine, baseUrl: `http://127.0.0.1:${port}`, browser: await launchChromium() };
}

export async function stopE2e(e: { engine?: TestEngine; browser?: Browser }): Promise<void> {
  await e.browser?.close();
  await e.engine?.dispose();
}
