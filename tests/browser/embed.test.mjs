// The one-tag embed on a news page: what it reads, what it leaves alone, when it loads,
// its publisher API, edited articles, several instances, CSP and phones.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { start, open, waitForCanvas, settle, artifact, rangeOf, siteDir } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const NEWS = 'examples/news/';
const DOC_KEY = 'scholion:doc:https://news.example.org/2023/06/nato-stoltenberg-vucic';
const canvas = (page, fn, arg) => page.evaluate(fn, arg);

test('extraction reads the title and paragraphs, nothing from navigation, share bar, related links or comments', async () => {
  const { page, context } = await open(env, NEWS);
  try {
    await page.waitForFunction(() => window.Scholion?.instances.length === 1);
    const blocks = await page.evaluate(() => window.Scholion.extract(document.querySelector('article')));
    const source = readFileSync(join(process.env.SCHOLION_SHARED_DIR || join(siteDir, '../../../shared'),
                                     'corpus/news/nato-stoltenberg-vucic.txt'), 'utf8');
    const paragraphs = source.split('\n\n').map((p) => p.replace(/\n/g, ' ').trim()).filter(Boolean);
    const article = paragraphs.slice(0, paragraphs.indexOf('Leave a Reply'));
    assert.deepEqual(blocks.map((b) => b.text.replace(/[ \t\n]+/g, ' ').trim()), article);
    assert.equal(blocks[0].kind, 'heading');
    const all = blocks.map((b) => b.text).join(' ');
    for (const foreign of ['World', 'Share', 'Print', 'Related', 'KFOR mission: facts', 'Leave a Reply', 'Post Comment']) {
      assert.ok(!all.includes(foreign), `"${foreign}" is not in the document`);
    }
  } finally {
    await context.close();
  }
});

test('the host page is untouched: styles, ::selection, globals, and its form keys', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    const snapshot = () => page.evaluate(() => {
      const pick = (el) => {
        const cs = getComputedStyle(el);
        return ['font-family', 'font-size', 'color', 'background-color', 'margin-left', 'line-height', 'width']
          .map((p) => cs.getPropertyValue(p)).join('|');
      };
      const els = ['body', 'header.site', 'main', 'article h1', 'article p', '.byline', '#comments', 'textarea', 'footer'];
      return {
        styles: els.map((s) => pick(document.querySelector(s))),
        selection: getComputedStyle(document.querySelector('article p'), '::selection').backgroundColor,
        globals: Object.keys(window).sort(),
        sheets: document.styleSheets.length,
      };
    });
    // The page without Scholion, then with it, loaded and opened.
    await page.route('**/scholion.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await page.goto(env.url + NEWS);
    const without = await snapshot();
    await page.unroute('**/scholion.js');
    await page.goto(env.url + NEWS);
    await waitForCanvas(page);
    const withIt = await snapshot();
    assert.deepEqual(withIt.styles, without.styles);
    assert.equal(withIt.selection, without.selection);
    assert.equal(withIt.sheets, without.sheets);
    assert.deepEqual(withIt.globals.filter((g) => !without.globals.includes(g)), ['Scholion']);

    // The comment form still types, deletes and tabs while Scholion is open.
    await page.locator('textarea[name=comment]').click();
    await page.keyboard.type('Thanks hh');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Tab');
    assert.equal(await page.locator('textarea[name=comment]').inputValue(), 'Thanks h');
    assert.equal(await page.evaluate(() => document.activeElement.name), 'name');
  } finally {
    await context.close();
  }
});

test('lazy: no wasm before opening; after opening, a highlight persists and the launcher counts it', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  try {
    await page.goto(env.url + NEWS);
    await page.waitForFunction(() => window.Scholion?.instances.length === 1);
    await page.waitForTimeout(1000);  // idle time: only the small scripts may arrive
    assert.deepEqual(requests.filter((u) => /\.(wasm|ttf)$/.test(u)), [], 'nothing heavy before opening');
    const launcher = page.getByRole('button', { name: /Highlight & notes/ });
    const clickAt = Date.now();
    await launcher.click();
    await page.waitForFunction(() => window.Scholion.instances[0].debug?.canvas.documentSummary());
    console.log(`# launcher click to first frame: ${Date.now() - clickAt} ms`);
    assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm loads on opening');
    const r = await rangeOf(page, 'Our mission there is based on a UN mandate');
    await canvas(page, ([a]) => window.Scholion.instances[0].debug.canvas.highlight(a.start, a.end, 'green'), [r]);
    await page.getByRole('button', { name: 'Close' }).click();
    await page.reload();
    await page.waitForFunction(() => window.Scholion?.instances.length === 1);
    await assert.doesNotReject(page.getByRole('button', { name: /Highlight & notes, 1 on this page/ }).waitFor());
    await waitForCanvas(page);
    assert.equal(await canvas(page, () => window.Scholion.instances[0].debug.canvas.annotationCount()), 1);
  } finally {
    await context.close();
  }
});

