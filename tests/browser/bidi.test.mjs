// Right-to-left text and line breaking in every script, side by side with the browser:
// the canvas's layout (the core's UAX #9 and UAX #14, Intl.Segmenter for Thai) against
// the same text set as DOM text in the same font and width, and a reader's double-click,
// drag and H on an Arabic line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, open, waitForCanvas, settle, artifact, sharedDir } from './harness.mjs';
import { decodePng } from './png.mjs';

// "Language: sentence" lines (the colon full-width after Chinese and Japanese).
const SENTENCES = Object.fromEntries(readFileSync(join(sharedDir, 'corpus/scripts/city-council.txt'), 'utf8')
  .split('\n').map((l) => l.match(/^([^:：]+)[:：](.*)$/)).filter(Boolean).map((m) => [m[1], m[2].trim()]));

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Shows one paragraph (no title) on the standalone page's canvas. */
async function showParagraph(page, text, id) {
  await page.evaluate(async ([t, i]) => {
    const debug = window.Scholion.instances[0].debug;
    await debug.loadDocument({ id: i, title: '', blocks: [{ kind: 'paragraph', level: 0, text: t }] });
    await debug.fontsReady();
  }, [text, id]);
  await settle(page);
}

async function openApp(width = 1100) {
  const opened = await open(env, 'app/', { width, height: 900 });
  await waitForCanvas(opened.page);
  await opened.page.evaluate(() => window.Scholion.instances[0].debug.annotator.showList?.(false));
  await settle(opened.page);
  return opened;
}

/**
 * The code point offsets at which the browser starts each line of `text` set in a DOM
 * block of `width` CSS pixels in `font`, direction from the text (dir="auto").
 */
async function domLineStarts(page, text, font, width) {
  return page.evaluate(([t, f, w]) => {
    const div = document.createElement('div');
    div.dir = 'auto';
    div.style.cssText = `position:absolute;left:0;top:0;width:${w}px;font:${f};white-space:normal;` +
                        'overflow-wrap:break-word;line-height:2;visibility:hidden';
    div.textContent = t;
    document.body.append(div);
    const node = div.firstChild;
    const range = document.createRange();
    const starts = [0];
    let top = null;
    let cp = 0;
    for (let u = 0; u < t.length; cp++) {
      const n = t.codePointAt(u) > 0xFFFF ? 2 : 1;
      range.setStart(node, u);
      range.setEnd(node, u + n);
      const rect = [...range.getClientRects()].find((r) => r.width > 0);
      if (rect && !/\s/.test(t[u])) {
        if (top !== null && rect.top > top + rect.height / 2) starts.push(cp);
        top = rect.top;
      }
      u += n;
    }
    div.remove();
    return starts;
  }, [text, font, width]);
}

// Several sentences, so that each sample runs over a few lines of the narrow canvas.
const SAMPLES = {
  Latin: `${SENTENCES.English} ${SENTENCES.English} ${SENTENCES.English} ${SENTENCES.English}`,
  Arabic: `${SENTENCES['العربية']} ${SENTENCES['العربية']} ${SENTENCES['العربية']} ${SENTENCES['العربية']}`,
  Chinese: SENTENCES['中文（简体）'].repeat(4),
  Thai: `${SENTENCES['ไทย']}${SENTENCES['ไทย']} ${SENTENCES['ไทย']}`,
};

