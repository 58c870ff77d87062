// Notes: written in a real <textarea> over the canvas, saved with Ctrl+Enter or on blur,
// cancelled with Escape, shown as cards in the margin on wide layouts and in a bottom
// sheet on phones; the `?` overlay; the whole flow by keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, waitForCanvas, settle, artifact, rangeOf, touchscreen, missingGlyphs } from './harness.mjs';
import { decodePng } from './png.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const NEWS = 'examples/news/';
const NOTE = 'Vučić said *this* in Brussels 🇷🇸\n\n- Сербия и Косово\n- see [NATO](https://www.nato.int/) #diplomacy';

const canvasOf = (page, fn, arg) => page.evaluate(([f, a]) => {
  const c = window.Scholion.instances[0].debug?.canvas;
  return new Function('c', 'a', `return (${f})(c, a)`)(c, a);
}, [fn.toString(), arg]);
// The panel's shadow root (embed) holds the editor, the list and the live region.
const inPanel = (page, fn, arg) => page.evaluate(([f, a]) => {
  const inst = window.Scholion.instances[0];
  const root = inst.debug.canvas.canvas.getRootNode();
  return new Function('root', 'inst', 'a', `return (${f})(root, inst, a)`)(root, inst, a);
}, [fn.toString(), arg]);

const editorOpen = (page) => inPanel(page, (root) => {
  const box = root.querySelector('.scholion-note');
  return box ? { sheet: box.classList.contains('sheet'), value: box.querySelector('textarea').value,
                 focused: root.activeElement === box.querySelector('textarea') } : null;
});
// The editor's module arrives the first time a note is wanted: wait for the box.
async function editorArrives(page) {
  await page.waitForFunction(() => window.Scholion.instances[0].debug.canvas.canvas.getRootNode().querySelector('.scholion-note'));
  return editorOpen(page);
}
const liveText = (page) => inPanel(page, (root) => root.querySelector('[aria-live]')?.textContent ?? '');

async function selectQuote(page, quote) {
  const r = await rangeOf(page, quote);
  await canvasOf(page, (c, x) => { c.select(x.start, x.end); c.canvas.focus(); }, r);
  return r;
}

