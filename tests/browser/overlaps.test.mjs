// Overlapping annotations stay reachable: a click where several overlap offers a chooser,
// and Tab / Shift+Tab walk every annotation in document order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, waitForCanvas, settle, artifact, rangeOf } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const NEWS = 'examples/news/';
const canvasOf = (page, fn, arg) => page.evaluate(([f, a]) => {
  const c = window.Scholion.instances[0].debug.canvas;
  return new Function('c', 'a', `return (${f})(c, a)`)(c, a);
}, [fn.toString(), arg]);

// Two highlights: a sentence, and a phrase inside it; returns their ids, outer first.
async function overlapping(page) {
  const outer = await rangeOf(page, 'He underlined that all parties must prevent any renewed escalation');
  const inner = await rangeOf(page, 'all parties must prevent');
  await canvasOf(page, (c, [o, i]) => { c.highlight(o.start, o.end, 'yellow'); c.highlight(i.start, i.end, 'blue'); },
                 [outer, inner]);
  const all = await canvasOf(page, (c) => c.annotations());
  assert.equal(all.length, 2);
  const id = (r) => all.find((a) => a.start === r.start && a.end === r.end).id;
  return { outer, inner, outerId: id(outer), innerId: id(inner) };
}

async function pointAt(page, cp) {
  return canvasOf(page, (c, p) => {
    const box = c.canvas.getBoundingClientRect();
    const r = c.rangeRect(p, p + 1);
    return { x: box.left + r.x + r.width / 2, y: box.top + r.y + r.height / 2 };
  }, cp);
}

test('a click where two highlights overlap opens a chooser; each can be chosen', async () => {
  const { page, context, errors } = await open(env, NEWS);
  try {
    await waitForCanvas(page);
    const { inner, outerId, innerId } = await overlapping(page);
    const p = await pointAt(page, inner.start + 3);
    await page.mouse.click(p.x, p.y);
    await settle(page);
    const chooser = await canvasOf(page, (c) => c.chooser());
    assert.ok(chooser, 'the chooser is shown');
    assert.deepEqual(chooser.items.map((i) => i.id).sort(), [outerId, innerId].sort());
    assert.equal((await canvasOf(page, (c) => c.selection())).annotation, innerId, 'the innermost is selected first');
    await page.screenshot({ path: artifact('overlap-chooser.png') });

    const box = await page.locator('canvas').boundingBox();
    const item = chooser.items.find((i) => i.id === outerId);
    await page.mouse.click(box.x + item.x + item.width / 2, box.y + item.y + item.height / 2);
    await settle(page);
    assert.equal((await canvasOf(page, (c) => c.selection())).annotation, outerId, 'the outer one, chosen');
    assert.equal(await canvasOf(page, (c) => c.chooser()), null, 'the chooser closes after a choice');

    // Opened again, a click outside the overlap closes it and opens no other.
    await page.mouse.click(p.x, p.y);
    await settle(page);
    assert.ok(await canvasOf(page, (c) => c.chooser()), 'open again');
    const outside = await pointAt(page, (await rangeOf(page, 'peacekeepers')).start + 2);
    await page.mouse.click(outside.x, outside.y);
    await settle(page);
    assert.equal(await canvasOf(page, (c) => c.chooser()), null, 'a click elsewhere closes it');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('Tab and Shift+Tab walk overlapping annotations in document order, then leave the canvas', async () => {
  const { page, context, errors } = await open(env, NEWS);
  try {
    await waitForCanvas(page);
    const { outerId, innerId, outer } = await overlapping(page);
    await canvasOf(page, (c, p) => { c.select(p, p); c.canvas.focus(); }, outer.start);
    await page.keyboard.press('Tab');
    assert.equal((await canvasOf(page, (c) => c.selection())).annotation, outerId);
    await page.keyboard.press('Tab');
    assert.equal((await canvasOf(page, (c) => c.selection())).annotation, innerId);
    await page.keyboard.press('Shift+Tab');
    assert.equal((await canvasOf(page, (c) => c.selection())).annotation, outerId);
    // Past the last annotation Tab is the browser's again: focus leaves the canvas.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focusedIsCanvas = await canvasOf(page, (c) => c.canvas.getRootNode().activeElement === c.canvas);
    assert.equal(focusedIsCanvas, false, 'focus moved on past the last annotation');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
