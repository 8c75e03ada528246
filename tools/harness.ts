/**
 * End-to-end harness: serves the production build (dist/, built by `npm test` before vitest runs) with Vite's
 * preview server on a free port, and drives Debian's Chromium through playwright-core. Every page records console
 * errors and page errors so tests can assert there are none.
 */
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

export { CHROMIUM_ARGS };

export interface Harness {
  url: string;
  browser: Browser;
  server: PreviewServer;
  close(): Promise<void>;
}

/** Starts the preview server over dist/ and a browser. */
export async function startHarness(): Promise<Harness> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const url = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return {
    url,
    browser,
    server,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
}

/** Opens a page in a fresh context that collects console errors and page errors. */
export async function openPage(
  h: Harness,
  path = '',
  options: { locale?: string; viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' } = {},
): Promise<WatchedPage> {
  const context = await h.browser.newContext({
    locale: options.locale ?? 'zh-CN',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(h.url + path);
  return { page, context, errors };
}

/** Waits until the app has shown its n-th result (the status line counts them) and no run is in flight. */
export async function waitForResult(page: Page, atLeast = 1): Promise<number> {
  await page.waitForFunction(
    (n) => {
      const s = document.querySelector('[data-testid="status"]') as HTMLElement | null;
      return !!s && Number(s.dataset.generation) >= n && s.dataset.running === 'false';
    },
    atLeast,
    { timeout: 60_000 },
  );
  return page.evaluate(() =>
    Number((document.querySelector('[data-testid="status"]') as HTMLElement).dataset.generation),
  );
}

/**
 * Scrolls a parameter's slider into view and returns the screen point of its thumb, the thumb sitting at the
 * parameter's value (`value` within [min, max]), for mouse drags.
 */
export async function sliderThumb(
  page: Page,
  param: string,
  value: number,
  min: number,
  max: number,
): Promise<{ x: number; y: number }> {
  const slider = page.locator(`#p-${param}-range`);
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  return { x: box.x + box.width * ((value - min) / (max - min)), y: box.y + box.height / 2 };
}

/** Serves a directory under a URL prefix (a sub-path) with a plain Node server: the app must not assume the root. */
export async function serveStatic(dir: string, prefix: string): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const { readFile } = await import('node:fs/promises');
  const { join, normalize, extname } = await import('node:path');
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.json': 'application/json',
    '.webmanifest': 'application/manifest+json',
    '.map': 'application/json',
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    const rel = normalize(path.slice(prefix.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(dir, rel.endsWith('/') || rel === '.' ? 'index.html' : rel));
      res.writeHead(200, { 'content-type': types[extname(rel)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}${prefix}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
