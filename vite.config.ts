import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The Content-Security-Policy of the built app: scripts only from the app's own origin (no inline script, no eval),
 * workers from the same origin, nothing fetched from any other origin. Inline styles stay allowed: Plot writes style
 * attributes on its SVG. Applied to the production build only (Vite's dev server injects its own client).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'yangfan-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
      );
    },
  };
}

// Relative base: the built app works from any static host and any sub-path.
export default defineConfig({
  base: './',
  plugins: [
    svelte(),
    contentSecurityPolicy(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      includeAssets: ['icon.svg'],
      manifest: {
        name: '扬帆 Yangfan · 5G“扬帆”行动计划目标预测',
        short_name: '扬帆 Yangfan',
        description:
          '5G应用“扬帆”行动计划(2021-2023年)目标情景模拟与预测 · Scenario simulator for the targets of the 5G Sailing Action Plan',
        lang: 'zh-CN',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#fbfbf9',
        theme_color: '#0072B2',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        // The fallback serves the app only for the app's own pages: its folder (with any query, e.g. an embed's) and
        // index.html. Another page in the same folder (a host page beside the app) goes to the network, never to the
        // app. Workbox matches these against the path and query.
        navigateFallbackAllowlist: [/\/(index\.html)?(\?.*)?$/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      // The model (src/model) is pure: importing one of its functions must not pull in the rest through the barrel
      // (the Monte Carlo runs in the worker; the main thread needs only the registry, anchors and observations).
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]model[\\/]/.test(id) },
    },
  },
});
