// Reading and highlighting with real input in a real browser: mouse drags and clicks,
// double-click, keyboard, touch long-press and handles, the toolbar, and the host
// page's own inputs left alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, waitForCanvas, settle, artifact, rangeOf, touchscreen } from './harness.mjs';
import { decodePng } from './png.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const NEWS = 'examples/news/';
const call = (page, fn, arg) => page.evaluate(fn, arg);

// Page coordinates of the left edge of code point `from` and the right edge of `to - 1`,
// at mid-line height.
async function ends(page, { start, end }) {
  return page.evaluate(([s, e]) => {
    const inst = window.Scholion.instances[0].debug.canvas;
    const box = inst.canvas.getBoundingClientRect();
    const a = inst.rangeRect(s, s + 1);
    const b = inst.rangeRect(e - 1, e);
    return { from: { x: box.left + a.x + 1, y: box.top + a.y + a.height / 2 },
             to: { x: box.left + b.x + b.width - 1, y: box.top + b.y + b.height / 2 },
             mid: { x: box.left + a.x + a.width / 2, y: box.top + a.y + a.height / 2 } };
  }, [start, end]);
}

const selection = (page) => call(page, () => window.Scholion.instances[0].debug.canvas.selection());

test('drag-select a sentence with the mouse, highlight it from the toolbar, and find it after a reload', async () => {
  const { page, context, errors } = await open(env, NEWS);
  try {
    await waitForCanvas(page);
    const quote = 'He underlined that all parties must prevent any renewed escalation';
    const range = await rangeOf(page, quote);
    const p = await ends(page, range);
    await page.mouse.move(p.from.x, p.from.y);
    await page.mouse.down();
    await page.mouse.move((p.from.x + p.to.x) / 2, p.to.y, { steps: 4 });
    await page.mouse.move(p.to.x, p.to.y, { steps: 4 });
    await page.mouse.up();
    assert.equal((await selection(page)).text, quote);

    await settle(page);
    const bar = await call(page, () => window.Scholion.instances[0].debug.toolbarRect());
    assert.ok(bar, 'the toolbar is shown next to the selection');
    const box = await page.locator('canvas').boundingBox();
    assert.ok(bar.y + bar.height <= (await ends(page, range)).from.y - box.y, 'the toolbar sits above the selection');
    await page.mouse.click(box.x + bar.x + 18, box.y + bar.y + 18);  // the first swatch: yellow
    await page.waitForFunction(() => window.Scholion.instances[0].debug.canvas.annotationCount() === 1);
    const [stored] = await call(page, () => window.Scholion.instances[0].debug.canvas.annotations());
    assert.equal(stored.quote.exact, quote);
    assert.equal(stored.color, 'yellow');
    assert.equal(await call(page, () => window.Scholion.instances[0].debug.canvas.flush()), true);

    await page.reload();
    await waitForCanvas(page);
    const after = await call(page, () => window.Scholion.instances[0].debug.canvas.annotations());
    assert.equal(after.length, 1);
    assert.equal(after[0].quote.exact, quote);
    // The pixels under the quote are highlight-coloured.
    const q = await ends(page, range);
    await settle(page);
    const image = decodePng(await page.screenshot({ path: artifact('drag-highlight-reload.png') }));
    const d = (Math.round(q.from.y - 8) * image.width + Math.round(q.from.x + 4)) * 4;
    const [r, g, b] = [image.data[d], image.data[d + 1], image.data[d + 2]];
    assert.ok(r > 220 && g > 190 && b < 180, `yellow under the quote, got rgb(${r}, ${g}, ${b})`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('double-click selects exactly one word; a click on a highlight selects it', async () => {
  const { page, context } = await open(env, NEWS);
  try {
    await waitForCanvas(page);
    const range = await rangeOf(page, 'peacekeepers');
    const p = await ends(page, range);
    await page.mouse.dblclick(p.mid.x + 20, p.mid.y);
    assert.equal((await selection(page)).text, 'peacekeepers');

    await page.keyboard.press('3');  // highlight in the third colour
    await page.waitForFunction(() => window.Scholion.instances[0].debug.canvas.annotationCount() === 1);
    const [a] = await call(page, () => window.Scholion.instances[0].debug.canvas.annotations());
    assert.equal(a.color, 'blue');
    const far = await ends(page, await rangeOf(page, 'Belgrade and Pristina'));
    await page.mouse.click(far.mid.x, far.mid.y);
    assert.equal((await selection(page)).annotation, null);
    await page.mouse.click(p.mid.x + 20, p.mid.y);
    await page.waitForTimeout(500);  // not a double click
    assert.equal((await selection(page)).annotation, a.id);
  } finally {
    await context.close();
  }
});

test('keyboard: Shift+arrows select, H highlights, Delete removes, Ctrl+Z brings it back', async () => {
  const { page, context } = await open(env, NEWS);
  try {
    await waitForCanvas(page);
    const range = await rangeOf(page, 'Kosovo and stands ready');
    const p = await ends(page, range);
    await page.mouse.click(p.from.x, p.from.y);  // focus, caret before "Kosovo"
    for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
    assert.equal((await selection(page)).text, 'Kosovo');
    await page.keyboard.press('Control+Shift+ArrowRight');
    assert.equal((await selection(page)).text, 'Kosovo and');
    await page.keyboard.press('h');
    assert.equal(await call(page, () => window.Scholion.instances[0].debug.canvas.annotationCount()), 1);
    await page.keyboard.press('Delete');
    assert.equal(await call(page, () => window.Scholion.instances[0].debug.canvas.annotationCount()), 0);
    await page.keyboard.press('Control+z');
    assert.equal(await call(page, () => window.Scholion.instances[0].debug.canvas.annotationCount()), 1);
    await page.keyboard.press('Control+Shift+z');
    assert.equal(await call(page, () => window.Scholion.instances[0].debug.canvas.annotationCount()), 0);
  } finally {
    await context.close();
  }
});

test('touch: a long press selects a word and the end handle extends it', async () => {
  const context = await env.browser.newContext({ viewport: { width: 900, height: 800 }, hasTouch: true, isMobile: false });
  const page = await context.newPage();
  try {
    await page.goto(env.url + NEWS);
    await waitForCanvas(page);
    const touch = await touchscreen(context, page);
    const word = await ends(page, await rangeOf(page, 'unacceptable, underlining'));
    await touch('touchStart', word.mid.x + 10, word.mid.y);
    await page.waitForTimeout(800);
    await touch('touchEnd');
    assert.equal((await selection(page)).text, 'unacceptable');
    await settle(page);
    await page.screenshot({ path: artifact('touch-selection-handles.png') });

    // The end handle hangs below the selection's last character.
    const sel = await selection(page);
    const end = await ends(page, { start: Math.max(sel.anchor, sel.head) - 1, end: Math.max(sel.anchor, sel.head) });
    const handle = { x: end.to.x + 1, y: end.to.y + 22 };
    const target = await ends(page, await rangeOf(page, 'underlining'));
    await touch('touchStart', handle.x, handle.y);
    await touch('touchMove', (handle.x + target.to.x) / 2, target.to.y + 22);
    await touch('touchMove', target.to.x + 1, target.to.y + 22);
    await touch('touchEnd');
    assert.equal((await selection(page)).text, 'unacceptable, underlining');
  } finally {
    await context.close();
  }
});

test('Copy quote puts the quote and a citation on the clipboard', async () => {
  const { page, context } = await open(env, NEWS);
  try {
    await waitForCanvas(page);
    const quote = 'NATO has increased its presence';
    await call(page, ([r]) => window.Scholion.instances[0].debug.canvas.select(r.start, r.end), [await rangeOf(page, quote)]);
    await settle(page);
    const bar = await call(page, () => window.Scholion.instances[0].debug.toolbarRect());
    const box = await page.locator('canvas').boundingBox();
    // "Copy quote", right of the five swatches.
    const copy = bar.buttons.find((b) => b.label === 'Copy quote');
    await page.mouse.click(box.x + copy.x + copy.width / 2, box.y + copy.y + copy.height / 2);
    await page.waitForFunction(() => window.Scholion.instances[0].debug.lastCopied() !== null);
    const copied = await call(page, () => window.Scholion.instances[0].debug.lastCopied());
    assert.match(copied, /NATO has increased its presence/);
    assert.match(copied, /NATO Secretary General with the President of Serbia/);
    assert.match(copied, /nato-stoltenberg-vucic/);
  } finally {
    await context.close();
  }
});

test('the host page keeps its keys: typing in its comment box creates nothing', async () => {
  const { page, context } = await open(env, NEWS);
  try {
    await waitForCanvas(page);
    await call(page, ([r]) => window.Scholion.instances[0].debug.canvas.select(r.start, r.end), [await rangeOf(page, 'Serbia is a long-standing partner')]);
    const box = page.locator('textarea[name=comment]');
    await box.click();
    await page.keyboard.type('Great hhh 123');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Tab');
    assert.equal(await call(page, () => window.Scholion.instances[0].debug.canvas.annotationCount()), 0);
    assert.equal(await call(page, () => document.activeElement.name), 'name', 'Tab moved to the next field');
    const value = await box.inputValue();
    assert.ok(value.startsWith('Great'), `the comment box kept its text: "${value}"`);
  } finally {
    await context.close();
  }
});

test('idle with a selection and highlights on screen: no frames', async () => {
  const { page, context } = await open(env, NEWS);
  try {
    await waitForCanvas(page);
    const r1 = await rangeOf(page, 'Our mission there is based on a UN mandate');
    const r2 = await rangeOf(page, 'We conduct our mission there');
    await call(page, ([a, b]) => {
      const s = window.Scholion.instances[0].debug.canvas;
      s.highlight(a.start, a.end, 'green');
      s.select(b.start, b.end);
    }, [r1, r2]);
    await settle(page);
    const before = await call(page, () => window.Scholion.instances[0].debug.frameCount());
    await page.waitForTimeout(1000);
    assert.equal(await call(page, () => window.Scholion.instances[0].debug.frameCount()), before);
  } finally {
    await context.close();
  }
});

test('dragging the scrollbar scrolls the text; the wheel scrolls and then lets the page scroll', async () => {
  const { page, context } = await open(env, NEWS, { width: 1200, height: 500 });
  try {
    await waitForCanvas(page);
    const box = await page.locator('canvas').boundingBox();
    const scroll = () => page.evaluate(() => window.Scholion.instances[0].debug.scroll());
    assert.equal(await scroll(), 0);
    await page.mouse.move(box.x + box.width - 5, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 5, box.y + box.height - 5, { steps: 5 });
    await page.mouse.up();
    const bottom = await scroll();
    assert.ok(bottom > 200, `scrolled to ${bottom}`);
    assert.equal((await selection(page)).text, '', 'no text was selected');

    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -150);
    await page.waitForFunction((b) => window.Scholion.instances[0].debug.scroll() < b, bottom);
  } finally {
    await context.close();
  }
});
