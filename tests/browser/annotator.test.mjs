// The annotator around the canvas, in the embed on the news page: the annotation list
// (order, counts, filter, jump), orphans (listed, never drawn, deleted, attached), the
// screen-reader mirror (text, marks, notes, selection both ways) and the live region.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, waitForCanvas, settle, artifact, rangeOf } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const NEWS = 'examples/news/';
const DOC_KEY = 'scholion:doc:https://news.example.org/2023/06/nato-stoltenberg-vucic';
const run = (page, fn, arg) => page.evaluate(fn, arg);
const handle = 'window.Scholion.instances[0]';

// Elements of the first instance's shadow root.
const shadow = (page, fn, arg) => page.evaluate(
  ([f, a]) => new Function('root', 'arg', `return (${f})(root, arg);`)(
    document.querySelector('[data-scholion]').shadowRoot, a), [fn.toString(), arg]);

const liveText = (page) => shadow(page, (root) => root.querySelector('.sch-live').textContent);
async function waitForLive(page, pattern) {
  await page.waitForFunction(([source]) => new RegExp(source).test(
    document.querySelector('[data-scholion]').shadowRoot.querySelector('.sch-live').textContent), [pattern.source]);
}

async function highlight(page, quote, color = 'yellow') {
  const r = await rangeOf(page, quote);
  await run(page, ([a, c]) => window.Scholion.instances[0].debug.canvas.highlight(a.start, a.end, c), [r, color]);
  return r;
}

const listState = (page) => shadow(page, (root) => ({
  count: root.querySelector('.list-count').textContent,
  quotes: [...root.querySelectorAll('.items [role=option] .quote')].map((q) => q.textContent),
}));

// The list arrives with the drawer's first opening: open it and wait for it.
async function openList(page) {
  await run(page, () => window.Scholion.instances[0].debug.annotator.showList(true));
  await page.waitForFunction(() => document.querySelector('[data-scholion]').shadowRoot.querySelector('.list-count'));
}

async function setFilter(page, text) {
  await shadow(page, (root, t) => {
    const f = root.querySelector('.filter');
    f.value = t;
    f.dispatchEvent(new Event('input'));
  }, text);
}

// The mirror: each block element's text, and the marks' segments.
const mirrorState = (page) => shadow(page, (root) => {
  const m = root.querySelector('.scholion-mirror');
  return {
    blocks: [...m.querySelectorAll('[data-start]')].map((b) => ({ tag: b.tagName.toLowerCase(), start: Number(b.dataset.start), text: b.textContent })),
    marks: [...m.querySelectorAll('mark')].map((k) => ({ ids: k.dataset.ids.split(' '), text: k.textContent, details: k.getAttribute('aria-details') })),
    hidden: (() => { const r = m.getBoundingClientRect(); return { w: r.width, h: r.height, display: getComputedStyle(m).display }; })(),
  };
});

