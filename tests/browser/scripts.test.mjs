// Every script a news site publishes in: one sentence of news in 19 languages and 17
// scripts with emoji (the shared corpus's scripts/city-council.txt) drawn by the canvas
// through the browser's own text engine — no missing-glyph boxes, colour emoji in colour,
// and screenshots at two pixel ratios to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, open, waitForCanvas, settle, artifact, sharedDir, missingGlyphs } from './harness.mjs';
import { decodePng } from './png.mjs';

const SCRIPTS = readFileSync(join(sharedDir, 'corpus/scripts/city-council.txt'), 'utf8');
// One more ZWJ sequence and a keycap than the corpus has.
const TEXT = `${SCRIPTS.trimEnd()}\n\nAlso: 👩🏽‍💻 files the story at 9️⃣ 🇷🇸.\n`;

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function showScripts(dpr) {
  const opened = await open(env, 'app/', { width: 1100, height: 1900, dpr });
  await waitForCanvas(opened.page);
  await opened.page.evaluate((t) => window.Scholion.instances[0].debug.loadPlainText(t, 'urn:test:scripts'), TEXT);
  // Without the list beside it, the canvas is wide enough for the whole sentence per line.
  await opened.page.evaluate(() => window.Scholion.instances[0].debug.annotator.showList?.(false));
  await opened.page.evaluate(() => window.Scholion.instances[0].debug.fontsReady());
  await settle(opened.page);
  return opened;
}

// Pixels of `image` (device pixels) inside the CSS rectangle r of the canvas whose
// channels differ by more than 80: colour, not grey or black ink.
function saturated(image, r, dpr) {
  let n = 0;
  for (let y = Math.floor(r.y * dpr); y < Math.ceil((r.y + r.height) * dpr); y++) {
    for (let x = Math.floor(r.x * dpr); x < Math.ceil((r.x + r.width) * dpr); x++) {
      if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
      const d = (y * image.width + x) * 4;
      const [red, green, blue] = image.data.subarray(d, d + 3);
      if (Math.max(red, green, blue) - Math.min(red, green, blue) > 80) n++;
    }
  }
  return n;
}

for (const dpr of [1, 2]) {
  test(`every script of the scripts document is drawn without missing glyphs at devicePixelRatio ${dpr}`, async () => {
    const { page, context, errors } = await showScripts(dpr);
    try {
      const png = await page.locator('canvas').screenshot({ path: artifact(`scripts-dpr${dpr}.png`) });
      const result = await missingGlyphs(page);
      assert.equal(result.probe, true, 'the check finds the box of an unassigned code point');
      const texts = (await page.evaluate(() => window.Scholion.instances[0].debug.visibleRuns())).map((r) => r.text).join(' ');
      // The whole document is on screen, first line to last.
      for (const word of ['English:', 'العربية:', 'हिन्दी:', 'ไทย:', 'አማርኛ:', 'Emoji:', '👩🏽‍💻']) {
        assert.ok(texts.includes(word), `"${word}" is drawn`);
      }
      assert.deepEqual(result.missing, [], 'clusters drawn as boxes');
      assert.deepEqual(result.noInk, [], 'runs with no rasterised ink');
      assert.ok(result.runs > 150, `${result.runs} runs`);
      assert.equal(decodePng(png).width, await page.evaluate(() => window.Scholion.instances[0].debug.canvas.canvas.width));
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('colour emoji keep their colours: flags and ZWJ sequences are not tinted', async () => {
  const dpr = 2;
  const { page, context, errors } = await showScripts(dpr);
  try {
    const image = decodePng(await page.locator('canvas').screenshot());
    const runs = await page.evaluate(() => window.Scholion.instances[0].debug.visibleRuns());
    for (const emoji of ['🇷🇸', '👩🏽‍💻', '🏳️‍🌈']) {
      const run = runs.find((r) => r.text.includes(emoji) && [...r.text].length <= [...emoji].length + 1);
      assert.ok(run, `${emoji} is drawn as a run of its own`);
      assert.equal(run.colour, true, `${emoji} is rasterised as a colour run`);
      const n = saturated(image, run, dpr);
      assert.ok(n > 40 * dpr * dpr, `${emoji}: only ${n} saturated pixels`);
    }
    // Plain text next to them is ink, not colour.
    const plain = runs.find((r) => r.text === 'English:');
    assert.equal(saturated(image, plain, dpr), 0, 'black text has no colour pixels');
    const stats = await page.evaluate(() => window.Scholion.instances[0].debug.glyphStats());
    assert.equal(stats.texture_bytes, 2048 * 2048 * 4);
    assert.ok(stats.entries > 100 && stats.rasterised >= stats.entries - 50, JSON.stringify(stats));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a full glyph atlas empties its least recently drawn shelves and keeps drawing', async () => {
  const { page, context, errors } = await open(env, 'app/', { width: 1000, height: 900, dpr: 2 });
  try {
    await waitForCanvas(page);
    const moby = readFileSync(join(sharedDir, 'corpus/texts/long/moby-dick-pg2701.txt'), 'utf8').slice(0, 400000);
    await page.evaluate((t) => window.Scholion.instances[0].debug.loadPlainText(t, 'urn:test:moby'), moby);
    await settle(page);
    // Jump through the book a screen at a time until shelves had to be emptied.
    const length = (await page.evaluate(() => window.Scholion.instances[0].debug.documentSummary())).length;
    let stats;
    for (let at = 0; at < length; at += 2500) {
      await page.evaluate((cp) => window.Scholion.instances[0].debug.scrollToPosition(cp), at);
      await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
      stats = await page.evaluate(() => window.Scholion.instances[0].debug.glyphStats());
      if (stats.shelves_emptied > 4) break;
    }
    assert.ok(stats.shelves_emptied > 4, `shelves emptied: ${JSON.stringify(stats)}`);
    assert.equal(stats.texture_bytes, 16 * 1024 * 1024, 'the atlas stays within its budget');
    await settle(page);
    const result = await missingGlyphs(page);
    assert.deepEqual(result.noInk, [], 'every run on screen is in the atlas');
    assert.deepEqual(result.missing, []);
    const png = decodePng(await page.locator('canvas').screenshot({ path: artifact('atlas-after-eviction.png') }));
    assert.ok(png.width > 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
