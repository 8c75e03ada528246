/**
 * The sample configurations of README's Hosting section (docs/hosting/nginx.conf, docs/hosting/Caddyfile), run for
 * real where the server is installed (skipped otherwise): the production build served with the CSP as a header; a
 * page of another origin can frame `?embed=1` but not the full app (frame-ancestors); the full app runs under the
 * header with no console error.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tools/chromium';
import { OUTPUT_IDS } from '../../src/model';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find((p) => existsSync(p));
const CADDY = ['/usr/bin/caddy', '/usr/local/bin/caddy'].find((p) => existsSync(p));

const HOST_PAGE = (
  app: string,
) => `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
  <iframe id="embed" src="${app}?embed=1&view=scorecard#v2.baseline" width="900" height="700"></iframe>
  <iframe id="full" src="${app}#v2.baseline" width="900" height="700"></iframe></body></html>`;

interface Server {
  name: string;
  binary: string | undefined;
  /** Writes the configuration into dir and returns the command that serves the app on appPort and dir on hostPort. */
  configure(
    dir: string,
    appPort: number,
    hostPort: number,
  ): { args: string[]; check: string[]; env?: Record<string, string> };
}

const SERVERS: Server[] = [
  {
    name: 'nginx',
    binary: NGINX,
    configure(t, appPort, hostPort) {
      const site = readFileSync('docs/hosting/nginx.conf', 'utf8')
        .replace('listen 80;', `listen 127.0.0.1:${appPort};`)
        .replace(/root \/srv\/yangfan;/, `root ${resolve('dist')};`);
      expect(site).toContain(`root ${resolve('dist')};`);
      writeFileSync(join(t, 'site.conf'), site);
      writeFileSync(
        join(t, 'main.conf'),
        `pid ${t}/nginx.pid; error_log ${t}/error.log; daemon off; events { worker_connections 64; }
         http { access_log off; client_body_temp_path ${t}; proxy_temp_path ${t}; fastcgi_temp_path ${t}; uwsgi_temp_path ${t}; scgi_temp_path ${t};
           include ${t}/site.conf;
           server { listen 127.0.0.1:${hostPort}; root ${t}; types { text/html html; } } }`,
      );
      return { args: ['-c', join(t, 'main.conf')], check: ['-t', '-q', '-c', join(t, 'main.conf')] };
    },
  },
  {
    name: 'Caddy',
    binary: CADDY,
    configure(t, appPort, hostPort) {
      const site = readFileSync('docs/hosting/Caddyfile', 'utf8')
        .replace('yangfan.example.org {', `{\n\tadmin off\n\tauto_https off\n}\n\nhttp://127.0.0.1:${appPort} {`)
        .replace('root * /srv/yangfan', `root * ${resolve('dist')}`);
      expect(site).toContain(`root * ${resolve('dist')}`);
      writeFileSync(join(t, 'Caddyfile'), `${site}\nhttp://localhost:${hostPort} {\n\troot * ${t}\n\tfile_server\n}\n`);
      const conf = ['--config', join(t, 'Caddyfile'), '--adapter', 'caddyfile'];
      return {
        args: ['run', ...conf],
        check: ['validate', ...conf],
        env: { HOME: t, XDG_DATA_HOME: t, XDG_CONFIG_HOME: t },
      };
    },
  },
];

const freePort = () =>
  new Promise<number>((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? ok(a.port) : fail(new Error('no port'))));
    });
  });

describe.each(SERVERS)('hosting with the sample $name configuration', (server) => {
  let dir: string;
  let proc: ChildProcess;
  let browser: Browser;
  let app: string;
  let host: string;

  beforeAll(async () => {
    if (!server.binary) return;
    if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    dir = mkdtempSync(join(tmpdir(), 'yangfan-host-'));
    const [appPort, hostPort] = [await freePort(), await freePort()];
    app = `http://127.0.0.1:${appPort}/`;
    // Another origin (another host name and port) for the host page.
    host = `http://localhost:${hostPort}/`;
    writeFileSync(join(dir, 'host.html'), HOST_PAGE(app));
    const cmd = server.configure(dir, appPort, hostPort);
    const env = { ...process.env, ...cmd.env };
    execFileSync(server.binary, cmd.check, { env, stdio: 'ignore' });
    proc = spawn(server.binary, cmd.args, { stdio: 'ignore', env });
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(app)).ok && (await fetch(host + 'host.html')).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    proc?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!server.binary)(
    "sends the CSP as a header: frame-ancestors 'self' for the app, * for ?embed=1",
    async () => {
      const full = await fetch(app);
      const embed = await fetch(`${app}?embed=1&view=chart`);
      expect(full.headers.get('content-security-policy')).toMatch(/script-src 'self';.*frame-ancestors 'self'$/);
      expect(embed.headers.get('content-security-policy')).toMatch(/frame-ancestors \*$/);
      for (const r of [full, embed]) {
        expect(r.headers.get('x-content-type-options')).toBe('nosniff');
        expect(r.headers.get('cache-control')).toBe('no-cache');
      }
      const js = readFileSync('dist/index.html', 'utf8').match(/src="\.\/(assets\/[^"]+\.js)"/)![1];
      const asset = await fetch(app + js);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect(asset.headers.get('cache-control')).toMatch(/immutable/);
      const manifest = await fetch(app + 'manifest.webmanifest');
      expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
      expect(manifest.headers.get('cache-control')).toBe('no-cache');
    },
  );

  it.skipIf(!server.binary)('another origin can frame the embed view but not the full app', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors|Refused to frame/i.test(m.text())) blocked.push(m.text());
    });
    await page.goto(host + 'host.html');
    const embed = page.frameLocator('#embed');
    await expect
      .poll(() => embed.locator('[data-testid^="score-"]').count(), { timeout: 60_000 })
      .toBe(OUTPUT_IDS.length);
    await expect.poll(() => blocked.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(blocked.join('\n')).toContain(app);
    expect(await page.frameLocator('#full').locator('[data-testid="status"]').count()).toBe(0);
    await context.close();
  });

  it.skipIf(!server.binary)('the full app runs under the header without a console error', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(app + '#v2.cautious');
    await page.waitForFunction(
      () => {
        const s = document.querySelector('[data-testid="status"]') as HTMLElement | null;
        return !!s && Number(s.dataset.generation) >= 1 && s.dataset.running === 'false';
      },
      null,
      { timeout: 60_000 },
    );
    expect(await page.locator('[data-testid^="score-"]').count()).toBe(OUTPUT_IDS.length);
    expect(errors).toEqual([]);
    await context.close();
  });
});