test('the mirror holds the document text block by block, with marks that match every annotation', async () => {
  const { page, context, errors } = await open(env, NEWS);
  try {
    await waitForCanvas(page);
    await highlight(page, 'President Aleksandar Vučić of Serbia', 'green');
    await highlight(page, 'Aleksandar Vučić of Serbia in Brussels', 'pink');  // overlaps the first
    const title = await rangeOf(page, 'Serbia 🇷🇸 Aleksandar');  // a flag: 4 UTF-16 units, 2 code points
    await run(page, ([a]) => window.Scholion.instances[0].debug.canvas.highlight(a.start, a.end, 'blue'), [title]);
    // One across two blocks.
    const text = await run(page, () => window.Scholion.instances[0].debug.canvas.documentText());
    const cps = [...text];
    const blocks = await run(page, () => window.Scholion.instances[0].debug.canvas.blocks());
    await run(page, ([s, e]) => window.Scholion.instances[0].debug.canvas.highlight(s, e, 'purple'),
              [blocks[1].end - 5, blocks[2].start + 5]);
    const annotations = await run(page, () => window.Scholion.instances[0].debug.canvas.annotations());
    assert.equal(annotations.length, 4);

    const mirror = await mirrorState(page);
    assert.equal(mirror.hidden.display, 'block', 'hidden by clipping, not display:none');
    assert.ok(mirror.hidden.w <= 1 && mirror.hidden.h <= 1);
    assert.equal(mirror.blocks.length, blocks.length);
    blocks.forEach((b, i) => {
      assert.equal(mirror.blocks[i].start, b.start);
      assert.equal(mirror.blocks[i].text, cps.slice(b.start, b.end).join(''), `block ${i}`);
      assert.equal(mirror.blocks[i].tag, b.kind === 'heading' ? `h${b.level}` : { paragraph: 'p', quote: 'blockquote', list_item: 'li', preformatted: 'pre' }[b.kind]);
    });
    for (const a of annotations) {
      const expected = blocks.map((b) => cps.slice(Math.max(a.start, b.start), Math.min(a.end, b.end)).join('')).join('');
      const got = mirror.marks.filter((m) => m.ids.includes(a.id)).map((m) => m.text).join('');
      assert.equal(got, expected, `marks of ${a.quote.exact}`);
    }
    assert.ok(mirror.marks.some((m) => m.ids.length === 2), 'the overlap is one segment naming both');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the list: order, counts, filter by words, #tag and colour; notes linked from the mirror', async () => {
  const { page, context, errors } = await open(env, NEWS);
  try {
    await waitForCanvas(page);
    await openList(page);
    await highlight(page, 'So once again, welcome.', 'yellow');
    await highlight(page, 'tensions in northern Kosovo', 'pink');
    // A stored annotation with a note and tags, brought in as storage JSON.
    const r = await rangeOf(page, 'KFOR has deployed 500 additional troops to Kosovo');
    await run(page, ([range]) => {
      const c = window.Scholion.instances[0].debug.canvas;
      const stored = JSON.parse(c.export('storage'));
      stored.annotations = [{
        id: '5f0c1a52-3f7b-4a4e-9d5e-2a6f8d1b9c01', start: range.start, end: range.end,
        quote: { exact: 'KFOR has deployed 500 additional troops to Kosovo', prefix: '', suffix: '' },
        color: 'green', note: 'Troop numbers — Србија и Косово', tags: ['kfor', 'military'],
        created: Date.now() - 3600e3, modified: Date.now() - 3600e3,
      }];
      stored.tombstones = [];
      c.importStorage(JSON.stringify(stored));
    }, [r]);
    // A merge reaches the list after the canvas has painted.
    await page.waitForFunction(() => document.querySelector('[data-scholion]').shadowRoot
      .querySelector('.list-count')?.textContent === '3 annotations');
    let list = await listState(page);
    assert.equal(list.count, '3 annotations');
    assert.deepEqual(list.quotes, ['\u201ctensions in northern Kosovo\u201d',
                                   '\u201cKFOR has deployed 500 additional troops to Kosovo\u201d',
                                   '\u201cSo once again, welcome.\u201d']);
    const item = await shadow(page, (root) => root.querySelector('[data-id="5f0c1a52-3f7b-4a4e-9d5e-2a6f8d1b9c01"]').textContent);
    assert.match(item, /Troop numbers — Србија и Косово/);
    assert.match(item, /#kfor #military/);
    assert.match(item, /hour ago/);

    await setFilter(page, 'kosovo');
    assert.deepEqual((await listState(page)).quotes.length, 2);
    assert.equal((await listState(page)).count, '3 annotations \u00b7 2 shown');
    await setFilter(page, 'србија');  // in the note
    assert.deepEqual((await listState(page)).quotes, ['\u201cKFOR has deployed 500 additional troops to Kosovo\u201d']);
    await setFilter(page, '#mil');
    assert.equal((await listState(page)).quotes.length, 1);
    await setFilter(page, '#kfor kosovo pink');  // terms are ANDed
    assert.equal((await listState(page)).count, '3 annotations \u00b7 0 shown');
    await setFilter(page, 'color:pink');
    assert.deepEqual((await listState(page)).quotes, ['\u201ctensions in northern Kosovo\u201d']);
    await setFilter(page, 'yellow');
    assert.deepEqual((await listState(page)).quotes, ['\u201cSo once again, welcome.\u201d']);
    await setFilter(page, 'vucic');  // diacritics do not matter; nothing has it
    assert.equal((await listState(page)).count, '3 annotations \u00b7 0 shown');
    await setFilter(page, '');
    await shadow(page, (root) => { const s = root.querySelector('.sort'); s.value = 'newest'; s.dispatchEvent(new Event('change')); });
    list = await listState(page);
    assert.equal(list.quotes[2], '\u201cKFOR has deployed 500 additional troops to Kosovo\u201d', 'the oldest last');

    // The note is an element the mirror's mark points to.
    const detail = await shadow(page, (root) => {
      const mark = [...root.querySelectorAll('.scholion-mirror mark')].find((m) => m.dataset.ids.includes('5f0c1a52'));
      const target = root.getElementById(mark.getAttribute('aria-details'));
      return target && target.textContent;
    });
    assert.match(detail, /Troop numbers — Србија и Косово/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('keyboard: L opens the list, arrows and Enter jump the canvas there, Escape returns to the canvas', async () => {
  // 900 px wide: the panel is too narrow for the drawer beside the text.
  const { page, context, errors } = await open(env, NEWS, { width: 900, height: 800 });
  try {
    await waitForCanvas(page);
    await highlight(page, 'Media – NATO Secretary General Jens Stoltenberg');
    await highlight(page, 'So once again, welcome.', 'blue');  // near the end
    await run(page, () => window.Scholion.instances[0].debug.canvas.select(0, 0));
    await run(page, () => window.Scholion.instances[0].debug.canvas.scrollToPosition(0));
    await settle(page);
    const scrollBefore = await run(page, () => window.Scholion.instances[0].debug.scroll());
    await page.locator('canvas').focus();
    await page.keyboard.press('l');
    assert.equal(await shadow(page, (root) => root.querySelector('.sch-toggle').getAttribute('aria-expanded')), 'true');
    // The list's module arrives with this first opening; then the filter has the focus.
    await page.waitForFunction(() => document.querySelector('[data-scholion]').shadowRoot.activeElement?.className === 'filter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    const focused = await shadow(page, (root) => root.activeElement?.getAttribute('role') + ' ' + root.activeElement?.querySelector('.quote').textContent);
    assert.equal(focused, 'option \u201cSo once again, welcome.\u201d');
    await page.keyboard.press('Enter');
    await waitForLive(page, /Annotation 2 of 2: So once again, welcome\./);
    await settle(page);
    const target = (await run(page, () => window.Scholion.instances[0].debug.canvas.annotations()))[1];
    assert.equal((await run(page, () => window.Scholion.instances[0].debug.canvas.selection())).annotation, target.id);
    assert.ok(await run(page, () => window.Scholion.instances[0].debug.scroll()) > scrollBefore + 200, 'the canvas scrolled to it');
    assert.equal(await shadow(page, (root) => root.querySelector('[aria-selected=true] .quote').textContent), '\u201cSo once again, welcome.\u201d');
    // The embed's panel is narrow: the drawer lay over the text, so the jump closed it
    // and left focus on the canvas.
    assert.equal(await shadow(page, (root) => root.querySelector('.sch-drawer').hidden), true);
    assert.equal(await shadow(page, (root) => root.activeElement?.tagName), 'CANVAS');
    await page.screenshot({ path: artifact('annotator-after-jump.png') });
    await page.keyboard.press('l');
    assert.equal(await shadow(page, (root) => root.activeElement?.className), 'filter');
    await page.keyboard.type('zzz');
    await page.keyboard.press('Escape');  // clears the filter first
    assert.equal(await shadow(page, (root) => root.activeElement?.className), 'filter');
    assert.equal((await listState(page)).count, '2 annotations');
    await page.keyboard.press('Escape');
    assert.equal(await shadow(page, (root) => root.activeElement?.tagName), 'CANVAS');
    assert.equal(await run(page, () => document.querySelector('[data-scholion]').shadowRoot.querySelector('.panel').hidden), false, 'the panel stays open');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// Storage for the news page saved against another version of its text: one annotation
// whose quote is still there, two whose quotes are gone.
const PLANTED = (docId) => ({
  schema: 1,
  document: { id: docId, title: 'old', source_url: '', fingerprint: `sha256:${'0'.repeat(64)}` },
  annotations: [
    { id: '11111111-1111-4111-8111-111111111111', start: 10, end: 37, quote: { exact: 'tensions in northern Kosovo', prefix: '', suffix: '' },
      color: 'yellow', note: '', tags: [], created: 1700000000000, modified: 1700000000000 },
    { id: '22222222-2222-4222-8222-222222222222', start: 500, end: 540, quote: { exact: 'a paragraph the editors have since removed entirely', prefix: '', suffix: '' },
      color: 'pink', note: 'Where did this go? Вучић', tags: ['gone'], created: 1700000000000, modified: 1700000000000 },
    { id: '33333333-3333-4333-8333-333333333333', start: 700, end: 760, quote: { exact: 'another sentence nobody can find in the new text', prefix: '', suffix: '' },
      color: 'blue', note: 'second orphan', tags: [], created: 1700000000000, modified: 1700000000000 },
  ],
  tombstones: [],
});

test('the list is fetched with the drawer\'s first opening; keys typed while it arrives go into its filter', async () => {
  const { page, context, errors } = await open(env, NEWS);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/annotation-list.mjs', async (route) => { await held; await route.continue(); });
  try {
    await waitForCanvas(page);
    await highlight(page, 'tensions in northern Kosovo', 'pink');
    await settle(page);
    assert.ok(!fetched.includes('annotation-list.mjs'), 'opening the annotator does not fetch the list');
    assert.equal(await shadow(page, (root) => root.querySelector('.sch-toggle .n').textContent), '1', 'the badge counts anyway');
    const r = await rangeOf(page, 'So once again, welcome.');
    await run(page, (x) => { const c = window.Scholion.instances[0].debug.canvas; c.select(x.start, x.end); c.canvas.focus(); }, r);
    await page.keyboard.press('l');
    await page.keyboard.type('h1 kos');  // H and 1 would highlight the selection, were they the canvas's
    assert.equal(await shadow(page, (root) => root.querySelector('.list-count')), null, 'the list is still on its way');
    release();
    await page.waitForFunction(() => document.querySelector('[data-scholion]').shadowRoot.activeElement?.className === 'filter');
    assert.equal(await shadow(page, (root) => root.querySelector('.filter').value), 'h1 kos');
    assert.equal(await run(page, () => window.Scholion.instances[0].debug.canvas.annotationCount()), 1, 'no key reached the canvas');
    assert.equal((await listState(page)).count, '1 annotation \u00b7 0 shown', 'the typed filter applies');
    await setFilter(page, 'kosovo');
    assert.equal((await listState(page)).count, '1 annotation \u00b7 1 shown');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('orphans: listed with quote and note, never in the text; deleted or attached; announced and saved', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(env.url + NEWS);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v),
                        [DOC_KEY, JSON.stringify(PLANTED('https://news.example.org/2023/06/nato-stoltenberg-vucic'))]);
    await page.reload();
    await waitForCanvas(page);
    await waitForLive(page, /2 annotations could not be placed/);
    await openList(page);
    const annotations = await run(page, () => window.Scholion.instances[0].debug.canvas.annotations());
    assert.deepEqual(annotations.map((a) => a.id), ['11111111-1111-4111-8111-111111111111']);
    const section = await shadow(page, (root) => ({
      hidden: root.querySelector('.orphan-section').hidden,
      heading: root.querySelector('.orphans-heading').textContent,
      items: [...root.querySelectorAll('.orphan')].map((o) => o.textContent),
      attachDisabled: [...root.querySelectorAll('.orphan .attach')].map((b) => b.getAttribute('aria-disabled')),
    }));
    assert.equal(section.hidden, false);
    assert.equal(section.heading, 'Could not be placed (2)');
    assert.match(section.items[0], /a paragraph the editors have since removed entirely/);
    assert.match(section.items[0], /Where did this go\? Вучић/);
    assert.deepEqual(section.attachDisabled, ['true', 'true']);
    const mirror = await mirrorState(page);
    assert.deepEqual([...new Set(mirror.marks.flatMap((m) => m.ids))], ['11111111-1111-4111-8111-111111111111']);
    assert.ok(!mirror.blocks.some((b) => b.text.includes('editors have since removed')));
    assert.equal((await listState(page)).count, '1 annotation');

    // Delete the second orphan.
    await shadow(page, (root) => root.querySelector('[data-id="33333333-3333-4333-8333-333333333333"] .delete').click());
    await waitForLive(page, /deleted/);
    assert.deepEqual((await run(page, () => window.Scholion.instances[0].debug.canvas.orphans())).map((o) => o.id),
                     ['22222222-2222-4222-8222-222222222222']);
    // An older copy that still holds it (another tab, a backup) does not bring it back.
    await run(page, (json) => window.Scholion.instances[0].debug.canvas.importStorage(json),
              JSON.stringify(PLANTED('https://news.example.org/2023/06/nato-stoltenberg-vucic')));
    assert.deepEqual((await run(page, () => window.Scholion.instances[0].debug.canvas.orphans())).map((o) => o.id),
                     ['22222222-2222-4222-8222-222222222222'], 'a deleted orphan stays deleted');

    // Attach the first to a selection.
    const r = await rangeOf(page, 'refrain from escalatory actions');
    await run(page, ([a]) => window.Scholion.instances[0].debug.canvas.select(a.start, a.end), [r]);
    await page.waitForFunction(() => document.querySelector('[data-scholion]').shadowRoot
      .querySelector('.orphan .attach')?.getAttribute('aria-disabled') === 'false');
    await shadow(page, (root) => root.querySelector('[data-id="22222222-2222-4222-8222-222222222222"] .attach').click());
    await waitForLive(page, /^Annotation attached to the selected text$/);
    const attached = (await run(page, () => window.Scholion.instances[0].debug.canvas.annotations()))
      .find((a) => a.id === '22222222-2222-4222-8222-222222222222');
    assert.deepEqual([attached.start, attached.end, attached.quote.exact, attached.note, attached.color, attached.tags],
                     [r.start, r.end, 'refrain from escalatory actions', 'Where did this go? Вучић', 'pink', ['gone']]);
    assert.equal((await run(page, () => window.Scholion.instances[0].debug.canvas.selection())).annotation, attached.id);
    assert.equal(await shadow(page, (root) => root.querySelector('.orphan-section').hidden), true);
    assert.equal((await listState(page)).count, '2 annotations');
    const marks = (await mirrorState(page)).marks.filter((m) => m.ids.includes(attached.id));
    assert.equal(marks.map((m) => m.text).join(''), 'refrain from escalatory actions');

    // Undo makes it an orphan again; redo attaches it again.
    await run(page, () => window.Scholion.instances[0].debug.canvas.undo());
    await waitForLive(page, /^Undone$/);
    assert.deepEqual((await run(page, () => window.Scholion.instances[0].debug.canvas.orphans())).map((o) => o.note), ['Where did this go? Вучић']);
    // … and stays one after a reload (its undo left a tombstone, older than the orphan).
    assert.equal(await run(page, () => window.Scholion.instances[0].debug.canvas.flush()), true);
    await page.reload();
    await waitForCanvas(page);
    assert.deepEqual((await run(page, () => window.Scholion.instances[0].debug.canvas.orphans())).map((o) => o.note), ['Where did this go? Вучић']);
    await run(page, ([a]) => window.Scholion.instances[0].debug.canvas.select(a.start, a.end), [r]);
    await shadow(page, (root) => root.querySelector('.sch-toggle').click());  // the list arrives with the drawer
    await page.waitForFunction(() => document.querySelector('[data-scholion]').shadowRoot
      .querySelector('[data-id="22222222-2222-4222-8222-222222222222"] .attach')?.getAttribute('aria-disabled') === 'false');
    await shadow(page, (root) => root.querySelector('[data-id="22222222-2222-4222-8222-222222222222"] .attach').click());
    await waitForLive(page, /Annotation attached to the selected text$/);
    await run(page, () => window.Scholion.instances[0].debug.canvas.undo());
    await waitForLive(page, /^Undone$/);
    assert.equal(await shadow(page, (root) => root.querySelector('.orphans-heading').textContent), 'Could not be placed (1)');
    assert.equal((await listState(page)).count, '1 annotation');
    await run(page, () => window.Scholion.instances[0].debug.canvas.redo());
    await waitForLive(page, /^Redone$/);
    assert.deepEqual(await run(page, () => window.Scholion.instances[0].debug.canvas.orphans()), []);
    assert.equal(await shadow(page, (root) => root.querySelector('.orphan-section').hidden), true);

    // Saved: the attached one as a normal annotation, no orphans left.
    assert.equal(await run(page, () => window.Scholion.instances[0].debug.canvas.flush()), true);
    const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), DOC_KEY);
    assert.deepEqual((stored.orphans || []).map((o) => o.id), []);
    assert.ok(stored.annotations.some((a) => a.id === attached.id && a.quote.exact === 'refrain from escalatory actions'));
    await page.reload();
    await waitForCanvas(page);
    assert.deepEqual(await run(page, () => window.Scholion.instances[0].debug.canvas.orphans()), []);
    assert.equal(await run(page, () => window.Scholion.instances[0].debug.canvas.annotationCount()), 2);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the list and the mirror follow another tab\'s highlights', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const [a, b] = [await context.newPage(), await context.newPage()];
    for (const p of [a, b]) {
      await p.goto(env.url + NEWS);
      await waitForCanvas(p);
    }
    await openList(b);
    await highlight(a, 'tensions in northern Kosovo', 'pink');
    assert.equal(await run(a, () => window.Scholion.instances[0].debug.canvas.flush()), true);
    await b.waitForFunction(() => document.querySelector('[data-scholion]').shadowRoot
      .querySelector('.list-count').textContent === '1 annotation');
    assert.deepEqual((await listState(b)).quotes, ['\u201ctensions in northern Kosovo\u201d']);
    assert.equal((await mirrorState(b)).marks.map((m) => m.text).join(''), 'tensions in northern Kosovo');
  } finally {
    await context.close();
  }
});

test('the live region announces highlights added and deleted, undo and redo', async () => {
  const { page, context } = await open(env, NEWS);
  try {
    await waitForCanvas(page);
    await openList(page);
    await page.locator('canvas').focus();
    await highlight(page, 'tensions in northern Kosovo');
    await waitForLive(page, /^Highlight added$/);
    await page.keyboard.press('Delete');
    await waitForLive(page, /^Highlight deleted$/);
    await page.keyboard.press('Control+z');
    await waitForLive(page, /^Undone$/);
    await page.keyboard.press('Control+Shift+z');
    await waitForLive(page, /^Redone$/);
    await highlight(page, 'tensions in northern Kosovo', 'blue');
    await highlight(page, 'tensions in northern Kosovo', 'green');  // the same range: re-coloured
    await waitForLive(page, /Colour changed$/);  // read after "Highlight added" when both come at once
    // The list kept up with every change: it shows what the core holds.
    await highlight(page, 'So once again, welcome.', 'purple');
    await run(page, () => window.Scholion.instances[0].debug.canvas.undo());
    await highlight(page, 'Media – NATO Secretary General', 'yellow');
    await waitForLive(page, /Undone$/);  // these three changes come in one message
    const ids = await shadow(page, (root) => [...root.querySelectorAll('.items [role=option]')].map((o) => o.dataset.id));
    assert.deepEqual(ids, (await run(page, () => window.Scholion.instances[0].debug.canvas.annotations())).map((a) => a.id));
    assert.equal(ids.length, 2);
    await run(page, () => window.Scholion.instances[0].debug.annotator.announce('Note saved'));
    await waitForLive(page, /^Note saved$/);
    assert.equal(await shadow(page, (root) => root.querySelector('.sch-live').getAttribute('aria-live')), 'polite');
    assert.equal(await liveText(page), 'Note saved');
  } finally {
    await context.close();
  }
});

test('selection sync: a Range in the mirror selects the same code points on the canvas, and back', async () => {
  const { page, context, errors } = await open(env, NEWS);
  try {
    await waitForCanvas(page);
    // Title: "NATO Secretary General with the President of Serbia 🇷🇸 Aleksandar Vučić".
    const r = await rangeOf(page, '🇷🇸 Aleksandar Vuč');
    await shadow(page, (root) => {
      const h1 = root.querySelector('.scholion-mirror h1');
      const node = h1.firstChild;
      const at = node.data.indexOf('\u{1F1F7}');
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + '\u{1F1F7}\u{1F1F8} Aleksandar Vuč'.length);
      const sel = document.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    });
    await page.waitForFunction(([s, e]) => {
      const sel = window.Scholion.instances[0].debug.canvas.selection();
      return sel.anchor === s && sel.head === e;
    }, [r.start, r.end]);
    assert.equal((await run(page, () => window.Scholion.instances[0].debug.canvas.selection())).text, '🇷🇸 Aleksandar Vuč');

    // The canvas selects: the mirror's DOM selection follows.
    const other = await rangeOf(page, 'President Aleksandar Vučić of Serbia');
    await page.locator('canvas').focus();
    await run(page, ([a]) => window.Scholion.instances[0].debug.canvas.select(a.start, a.end), [other]);
    await page.waitForFunction(() => {
      const root = document.querySelector('[data-scholion]').shadowRoot;
      return (root.getSelection ? root.getSelection() : document.getSelection()).toString() === 'President Aleksandar Vučić of Serbia';
    });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('screenshots: the list drawer open at desktop and phone sizes', async () => {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 375, height: 740 }]]) {
    const context = await env.browser.newContext({ viewport, deviceScaleFactor: name === 'phone' ? 2 : 1,
                                                   hasTouch: name === 'phone', isMobile: name === 'phone' });
    const page = await context.newPage();
    try {
      await page.goto(env.url + NEWS);
      await page.evaluate(([k, v]) => localStorage.setItem(k, v),
                          [DOC_KEY, JSON.stringify(PLANTED('https://news.example.org/2023/06/nato-stoltenberg-vucic'))]);
      await page.reload();
      await waitForCanvas(page);
      await highlight(page, 'President Aleksandar Vučić of Serbia', 'green');
      await highlight(page, 'So once again, welcome.', 'blue');
      await shadow(page, (root) => root.querySelector('.sch-toggle').click());
      await settle(page);
      const box = await shadow(page, (root) => {
        const r = root.querySelector('.sch-drawer').getBoundingClientRect();
        return { x: r.x, width: r.width, height: r.height };
      });
      assert.ok(box.width > 200 && box.height > 300, JSON.stringify(box));
      assert.ok(box.x + box.width <= viewport.width + 1);
      await page.screenshot({ path: artifact(`annotator-list-${name}.png`) });
    } finally {
      await context.close();
    }
  }
});

test('a long list renders a page at a time; End and "Show more" reach the rest', async () => {
  const { page, context, errors } = await open(env, NEWS, { width: 1400, height: 900 });
  try {
    await waitForCanvas(page);
    await run(page, () => {
      const c = window.Scholion.instances[0].debug.canvas;
      const stored = JSON.parse(c.export('storage'));
      const text = [...c.documentText()];
      stored.annotations = Array.from({ length: 450 }, (_, i) => {
        const start = (i * 13) % (text.length - 40);
        return { id: crypto.randomUUID(), start, end: start + 20, quote: { exact: text.slice(start, start + 20).join(''), prefix: '', suffix: '' },
                 color: 'blue', note: '', tags: [], created: 1700000000000 + i, modified: 1700000000000 + i };
      });
      c.importStorage(JSON.stringify(stored));
    });
    await shadow(page, (root) => root.querySelector('.sch-toggle').click());  // the list arrives with the drawer
    await page.waitForFunction(() => document.querySelector('[data-scholion]').shadowRoot
      .querySelector('.list-count')?.textContent === '450 annotations');
    const rendered = () => shadow(page, (root) => root.querySelectorAll('.items [role=option]').length);
    assert.equal(await rendered(), 200, 'the first page only');
    assert.equal(await shadow(page, (root) => root.querySelector('.items [role=option]').getAttribute('aria-setsize')), '450');
    await shadow(page, (root) => root.querySelector('.more').click());
    assert.equal(await rendered(), 400);
    await page.locator('canvas').focus();
    await page.keyboard.press('l');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    const last = await shadow(page, (root) => root.activeElement?.getAttribute('aria-posinset'));
    assert.equal(last, '450', 'End reaches the last annotation');
    assert.equal(await shadow(page, (root) => root.querySelector('.more').hidden), true);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