test('publisher API: events as callbacks and CustomEvents, export, close returns focus', async () => {
  const { page, context } = await open(env, NEWS);
  try {
    await waitForCanvas(page);
    await page.evaluate(() => {
      window.__seen = [];
      const inst = window.Scholion.instances[0];
      inst.on('create', (a) => window.__seen.push(['create', a.quote.exact]));
      inst.on('delete', (a) => window.__seen.push(['delete', a.id.length]));
      document.querySelector('article').addEventListener('scholion:create', (e) => window.__seen.push(['dom', e.detail.color]));
    });
    const r = await rangeOf(page, 'refrain from escalatory actions');
    await canvas(page, ([a]) => window.Scholion.instances[0].debug.canvas.highlight(a.start, a.end, 'pink'), [r]);
    await page.keyboard.press('Delete');
    assert.deepEqual(await page.evaluate(() => window.__seen),
                     [['create', 'refrain from escalatory actions'], ['dom', 'pink'], ['delete', 36]]);
    await page.keyboard.press('Control+z');
    const w3c = JSON.parse(await page.evaluate(() => window.Scholion.instances[0].export('w3c')));
    assert.equal(w3c.type, 'AnnotationCollection');
    assert.match(JSON.stringify(w3c), /refrain from escalatory actions/);
    const md = await page.evaluate(() => window.Scholion.instances[0].export('markdown'));
    assert.match(md, /> refrain from escalatory actions/);
    await page.getByRole('button', { name: 'Close' }).click();
    assert.match(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent ?? ''), /Highlight & notes/);
  } finally {
    await context.close();
  }
});

test('an edited article: one highlight unchanged, one re-anchored, one orphan — and the reader is told', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(env.url + NEWS);
    await waitForCanvas(page);
    const quotes = ['We strongly believe that the only path forward is to engage in dialogue',
                    'three of them seriously',
                    'So once again, welcome.'];
    for (const q of quotes) {
      const r = await rangeOf(page, q);
      await canvas(page, ([a]) => window.Scholion.instances[0].debug.canvas.highlight(a.start, a.end, 'yellow'), [r]);
    }
    assert.equal(await canvas(page, () => window.Scholion.instances[0].debug.canvas.flush()), true);
    // The publisher edits the article: a word fixed inside the first quote, the second's
    // sentence deleted; the third is left alone.
    await page.route('**/examples/news/', async (route) => {
      const response = await route.fetch();
      let body = await response.text();
      body = body.replace('only path forward', 'only way forward')
                 .replace('In May, our troops were attacked and 93 were injured, three of them seriously. ', 'In May, our troops were attacked. ');
      await route.fulfill({ response, body });
    });
    await page.reload();
    await waitForCanvas(page);
    const annotations = await canvas(page, () => window.Scholion.instances[0].debug.canvas.annotations());
    const orphans = await canvas(page, () => window.Scholion.instances[0].debug.canvas.orphans());
    assert.equal(annotations.length, 2, JSON.stringify({ placed: annotations.map((a) => a.quote.exact), orphans: orphans.map((o) => o.quote.exact) }));
    assert.deepEqual(orphans.map((o) => o.quote.exact), ['three of them seriously']);
    const text = await canvas(page, () => window.Scholion.instances[0].debug.canvas.documentText());
    const exact = (a) => [...text].slice(a.start, a.end).join('');
    assert.deepEqual(annotations.map(exact).sort(),
                     ['So once again, welcome.', 'We strongly believe that the only way forward is to engage in dialogue'].sort());
    assert.match(await canvas(page, () => window.Scholion.instances[0].debug.notice()), /1 could not be placed/);
    await settle(page);
    await page.screenshot({ path: artifact('edited-article-notice.png') });
    // The orphan is kept in storage, with its quote.
    await canvas(page, () => window.Scholion.instances[0].debug.canvas.highlight(0, 4, 'blue'));
    await canvas(page, () => window.Scholion.instances[0].debug.canvas.flush());
    const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), DOC_KEY);
    assert.deepEqual(stored.orphans.map((o) => o.quote.exact), ['three of them seriously']);
  } finally {
    await context.close();
  }
});

