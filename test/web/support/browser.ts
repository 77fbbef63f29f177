// Chromium for the page tests: Debian's /usr/bin/chromium driven by playwright-core, headless, with a
// fresh profile directory per launch. When it is missing, the setup installs it with apt-get (as .ci/run
// does); when that fails too, the tests skip and say why, except under CI, where a missing browser is a
// failure: a green CI run must have driven the pages.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let skipReason: string | false | undefined;

/** False when Chromium is there (installing it if needed); otherwise why the browser tests skip. */
export function chromiumSkipReason(): string | false {
  if (skipReason !== undefined) return skipReason;
  if (!existsSync(CHROMIUM)) {
    const root = process.getuid?.() === 0;
    const apt = (args: string[]) =>
      spawnSync(root ? 'apt-get' : 'sudo', root ? args : ['-n', 'apt-get', ...args], { stdio: 'ignore', timeout: 600_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
    const install = ['install', '-y', '--no-install-recommends', 'chromium'];
    if (!apt(install)) apt(['update']) && apt(install);
  }
  skipReason = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing and apt-get could not install the chromium package (no root or sudo, or no network)`;
  if (skipReason && process.env.CI === 'true') throw new Error(`browser tests cannot run under CI: ${skipReason}`);
  return skipReason;
}

export interface TestBrowser {
  context: BrowserContext;
  /** A new tab; dialogs (confirm) are accepted, page errors are collected in `errors`. */
  page(viewport?: { width: number; height: number }): Promise<Page>;
  /** Uncaught errors and console errors of every page, other than HTTP error answers. */
  errors: string[];
  /** Every URL the pages requested: the pages must need nothing from elsewhere. */
  requests: string[];
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'postwire-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    timeout: 60_000,
  });
  context.setDefaultTimeout(15_000);
  const errors: string[] = [];
  const requests: string[] = [];
  context.on('request', (request) => void requests.push(request.url()));
  return {
    context,
    errors,
    requests,
    async page(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      page.on('dialog', (dialog) => void dialog.accept());
      page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
      page.on('console', (msg) => {
        // HTTP errors (refused logins, bad values the tests type) are answers the pages show, not faults.
        if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) errors.push(`console: ${msg.text()}`);
      });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** test-output/screenshots/ at the checkout's root (git-ignored). */
export const SCREENSHOTS = resolve(__dirname, '../../../../test-output/screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
