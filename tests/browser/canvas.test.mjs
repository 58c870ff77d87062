// The canvas in a real browser: it loads cleanly, draws the article's text with the
// browser's own fonts at every pixel ratio (no missing-glyph boxes), and draws nothing
// while idle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, open, waitForCanvas, settle, artifact, missingGlyphs } from './harness.mjs';
import { decodePng, inkShare } from './png.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const NEWS = 'examples/news/';
const APP = 'app/';

for (const dpr of [1, 2]) {
  test(`news page draws the article at devicePixelRatio ${dpr}`, async () => {
    const { page, context, errors } = await open(env, NEWS, { dpr });
    try {
      await waitForCanvas(page);
      const info = await page.evaluate(() => {
        const s = window.Scholion.instances[0].debug.canvas;
        const c = s.canvas;
        const r = c.getBoundingClientRect();
        return { summary: s.documentSummary(), lines: s.linesDrawn(),
                 backing: [c.width, c.height], css: [r.width, r.height], dpr: devicePixelRatio };
      });
      assert.equal(info.dpr, dpr);
      // The backing store is the CSS size times the pixel ratio.
      assert.equal(info.backing[0], Math.round(info.css[0] * dpr));
      assert.equal(info.backing[1], Math.round(info.css[1] * dpr));
      const glyphs = await missingGlyphs(page);
      assert.equal(glyphs.probe, true, 'the check sees missing-glyph boxes');
      assert.deepEqual(glyphs.missing, [], 'clusters drawn as boxes');
      assert.deepEqual(glyphs.noInk, [], 'runs not rasterised');
      assert.ok(info.lines > 5, `only ${info.lines} lines drawn`);

      const png = await page.locator('canvas').screenshot({ path: artifact(`news-dpr${dpr}.png`) });
      const image = decodePng(png);
      assert.equal(image.width, info.backing[0]);
      // Text: a real share of dark pixels where the article column is.
      const share = inkShare(image, { x: Math.floor(image.width * 0.1), y: 0,
                                      width: Math.floor(image.width * 0.8), height: image.height });
      assert.ok(share > 0.01 && share < 0.5, `ink share ${share.toFixed(4)}`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('news page: the document holds the article, not the page around it', async () => {
  const { page, context, errors } = await open(env, NEWS);
  try {
    await waitForCanvas(page);
    const summary = await page.evaluate(() => window.Scholion.instances[0].debug.canvas.documentSummary());
    assert.equal(summary.title, 'NATO Secretary General with the President of Serbia \u{1F1F7}\u{1F1F8} Aleksandar Vu\u010Di\u0107');
    // Title, source line and ten paragraphs; navigation, share buttons and comments skipped.
    assert.equal(summary.blocks, 12);
    assert.match(summary.fingerprint, /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('news page: the host page styles do not reach the canvas, ours stay in a shadow root', async () => {
  const { page, context } = await open(env, NEWS);
  try {
    await waitForCanvas(page);
    const result = await page.evaluate(() => {
      const canvas = window.Scholion.instances[0].debug.canvas.canvas;
      return {
        inShadow: canvas.getRootNode() instanceof ShadowRoot,
        border: getComputedStyle(canvas).borderTopWidth,
        hostStyles: document.querySelectorAll('style').length,
        globals: Object.keys(window).filter((k) => /scholion/i.test(k)),
      };
    });
    assert.equal(result.inShadow, true);
    assert.equal(result.border, '0px');
    assert.equal(result.hostStyles, 1, 'only the publisher\'s own <style> is in the document');
    assert.deepEqual(result.globals, ['Scholion']);
  } finally {
    await context.close();
  }
});

test('idle: no frame is drawn during one second without input', async () => {
  const { page, context } = await open(env, NEWS);
  try {
    await waitForCanvas(page);
    const before = await page.evaluate(() => window.Scholion.instances[0].debug.frameCount());
    await page.waitForTimeout(1000);
    const after = await page.evaluate(() => window.Scholion.instances[0].debug.frameCount());
    assert.ok(before > 0, 'the canvas drew at least once');
    assert.equal(after - before, 0, `${after - before} frames drawn while idle`);

    // Input does draw, and then it stops again.
    await page.locator('canvas').hover();
    await page.mouse.wheel(0, 400);
    await page.waitForFunction((n) => window.Scholion.instances[0].debug.frameCount() > n, after);
    await settle(page);
    const settled = await page.evaluate(() => window.Scholion.instances[0].debug.frameCount());
    await page.waitForTimeout(1000);
    assert.equal(await page.evaluate(() => window.Scholion.instances[0].debug.frameCount()), settled);
  } finally {
    await context.close();
  }
});

test('standalone page opens the sample article', async () => {
  const { page, context, errors } = await open(env, APP, { width: 1000, height: 700 });
  try {
    await waitForCanvas(page);
    const info = await page.evaluate(() => ({ summary: window.Scholion.instances[0].debug.documentSummary() }));
    assert.match(info.summary.title, /^NATO Secretary General/);
    assert.equal(info.summary.blocks, 14);  // the plain-text file, comment lines included
    assert.deepEqual((await missingGlyphs(page)).missing, []);
    await page.screenshot({ path: artifact('app-dpr1.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('resizing the window re-lays out the text at the new size', async () => {
  const { page, context, errors } = await open(env, NEWS, { width: 1280, height: 800 });
  try {
    await waitForCanvas(page);
    await page.setViewportSize({ width: 900, height: 600 });
    await page.waitForFunction(() => {
      const c = window.Scholion.instances[0].debug.canvas.canvas;
      return c.width === Math.round(c.getBoundingClientRect().width * devicePixelRatio);
    });
    await settle(page);
    const image = decodePng(await page.locator('canvas').screenshot({ path: artifact('news-resized.png') }));
    assert.ok(inkShare(image) > 0.01, 'text is drawn after the resize');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a change of devicePixelRatio re-rasterises at the new ratio', async () => {
  const { page, context, errors } = await open(env, NEWS, { width: 1000, height: 700, dpr: 1 });
  try {
    await waitForCanvas(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1000, height: 700, deviceScaleFactor: 2, mobile: false });
    // A browser zoom fires "resize"; the emulated change of ratio does not, so it is sent.
    await page.evaluate(() => dispatchEvent(new Event('resize')));
    await page.waitForFunction(() => {
      const c = window.Scholion.instances[0].debug.canvas.canvas;
      return devicePixelRatio === 2 && c.width === Math.round(c.getBoundingClientRect().width * 2);
    });
    await settle(page);
    const png = await page.locator('canvas').screenshot({ path: artifact('news-dpr-change.png') });
    const image = decodePng(png);
    assert.ok(inkShare(image) > 0.01, 'text is drawn at the new ratio');
    assert.deepEqual((await missingGlyphs(page)).missing, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
