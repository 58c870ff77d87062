// Storage in a real browser: highlights survive reloads and other tabs, corrupt data is
// set aside and never overwritten, and a full storage is shown without losing anything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, waitForCanvas, settle, artifact, rangeOf } from './harness.mjs';
import { decodePng } from './png.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const NEWS = 'examples/news/';
const DOC_KEY = 'scholion:doc:https://news.example.org/2023/06/nato-stoltenberg-vucic';
const scholion = (page, fn, arg) => page.evaluate(fn, arg);

function storedAnnotations(page) {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw ? JSON.parse(raw) : null;
  }, DOC_KEY);
}

test('a highlight survives a reload, in storage and on screen', async () => {
  const { page, context, errors } = await open(env, NEWS, { dpr: 2 });
  try {
    await waitForCanvas(page);
    const quote = 'KFOR has deployed 500 additional troops to Kosovo';
    const { start, end } = await rangeOf(page, quote);
    await scholion(page, ([s, e]) => window.Scholion.instances[0].debug.canvas.highlight(s, e, 'yellow'), [start, end]);
    assert.equal(await scholion(page, () => window.Scholion.instances[0].debug.canvas.flush()), true);
    const stored = await storedAnnotations(page);
    assert.equal(stored.schema, 1);
    assert.equal(stored.annotations.length, 1);
    assert.equal(stored.annotations[0].quote.exact ?? stored.annotations[0].exact, quote);

    await page.reload();
    await waitForCanvas(page);
    assert.equal(await scholion(page, () => window.Scholion.instances[0].debug.canvas.annotationCount()), 1);
    const image = decodePng(await page.locator('canvas').screenshot({ path: artifact('highlight-after-reload-dpr2.png') }));
    let yellow = 0;
    for (let i = 0; i < image.data.length; i += 4) {
      const [r, g, b] = [image.data[i], image.data[i + 1], image.data[i + 2]];
      if (r > 230 && g > 200 && b < 170) yellow++;
    }
    assert.ok(yellow > 2000, `${yellow} highlight-coloured pixels`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('two tabs each add a highlight and both survive', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 800 } });
  try {
    const [a, b] = [await context.newPage(), await context.newPage()];
    for (const p of [a, b]) {
      await p.goto(env.url + NEWS);
      await waitForCanvas(p);
    }
    const first = await rangeOf(a, 'tensions in northern Kosovo');
    const second = await rangeOf(b, 'engage constructively in the EU-facilitated dialogue');
    await scholion(a, ([s, e]) => { window.Scholion.instances[0].debug.canvas.highlight(s, e, 'green'); window.Scholion.instances[0].debug.canvas.flush(); }, [first.start, first.end]);
    await scholion(b, ([s, e]) => { window.Scholion.instances[0].debug.canvas.highlight(s, e, 'blue'); window.Scholion.instances[0].debug.canvas.flush(); }, [second.start, second.end]);
    // Each tab hears the other's write through the storage event and merges it.
    for (const p of [a, b]) {
      await p.waitForFunction(() => window.Scholion.instances[0].debug.canvas.annotationCount() === 2);
      await p.evaluate(() => window.Scholion.instances[0].debug.canvas.flush());
    }
    const stored = await storedAnnotations(a);
    assert.equal(stored.annotations.length, 2);
    await b.reload();
    await waitForCanvas(b);
    assert.equal(await scholion(b, () => window.Scholion.instances[0].debug.canvas.annotationCount()), 2);
  } finally {
    await context.close();
  }
});

test('corrupt stored data is set aside with its bytes, and new highlights still work', async () => {
  const { page, context } = await open(env, NEWS);
  try {
    const corrupt = '{"schema": 1, "annotations": [ this is not JSON';
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DOC_KEY, corrupt]);
    await page.reload();
    await waitForCanvas(page);
    const notice = await scholion(page, () => window.Scholion.instances[0].debug.notice());
    assert.match(notice ?? '', /could not be read/);
    const backups = await page.evaluate(() => Object.keys(localStorage)
      .filter((k) => k.startsWith('scholion:backup:')).map((k) => [k, localStorage.getItem(k)]));
    assert.equal(backups.length, 1);
    assert.equal(backups[0][1], corrupt, 'the backup holds the original bytes');
    await page.locator('canvas').screenshot({ path: artifact('corrupt-storage-notice.png') });

    const { start, end } = await rangeOf(page, 'Serbia is a long-standing partner of NATO');
    await scholion(page, ([s, e]) => window.Scholion.instances[0].debug.canvas.highlight(s, e, 'pink'), [start, end]);
    assert.equal(await scholion(page, () => window.Scholion.instances[0].debug.canvas.flush()), true);
    assert.equal((await storedAnnotations(page)).annotations.length, 1);
  } finally {
    await context.close();
  }
});

test('a full storage is shown, nothing is lost, and saving resumes when there is room', async () => {
  const { page, context } = await open(env, NEWS);
  try {
    await waitForCanvas(page);
    await page.evaluate(() => {
      window.__realSetItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const one = await rangeOf(page, 'This is unacceptable');
    await scholion(page, ([s, e]) => window.Scholion.instances[0].debug.canvas.highlight(s, e, 'purple'), [one.start, one.end]);
    assert.equal(await scholion(page, () => window.Scholion.instances[0].debug.canvas.flush()), false);
    assert.match(await scholion(page, () => window.Scholion.instances[0].debug.notice()), /storage for this site is full/);
    await settle(page);
    const image = decodePng(await page.locator('canvas').screenshot({ path: artifact('storage-full-notice.png') }));
    // The notice bar is drawn at the top of the canvas in dark red.
    const d = (20 * image.width + Math.floor(image.width / 2)) * 4;
    assert.ok(image.data[d] > 100 && image.data[d + 1] < 60, 'the notice bar is visible');
    assert.equal(await scholion(page, () => window.Scholion.instances[0].debug.canvas.annotationCount()), 1);

    await page.evaluate(() => { Storage.prototype.setItem = window.__realSetItem; });
    const two = await rangeOf(page, 'welcome again Mr President');
    await scholion(page, ([s, e]) => window.Scholion.instances[0].debug.canvas.highlight(s, e, 'yellow'), [two.start, two.end]);
    assert.equal(await scholion(page, () => window.Scholion.instances[0].debug.canvas.flush()), true);
    assert.equal(await scholion(page, () => window.Scholion.instances[0].debug.notice()), null);
    assert.equal((await storedAnnotations(page)).annotations.length, 2);
  } finally {
    await context.close();
  }
});

test('overlapping highlights stay visible (screenshot at DPR 2)', async () => {
  const { page, context } = await open(env, NEWS, { dpr: 2 });
  try {
    await waitForCanvas(page);
    const a = await rangeOf(page, 'NATO Secretary General Jens Stoltenberg met President');
    const b = await rangeOf(page, 'Jens Stoltenberg met President Aleksandar Vučić of Serbia');
    await scholion(page, ([r1, r2]) => {
      const s = window.Scholion.instances[0].debug.canvas;
      s.highlight(r1.start, r1.end, 'yellow');
      s.highlight(r2.start, r2.end, 'blue');
    }, [a, b]);
    await settle(page);
    await page.locator('canvas').screenshot({ path: artifact('overlapping-highlights-dpr2.png') });
    assert.equal(await scholion(page, () => window.Scholion.instances[0].debug.canvas.annotationCount()), 2);
  } finally {
    await context.close();
  }
});