test('two instances on one page keep separate annotations; destroy() removes what it added', async () => {
  const { page, context, errors } = await open(env, NEWS + 'two.html');
  try {
    await page.waitForFunction(() => window.Scholion?.instances.length === 2);
    for (const i of [0, 1]) {
      await page.evaluate((k) => window.Scholion.instances[k].open(), i);
      await page.waitForFunction((k) => window.Scholion.instances[k].debug?.canvas.documentSummary(), i);
    }
    const titles = await page.evaluate(() => window.Scholion.instances.map((s) => s.debug.canvas.documentSummary().title));
    assert.notEqual(titles[0], titles[1]);
    await canvas(page, () => window.Scholion.instances[0].debug.canvas.highlight(0, 4, 'yellow'));
    await canvas(page, () => window.Scholion.instances[1].debug.canvas.highlight(0, 3, 'green'));
    await canvas(page, () => window.Scholion.instances[1].debug.canvas.highlight(5, 9, 'green'));
    assert.deepEqual(await page.evaluate(() => window.Scholion.instances.map((s) => s.debug.canvas.annotationCount())), [1, 2]);

    const before = await page.evaluate(() => document.querySelectorAll('[data-scholion]').length);
    assert.equal(before, 2);
    await page.evaluate(() => window.Scholion.instances[1].destroy());
    assert.equal(await page.evaluate(() => document.querySelectorAll('[data-scholion]').length), 1);
    assert.equal(await page.evaluate(() => window.Scholion.instances.length), 1);
    // The first instance still works; the page still scrolls and resizes without errors.
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.mouse.wheel(0, 300);
    assert.equal(await canvas(page, () => window.Scholion.instances[0].debug.canvas.annotationCount()), 1);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('works under a Content-Security-Policy without inline scripts or styles', async () => {
  const { page, context, errors } = await open(env, NEWS + 'csp.html');
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  try {
    await waitForCanvas(page);
    const r = await rangeOf(page, 'Serbia is a long-standing partner of NATO');
    await canvas(page, ([a]) => window.Scholion.instances[0].debug.canvas.highlight(a.start, a.end, 'blue'), [r]);
    assert.equal(await canvas(page, () => window.Scholion.instances[0].debug.canvas.annotationCount()), 1);
    const launcher = await page.evaluate(() => {
      const b = document.querySelector('[data-scholion]').shadowRoot.querySelector('.launcher');
      return getComputedStyle(b).position;
    });
    assert.equal(launcher, 'fixed', 'our shadow-root styles apply under the policy');
    // The parts that arrive later (list, note editor, shortcuts) load under the policy too.
    const panel = (fn, arg) => page.evaluate(([f, a]) => new Function('root', 'a',
      `return (${f})(root, a)`)(document.querySelector('[data-scholion]').shadowRoot, a), [fn.toString(), arg]);
    await canvas(page, () => window.Scholion.instances[0].debug.annotator.showList(true));
    await page.waitForFunction(() => document.querySelector('[data-scholion]').shadowRoot
      .querySelector('.list-count')?.textContent === '1 annotation');
    assert.equal(await panel((root) => getComputedStyle(root.querySelector('.filter')).borderTopLeftRadius), '6px',
                 'the list\'s styles apply');
    await canvas(page, ([a]) => {
      const c = window.Scholion.instances[0].debug.canvas;
      c.select(a.start, a.end);
      c.canvas.focus();
    }, [r]);
    await page.keyboard.press('n');
    await page.waitForFunction(() => document.querySelector('[data-scholion]').shadowRoot.querySelector('.scholion-note textarea'));
    assert.equal(await panel((root) => getComputedStyle(root.querySelector('.scholion-note')).position), 'absolute');
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.waitForFunction(() => document.querySelector('[data-scholion]').shadowRoot.querySelector('.scholion-keys [role=dialog]'));
    assert.equal(await panel((root) => getComputedStyle(root.querySelector('.scholion-keys')).position), 'absolute');
    await page.keyboard.press('Escape');
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('phone: open, select by touch, highlight from the toolbar, close', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3,
                                                 hasTouch: true, isMobile: true });
  const page = await context.newPage();
  try {
    await page.goto(env.url + NEWS);
    await page.waitForFunction(() => window.Scholion?.instances.length === 1);
    await page.getByRole('button', { name: /Highlight & notes/ }).tap();
    await page.waitForFunction(() => window.Scholion.instances[0].debug?.canvas.documentSummary());
    await settle(page);
    const box = await page.locator('canvas').boundingBox();
    assert.ok(box.width >= 380, `the panel takes the whole width (${box.width})`);
    const cdp = await context.newCDPSession(page);
    const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }] });
    const r = await rangeOf(page, 'peacekeepers');
    const rect = await page.evaluate(([a]) => window.Scholion.instances[0].debug.canvas.rangeRect(a.start, a.end), [r]);
    const x = box.x + rect.x + rect.width / 2, y = box.y + rect.y + rect.height / 2;
    await touch('touchStart', x, y);
    await page.waitForTimeout(800);
    await touch('touchEnd');
    assert.equal((await canvas(page, () => window.Scholion.instances[0].debug.canvas.selection())).text, 'peacekeepers');
    await settle(page);
    const bar = await canvas(page, () => window.Scholion.instances[0].debug.toolbarRect());
    assert.ok(bar.y > rect.y, 'on touch the toolbar sits below the selection');
    await touch('touchStart', box.x + bar.x + 18 + 28 * 1, box.y + bar.y + 18);  // the second swatch
    await touch('touchEnd');
    await page.waitForFunction(() => window.Scholion.instances[0].debug.canvas.annotationCount() === 1);
    assert.equal((await canvas(page, () => window.Scholion.instances[0].debug.canvas.annotations()))[0].color, 'green');
    await page.screenshot({ path: artifact('phone-highlight.png') });
    await page.getByRole('button', { name: 'Close' }).tap();
    assert.equal(await page.evaluate(() => document.querySelector('[data-scholion]').shadowRoot.querySelector('.panel').hidden), true);
  } finally {
    await context.close();
  }
});

