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
export const sharedDir = process.env.SCHOLION_SHARED_DIR || join(siteDir, '../../../shared');
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
    env: { ...process.env, FONTCONFIG_FILE: join(root, 'tests/browser/fonts.conf') },
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
 * What of instance i's visible text the browser drew as missing-glyph boxes ("tofu"), and
 * which visible runs were not rasterised. Each grapheme cluster of each run on screen is
 * drawn alone in the canvas's own CSS font and compared, pixel for pixel, with as many
 * boxes as it has code points (the box the same font shows for unassigned U+0378).
 * Returns {runs, missing: [{text, cluster}], noInk: [text], probe}: `probe` is what the
 * same check says of U+05FF (also unassigned, so it must be found missing: proof that the
 * check sees boxes at all).
 */
export async function missingGlyphs(page, i = 0) {
  return page.evaluate((k) => {
    const s = window.Scholion.instances[k].debug;
    const runs = s.visibleRuns();
    const fonts = s.fonts();
    const c = document.createElement('canvas');
    c.width = 600;
    c.height = 200;
    const ctx = c.getContext('2d', { willReadFrequently: true });
    const draw = (font, text) => {
      ctx.font = font;
      ctx.clearRect(0, 0, c.width, c.height);
      ctx.fillText(text, 40, 130);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let key = '', sum = 0;
      for (let p = 3; p < data.length; p += 4) sum += data[p];
      for (let p = 3; p < data.length; p += 4 * 7) key += String.fromCharCode(data[p]);
      return `${sum}:${key}`;
    };
    const boxes = new Map();
    const box = (font, n) => {
      const id = `${font}|${n}`;
      if (!boxes.has(id)) boxes.set(id, draw(font, '\u0378'.repeat(n)));
      return boxes.get(id);
    };
    const ignorable = /[\u200c\u200d\ufe0e\ufe0f\u{e0020}-\u{e007f}]/u;
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const isBox = (font, cluster) => {
      const n = [...cluster].filter((ch) => !ignorable.test(ch)).length;
      return n > 0 && cluster.trim() !== '' && draw(font, cluster) === box(font, n);
    };
    const missing = [];
    const noInk = [];
    for (const run of runs) {
      const font = fonts[run.style];
      if (run.text.trim() === '') continue;
      if (!run.ink || run.ink[0] <= 0 || run.ink[1] <= 0) noInk.push(run.text);
      for (const { segment } of segmenter.segment(run.text)) {
        if (isBox(font, segment)) missing.push({ text: run.text, cluster: segment });
      }
    }
    return { runs: runs.length, missing, noInk, probe: isBox(fonts[0], '\u05ff') };
  }, i);
}

/**
 * Every response (but the page itself) that the page at `url` gets from loading until its
 * annotator, opened from the launcher, shows the article; each with its size raw and
 * gzip -9. Also what of the visible text was drawn as missing-glyph boxes.
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
    const { missing } = await missingGlyphs(page);
    const files = (await Promise.all(bodies)).map(({ url: u, status, body }) => ({
      file: new URL(u).pathname.replace(/^\//, ''), status, raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
    }));
    return { files, missing };
  } finally {
    await context.close();
  }
}