test('a note with non-ASCII text written from the toolbar is in the margin and survives a reload', async () => {
  const { page, context, errors } = await open(env, NEWS, { width: 1400, height: 900 });
  try {
    await waitForCanvas(page);
    const quote = 'He underlined that all parties must prevent any renewed escalation';
    await selectQuote(page, quote);
    await settle(page);
    const bar = await canvasOf(page, (c) => c.toolbarRect());
    const box = await page.locator('canvas').boundingBox();
    // "Note" is the toolbar's last button while no highlight is selected.
    await page.keyboard.press('n');
    assert.ok(await editorArrives(page), 'N opens the editor');
    await page.keyboard.press('Escape');
    assert.equal(await editorOpen(page), null, 'Escape cancels');
    assert.equal(await canvasOf(page, (c) => c.annotationCount()), 0, 'a cancelled note on a selection adds nothing');

    await page.mouse.click(box.x + bar.x + bar.width - 30, box.y + bar.y + bar.height / 2);
    await page.waitForFunction(() => window.Scholion.instances[0].debug.canvas.canvas.getRootNode().querySelector('.scholion-note'));
    const editor = await editorOpen(page);
    assert.ok(editor && editor.focused && !editor.sheet, 'the toolbar\'s Note opens the editor over the canvas, focused');
    await page.keyboard.insertText(NOTE);
    await page.keyboard.press('Control+Enter');
    assert.equal(await editorOpen(page), null, 'Ctrl+Enter saves and closes');
    const [saved] = await canvasOf(page, (c) => c.annotations());
    assert.equal(saved.quote.exact, quote);
    assert.equal(saved.note, NOTE);
    assert.deepEqual(saved.tags, ['diplomacy']);
    await page.waitForFunction(() => /Note saved|Highlight added|Annotation added/.test(
      window.Scholion.instances[0].debug.canvas.canvas.getRootNode().querySelector('[aria-live]').textContent));
    await canvasOf(page, (c) => c.fontsReady());
    await settle(page);
    const cards = await canvasOf(page, (c) => c.noteCards());
    assert.equal(cards.length, 1, 'one card in the margin');
    const line = await canvasOf(page, (c, r) => c.rangeRect(r.start, r.end), await rangeOf(page, quote));
    assert.ok(cards[0].x > line.x + line.width, 'the card is right of the text');
    assert.ok(Math.abs(cards[0].y - line.y) < 40, `the card is level with its highlight (${cards[0].y} vs ${line.y})`);
    await page.screenshot({ path: artifact('note-margin-desktop.png') });

    // Hovering the card emphasises its highlight (an outline), and hovering the highlight
    // emphasises the card (a stronger border). Let go of the selection first: it would
    // emphasise both already.
    await canvasOf(page, (c) => c.select(0, 0));
    await page.mouse.move(box.x + 5, box.y + 5);
    await settle(page);
    const shot = async () => decodePng(await page.screenshot());
    const pixel = (img, x, y) => { const i = (Math.round(y) * img.width + Math.round(x)) * 4; return img.data[i] + img.data[i + 1] + img.data[i + 2]; };
    const lineTop = { x: box.x + line.x + line.width / 2, y: box.y + line.y };
    const cardEdge = { x: box.x + cards[0].x + cards[0].width / 2, y: box.y + cards[0].y + cards[0].height - 0.5 };
    const calm = await shot();
    await page.mouse.move(box.x + cards[0].x + cards[0].width / 2, box.y + cards[0].y + cards[0].height / 2);
    await settle(page);
    const overCard = await shot();
    assert.ok(pixel(overCard, lineTop.x, lineTop.y) < pixel(calm, lineTop.x, lineTop.y) - 60,
              'hovering the card outlines its highlight');
    await page.mouse.move(box.x + line.x + 20, box.y + line.y + line.height / 2);
    await settle(page);
    const overText = await shot();
    assert.ok(pixel(overText, cardEdge.x, cardEdge.y) < pixel(calm, cardEdge.x, cardEdge.y) - 60,
              'hovering the highlight strengthens its card');
    assert.deepEqual((await missingGlyphs(page)).missing, [], 'no text drawn as boxes');
    await canvasOf(page, (c) => c.flush());

    await page.reload();
    await waitForCanvas(page);
    const after = await canvasOf(page, (c) => c.annotations());
    assert.equal(after.length, 1);
    assert.equal(after[0].note, NOTE);
    await canvasOf(page, (c) => c.fontsReady());
    await settle(page);
    assert.equal((await canvasOf(page, (c) => c.noteCards())).length, 1, 'the card is back after the reload');
    await inPanel(page, (root, inst) => inst.debug.annotator.showList(true));  // the list arrives with the drawer
    await page.waitForFunction(() => window.Scholion.instances[0].debug.canvas.canvas.getRootNode().querySelector('.item .note'));
    const listed = await inPanel(page, (root) => [...root.querySelectorAll('.item .note')].map((n) => n.textContent));
    assert.equal(listed.length, 1, 'the annotation list has it');
    assert.ok(listed[0].includes('Vučić') && listed[0].includes('Сербия'), `the list shows the note (${listed[0]})`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('editing a note: a change is saved on blur, Escape keeps the old text, an empty note leaves a highlight; undo restores', async () => {
  const { page, context, errors } = await open(env, NEWS, { width: 1400, height: 900 });
  try {
    await waitForCanvas(page);
    const r = await rangeOf(page, 'peacekeepers');
    await canvasOf(page, (c, x) => { c.highlight(x.start, x.end, 'green'); c.canvas.focus(); }, r);
    const [a] = await canvasOf(page, (c) => c.annotations());
    await canvasOf(page, (c, id) => c.saveNote(id, 'first'), a.id);

    await page.keyboard.press('n');  // the highlight is selected: edit its note
    assert.equal((await editorArrives(page)).value, 'first');
    await page.keyboard.insertText(' and more');
    await page.keyboard.press('Escape');
    assert.equal((await canvasOf(page, (c) => c.annotations()))[0].note, 'first', 'Escape keeps the old note');

    await page.keyboard.press('n');
    await page.keyboard.insertText(' and more');
    await canvasOf(page, (c) => c.canvas.focus());  // leaving the editor saves
    await page.waitForFunction(() => window.Scholion.instances[0].debug.canvas.annotations()[0].note === 'first and more');

    await page.keyboard.press('n');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+Enter');
    const cleared = (await canvasOf(page, (c) => c.annotations()))[0];
    assert.equal(cleared.note, '', 'an empty note leaves a plain highlight');
    assert.equal(cleared.id, a.id);
    await page.keyboard.press('Control+z');
    assert.equal((await canvasOf(page, (c) => c.annotations()))[0].note, 'first and more', 'undo brings the note back');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a new note left by a click elsewhere on the canvas is kept on the text it was begun on', async () => {
  const { page, context, errors } = await open(env, NEWS, { width: 1400, height: 900 });
  try {
    await waitForCanvas(page);
    const r = await selectQuote(page, 'peacekeepers');
    await page.keyboard.press('n');
    await editorArrives(page);
    await page.keyboard.insertText('written, then clicked away');
    const elsewhere = await canvasOf(page, (c, x) => {
      const box = c.canvas.getBoundingClientRect();
      const q = c.rangeRect(x.start, x.end);
      return { x: box.left + q.x + 4, y: box.top + q.y + q.height / 2 };
    }, await rangeOf(page, 'northern Kosovo'));
    await page.mouse.click(elsewhere.x, elsewhere.y);  // the selection moves before the editor saves
    await page.waitForFunction(() => window.Scholion.instances[0].debug.canvas.annotationCount() === 1);
    const [saved] = await canvasOf(page, (c) => c.annotations());
    assert.deepEqual([saved.start, saved.end, saved.note], [r.start, r.end, 'written, then clicked away']);
    assert.equal(await editorOpen(page), null);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('N on text that is exactly an existing highlight edits its note instead of starting another', async () => {
  const { page, context, errors } = await open(env, NEWS, { width: 1400, height: 900 });
  try {
    await waitForCanvas(page);
    const r = await rangeOf(page, 'peacekeepers');
    await canvasOf(page, (c, x) => c.highlight(x.start, x.end, 'pink'), r);
    const [a] = await canvasOf(page, (c) => c.annotations());
    await canvasOf(page, (c, id) => c.saveNote(id, 'the old note'), a.id);
    await selectQuote(page, 'peacekeepers');  // a fresh drag over the same words
    assert.equal((await canvasOf(page, (c) => c.selection())).annotation, null);
    await page.keyboard.press('n');
    assert.equal((await editorArrives(page)).value, 'the old note');
    await page.keyboard.press('Escape');
    assert.equal(await canvasOf(page, (c) => c.annotationCount()), 1);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the note editor is fetched when a note is wanted; keys typed while it arrives go into the note', async () => {
  const { page, context, errors } = await open(env, NEWS, { width: 1400, height: 900 });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/note-editor.mjs', async (route) => { await held; await route.continue(); });
  try {
    await waitForCanvas(page);
    await settle(page);
    assert.ok(!fetched.includes('note-editor.mjs'), 'opening the annotator does not fetch the editor');
    assert.ok(!fetched.includes('shortcuts.mjs'), 'opening the annotator does not fetch the shortcuts');
    await selectQuote(page, 'peacekeepers');
    await page.keyboard.press('n');
    await page.keyboard.type('h1 ok');  // H and 1 would highlight, were they the canvas's
    assert.equal(await editorOpen(page), null, 'the editor is still on its way');
    release();
    const editor = await editorArrives(page);
    await page.waitForFunction(() => window.Scholion.instances[0].debug.canvas.canvas.getRootNode()
      .querySelector('.scholion-note textarea').value === 'h1 ok');
    assert.ok((await editorOpen(page)).focused, 'the note has the focus');
    assert.equal(editor.sheet, false);
    assert.equal(await canvasOf(page, (c) => c.annotationCount()), 0, 'no key reached the canvas');
    await page.keyboard.press('Control+Enter');
    const [saved] = await canvasOf(page, (c) => c.annotations());
    assert.equal(saved.note, 'h1 ok');
    assert.equal(fetched.filter((f) => f === 'note-editor.mjs').length, 1);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('on a phone (touch): long-press a word, Note in the toolbar opens a bottom sheet, Save keeps the note', async () => {
  const context = await env.browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true,
                                                 deviceScaleFactor: 2 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(env.url + NEWS);
    await waitForCanvas(page);
    const touch = await touchscreen(context, page);
    const word = await rangeOf(page, 'peacekeepers');
    const at = await canvasOf(page, (c, r) => {
      const box = c.canvas.getBoundingClientRect();
      const q = c.rangeRect(r.start, r.end);
      return { x: box.left + q.x + q.width / 2, y: box.top + q.y + q.height / 2 };
    }, word);
    await touch('touchStart', at.x, at.y);
    await page.waitForTimeout(700);  // a long press
    await touch('touchEnd');
    assert.equal((await canvasOf(page, (c) => c.selection())).text, 'peacekeepers');
    await settle(page);
    const bar = await canvasOf(page, (c) => {
      const box = c.canvas.getBoundingClientRect();
      const r = c.toolbarRect();
      return r && { x: box.left + r.x, y: box.top + r.y, width: r.width, height: r.height };
    });
    assert.ok(bar, 'the toolbar is shown');
    await touch('touchStart', bar.x + bar.width - 28, bar.y + bar.height / 2);  // "Note", the last button
    await touch('touchEnd');
    await page.waitForFunction(() => window.Scholion.instances[0].debug.canvas.canvas.getRootNode().querySelector('.scholion-note'));
    const editor = await editorOpen(page);
    assert.ok(editor.sheet, 'a bottom sheet');
    const sheet = await inPanel(page, (root) => {
      const r = root.querySelector('.scholion-note').getBoundingClientRect();
      return { bottom: r.bottom, width: r.width };
    });
    assert.ok(Math.abs(sheet.bottom - 740) < 2 && sheet.width > 360, `the sheet spans the bottom (${JSON.stringify(sheet)})`);
    await page.keyboard.insertText('Кратко: #kosovo');
    await page.screenshot({ path: artifact('note-sheet-phone.png') });
    await inPanel(page, (root) => root.querySelector('.scholion-note .save').click());
    await page.waitForFunction(() => !window.Scholion.instances[0].debug.canvas.canvas.getRootNode().querySelector('.scholion-note'));
    const [saved] = await canvasOf(page, (c) => c.annotations());
    assert.equal(saved.quote.exact, 'peacekeepers');
    assert.equal(saved.note, 'Кратко: #kosovo');
    assert.deepEqual(saved.tags, ['kosovo']);
    assert.deepEqual(await canvasOf(page, (c) => c.noteCards()), [], 'no margin column on a phone');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('? lists the shortcuts; Escape closes the list and focus returns to the canvas', async () => {
  const { page, context, errors } = await open(env, NEWS);
  try {
    await waitForCanvas(page);
    await canvasOf(page, (c) => c.canvas.focus());
    await page.keyboard.press('?');
    // The overlay's module arrives with the first `?`.
    await page.waitForFunction(() => window.Scholion.instances[0].debug.canvas.canvas.getRootNode().querySelector('.scholion-keys'));
    const shown = await inPanel(page, (root) => {
      const d = root.querySelector('.scholion-keys [role=dialog]');
      return d && { text: d.textContent, focusInside: d.contains(root.activeElement) };
    });
    assert.ok(shown?.focusInside, 'the overlay is open and has focus');
    for (const key of ['Tab', 'Shift + arrows', 'H', 'N', 'L', 'Delete', 'Ctrl+Z']) assert.ok(shown.text.includes(key), key);
    await page.screenshot({ path: artifact('shortcuts.png') });
    await page.keyboard.press('Escape');
    assert.equal(await inPanel(page, (root, inst) => root.activeElement === inst.debug.canvas.canvas), true);
    assert.equal(await inPanel(page, (root) => root.querySelector('.scholion-keys')), null);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('keyboard alone: open, select, highlight, note, list, jump, delete, undo', async () => {
  const { page, context, errors } = await open(env, NEWS, { width: 1400, height: 900 });
  try {
    await page.waitForFunction(() => window.Scholion?.instances.length > 0);
    // Tab through the page to the launcher, as a keyboard user would.
    let onLauncher = false;
    for (let i = 0; i < 80 && !onLauncher; ++i) {
      await page.keyboard.press('Tab');
      onLauncher = await page.evaluate(() => {
        const shadow = document.querySelector('[data-scholion]').shadowRoot;
        return shadow.activeElement === shadow.querySelector('.launcher');
      });
    }
    assert.ok(onLauncher, 'the launcher is reachable with Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const c = window.Scholion.instances[0].debug?.canvas;
      return c && c.canvas.getRootNode().activeElement === c.canvas;
    }, null, { timeout: 30000 });
    await canvasOf(page, (c) => c.fontsReady());

    // A caret on the first visible line; Shift+→ selects "NATO" of the title.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Home');
    for (let i = 0; i < 4; ++i) await page.keyboard.press('Shift+ArrowRight');
    assert.equal((await canvasOf(page, (c) => c.selection())).text, 'NATO');
    await page.keyboard.press('h');
    assert.equal(await canvasOf(page, (c) => c.annotationCount()), 1);
    await page.keyboard.press('n');
    assert.ok((await editorArrives(page)).focused, 'N opens the editor, focused');
    await page.keyboard.insertText('Keyboard note #kbd');
    await page.keyboard.press('Control+Enter');
    assert.equal((await canvasOf(page, (c) => c.annotations()))[0].note, 'Keyboard note #kbd');

    // Away from it, then back through the list.
    await page.keyboard.press('Escape');
    await page.keyboard.press('l');
    // The list's module arrives with the drawer's first opening.
    await page.waitForFunction(() => window.Scholion.instances[0].debug.canvas.canvas.getRootNode().activeElement?.classList.contains('filter'));
    assert.equal(await inPanel(page, (root) => root.activeElement?.classList.contains('filter')), true, 'L focuses the filter');
    await page.keyboard.insertText('#kbd');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const [a] = await canvasOf(page, (c) => c.annotations());
    assert.equal((await canvasOf(page, (c) => c.selection())).annotation, a.id, 'Enter jumps to it and selects it');
    await page.keyboard.press('Escape');
    assert.equal(await inPanel(page, (root, inst) => root.activeElement === inst.debug.canvas.canvas), true, 'Escape comes back');
    assert.equal((await canvasOf(page, (c) => c.selection())).annotation, a.id, 'still selected on the canvas');
    await page.keyboard.press('Delete');
    assert.equal(await canvasOf(page, (c) => c.annotationCount()), 0, 'Delete removes it');
    await page.keyboard.press('Control+z');
    const back = await canvasOf(page, (c) => c.annotations());
    assert.equal(back.length, 1, 'Ctrl+Z brings it back');
    assert.equal(back[0].note, 'Keyboard note #kbd');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
