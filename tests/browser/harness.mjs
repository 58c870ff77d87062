// Browser test harness: Debian's Chromium driven by playwright-core, and the site served
// by scripts/serve.mjs on 127.0.0.1, both started and stopped by the tests themselves.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const siteDir = process.env.SCHOLION_SITE || join(root, 'build/site');
export const outDir = process.env.SCHOLION_OUT || join(root, 'build/browser-tests');
mkdirSync(outDir, { recursive: true });

const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--disable-features=Translate,MediaRouter',
  '--disable-renderer-backgrounding', '--disable-background-timer-throttling',
];

export async function start() {
  const server = await serve(siteDir, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens `path` in a fresh context with the given viewport and pixel ratio, collecting
 * console errors and page errors in `errors`.
 */
export async function open(env, path, { width = 1280, height = 800, dpr = 1 } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(env.url + path);
  return { page, context, errors };
}

/** Opens the first Scholion instance and waits until it has drawn its document. */
export async function waitForCanvas(page) {
  await page.waitForFunction(() => window.Scholion && window.Scholion.instances.length > 0,
                             null, { timeout: 30000 });
  await page.evaluate(() => window.Scholion.instances[0].open?.());
  await page.waitForFunction(() => window.Scholion.instances[0].debug?.canvas.documentSummary() != null,
                             null, { timeout: 30000 });
  await page.evaluate(() => window.Scholion.instances[0].debug.fontsReady());
  await settle(page);
}

/** Waits until no frame has been drawn for `quietMs`. */
export async function settle(page, quietMs = 300) {
  await page.waitForFunction(async (quiet) => {
    const debug = window.Scholion.instances[0].debug;
    const before = debug.frameCount();
    await new Promise((r) => setTimeout(r, quiet));
    return debug.frameCount() === before;
  }, quietMs, { timeout: 20000, polling: 50 });
}

/** touch(type, x, y): a one-finger touch event ('touchStart', 'touchMove', 'touchEnd') by CDP. */
export async function touchscreen(context, page) {
  const cdp = await context.newCDPSession(page);
  return (type, x, y) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1, radiusX: 4, radiusY: 4 }] });
}

export function artifact(name) {
  return join(outDir, name);
}

/** Code point range [start, end) of the first occurrence of `quote` in instance i's text. */
export async function rangeOf(page, quote, i = 0) {
  const text = await page.evaluate((k) => window.Scholion.instances[k].debug.canvas.documentText(), i);
  const at = text.indexOf(quote);
  assert.ok(at >= 0, `"${quote}" is in the document`);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...quote].length };
}

/**
 * Every response (but the page itself) that the page at `url` gets from loading until its
 * annotator, opened from the launcher, shows the whole article with all its fonts; each
 * with its size raw and gzip -9. Also the article's code points no font could draw.
 */
export async function openingDownloads(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const bodies = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'document') return;  // the publisher's own page
    bodies.push(r.body().then((body) => ({ url: r.url(), status: r.status(), body }),
                              () => ({ url: r.url(), status: `${r.status()}, body unreadable`, body: Buffer.alloc(0) })));
  });
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.Scholion?.instances.length === 1);
    await page.getByRole('button', { name: /Highlight & notes/ }).click();
    await page.waitForFunction(() => window.Scholion.instances[0].debug?.frameCount() > 0,
                               null, { timeout: 30000 });
    await page.evaluate(() => window.Scholion.instances[0].debug.fontsReady());
    await settle(page);
    const missing = await page.evaluate(() => window.Scholion.instances[0].debug.missingGlyphs());
    const files = (await Promise.all(bodies)).map(({ url: u, status, body }) => ({
      file: new URL(u).pathname.replace(/^\//, ''), status, raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
    }));
    return { files, missing };
  } finally {
    await context.close();
  }
}