test('the boot script stays under 4 KB gzip', () => {
  const size = gzipSync(readFileSync(join(siteDir, 'scholion.js')), { level: 9 }).length;
  assert.ok(size <= 4096, `scholion.js is ${size} bytes gzip`);
});

test('a storage adapter keeps annotations on the site\'s side instead of localStorage', async () => {
  const { page, context, errors } = await open(env, NEWS);
  try {
    await page.waitForFunction(() => window.Scholion?.instances.length === 1);
    await page.evaluate(async () => {
      window.Scholion.instances[0].destroy();
      window.__server = new Map();
      const adapter = {
        load: async (id) => window.__server.get(id) ?? null,
        save: async (id, json) => { window.__server.set(id, json); },
      };
      window.__adapter = adapter;
      await window.Scholion.mount(document.querySelector('article'), { id: 'story-42', storage: adapter }).open();
    });
    const r = await rangeOf(page, 'impartial way');
    await canvas(page, ([a]) => window.Scholion.instances[0].debug.canvas.highlight(a.start, a.end, 'purple'), [r]);
    await canvas(page, () => window.Scholion.instances[0].debug.canvas.flush());
    await page.waitForFunction(() => window.__server.has('story-42'));
    const saved = JSON.parse(await page.evaluate(() => window.__server.get('story-42')));
    assert.equal(saved.annotations[0].quote.exact, 'impartial way');
    assert.equal(await page.evaluate(() => localStorage.getItem('scholion:doc:story-42')), null);

    // A new instance with the same adapter finds it.
    await page.evaluate(async () => {
      window.Scholion.instances[0].destroy();
      await window.Scholion.mount(document.querySelector('article'), { id: 'story-42', storage: window.__adapter }).open();
    });
    await page.waitForFunction(() => window.Scholion.instances[0].debug.canvas.annotationCount() === 1);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('without WebGL 2 the panel says so instead of failing silently', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    const real = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : real.call(this, type, ...rest);
    };
  });
  const page = await context.newPage();
  try {
    await page.goto(env.url + NEWS);
    await page.waitForFunction(() => window.Scholion?.instances.length === 1);
    await page.evaluate(() => window.Scholion.instances[0].open().catch(() => {}));
    const status = await page.evaluate(() =>
      document.querySelector('[data-scholion]').shadowRoot.querySelector('.status').textContent);
    assert.match(status, /no WebGL 2/);
  } finally {
    await context.close();
  }
});