for (const [name, text] of Object.entries(SAMPLES)) {
  test(`${name} breaks into the same lines on the canvas as in the browser's own layout`, async () => {
    const { page, context, errors } = await openApp(520);
    try {
      await showParagraph(page, text, `urn:test:lines-${name}`);
      const { lines, column } = await page.evaluate(() => window.Scholion.instances[0].debug.layoutLines());
      const font = (await page.evaluate(() => window.Scholion.instances[0].debug.fonts()))[0];
      assert.ok(lines.length >= 2, `${lines.length} lines`);
      const canvasStarts = lines.map((l) => l.start);
      const domStarts = await domLineStarts(page, text, font, column.width);
      await page.locator('canvas').screenshot({ path: artifact(`lines-${name}.png`) });
      assert.deepEqual(canvasStarts, domStarts, `line starts (code points) in ${font}, ${column.width}px`);
      if (name === 'Arabic') {
        for (const l of lines) {
          assert.equal(l.rtl, true);
          assert.ok(Math.abs(l.x + l.width - (column.left + column.width)) < 0.5, 'right-aligned');
        }
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('double-clicking the rightmost word of an Arabic line and pressing H highlights its first word', async () => {
  const { page, context, errors } = await openApp();
  try {
    const text = SENTENCES['العربية'];
    await showParagraph(page, text, 'urn:test:arabic-line');
    const runs = await page.evaluate(() => window.Scholion.instances[0].debug.visibleRuns());
    const words = runs.filter((r) => r.text.trim());
    const rightmost = words.reduce((a, b) => (b.x > a.x ? b : a));
    const box = await page.locator('canvas').boundingBox();
    await page.mouse.dblclick(box.x + rightmost.x + rightmost.width / 2, box.y + rightmost.y + rightmost.height / 2);
    await settle(page);
    await page.keyboard.press('h');
    await settle(page);
    const annotations = await page.evaluate(() => window.Scholion.instances[0].debug.annotations());
    assert.equal(annotations.length, 1);
    assert.equal(annotations[0].start, 0);
    assert.equal(annotations[0].quote.exact, text.split(' ')[0]);
    await page.locator('canvas').screenshot({ path: artifact('arabic-first-word.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a drag across an Arabic line with a Latin name selects what the browser selects', async () => {
  const { page, context, errors } = await openApp();
  try {
    // "The NATO Secretary General said today" in Arabic, with the Latin name inside.
    const text = 'قال الأمين العام لحلف NATO ينس ستولتنبرغ اليوم';
    await showParagraph(page, text, 'urn:test:arabic-drag');
    const runs = await page.evaluate(() => window.Scholion.instances[0].debug.visibleRuns());
    const run = (t) => runs.find((r) => r.text === t);
    const box = await page.locator('canvas').boundingBox();
    // From just inside the right edge of "العام" (third word: before its first letter) to
    // just inside the left edge of "ينس" (after its last).
    const from = run('العام'), to = run('ينس');
    const y = box.y + from.y + from.height / 2;
    await page.mouse.move(box.x + from.x + from.width - 1, y);
    await page.mouse.down();
    await page.mouse.move(box.x + to.x + 1, y, { steps: 8 });
    await page.mouse.up();
    await settle(page);
    const canvasQuote = (await page.evaluate(() => window.Scholion.instances[0].debug.selection())).text;

    // The same gesture over the same text laid out by the browser.
    const font = (await page.evaluate(() => window.Scholion.instances[0].debug.fonts()))[0];
    const domQuote = await page.evaluate(async ([t, f]) => {
      const div = document.createElement('div');
      div.dir = 'auto';
      div.style.cssText = `position:fixed;left:0;top:0;width:1000px;font:${f};background:#fff;z-index:99999`;
      div.textContent = t;
      document.body.append(div);
      const node = div.firstChild;
      const wordRect = (w) => {
        const range = document.createRange();
        const at = t.indexOf(w);
        range.setStart(node, at);
        range.setEnd(node, at + w.length);
        return range.getBoundingClientRect();
      };
      const a = wordRect('العام'), b = wordRect('ينس');
      return { a: { x: a.right - 1, y: (a.top + a.bottom) / 2 }, b: { x: b.left + 1, y: (b.top + b.bottom) / 2 } };
    }, [text, font]).then(async ({ a, b }) => {
      await page.mouse.move(a.x, a.y);
      await page.mouse.down();
      await page.mouse.move(b.x, b.y, { steps: 8 });
      await page.mouse.up();
      return page.evaluate(() => window.getSelection().toString());
    });
    assert.ok(canvasQuote.includes('NATO'), `the canvas selected "${canvasQuote}"`);
    assert.equal(canvasQuote, domQuote);
    assert.equal(canvasQuote, 'العام لحلف NATO ينس');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a note in Arabic reads right to left in its card in the margin', async () => {
  const { page, context, errors } = await openApp(1280);
  try {
    await showParagraph(page, SAMPLES.Latin, 'urn:test:arabic-note');
    await page.evaluate(() => {
      const debug = window.Scholion.instances[0].debug;
      debug.highlight(4, 16);
      const [a] = debug.annotations();
      debug.saveNote(a.id, 'ملاحظة **مهمة** عن الميزانية الجديدة', []);
    });
    await settle(page);
    const cards = await page.evaluate(() => window.Scholion.instances[0].debug.noteCards());
    assert.equal(cards.length, 1);
    await page.locator('canvas').screenshot({ path: artifact('note-card-arabic.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a highlight across a direction boundary covers its own letters only, in separate rectangles', async () => {
  const { page, context, errors } = await openApp();
  try {
    // Logical "one אבג דהו two": the highlight "e א" runs from the Latin word into the
    // Hebrew, whose first letter is drawn at the right end of the Hebrew words.
    const text = 'one אבג דהו two';
    await showParagraph(page, text, 'urn:test:mixed-highlight');
    await page.evaluate(() => window.Scholion.instances[0].debug.highlight(2, 5));
    await page.evaluate(() => window.Scholion.instances[0].debug.select(0, 0));
    await settle(page);
    const range = await page.evaluate(() => window.Scholion.instances[0].debug.rangeRect(2, 5));
    assert.equal(range.rects.length, 2, 'two pieces on one line');
    const [left, right] = range.rects;
    assert.ok(right.x > left.x + left.width + 5, 'with unhighlighted letters between them');
    const image = decodePng(await page.locator('canvas').screenshot({ path: artifact('mixed-highlight.png') }));
    // Near the top of the line box, above the letters: yellow where highlighted, paper between.
    const yellow = (x) => {
      const d = (Math.round(left.y + 2) * image.width + Math.round(x)) * 4;
      const [r, g, b] = image.data.subarray(d, d + 3);
      return r > 200 && g > 170 && b < 170;
    };
    assert.ok(yellow(left.x + left.width / 2), 'the Latin piece is highlighted');
    assert.ok(yellow(right.x + right.width / 2), 'the Hebrew letter is highlighted');
    assert.ok(!yellow((left.x + left.width + right.x) / 2), 'the letters between are not');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
