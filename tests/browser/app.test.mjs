// The standalone annotator page: opening files (input, drop, paste), the library,
// exports and imports, refusals, offline use and the layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { start, open, waitForCanvas, settle, artifact, rangeOf, siteDir } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const APP = 'app/';
const SHARED = process.env.SCHOLION_SHARED_DIR || join(siteDir, '../../../shared');
const TEXTS = join(SHARED, 'corpus/texts');
const HYPOTHESIS = join(SHARED, 'conformance/hypothesis-format/client-html-baselines');
const INPUT = artifact('app-input');
mkdirSync(INPUT, { recursive: true });

const CORPUS = readdirSync(TEXTS, { withFileTypes: true }).filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(TEXTS, d.name)).filter((f) => f.endsWith('.txt') && !f.startsWith('LICENSE'))
    .map((f) => join(TEXTS, d.name, f)));

/** The core's plain-text reading: an empty line (two line breaks) separates blocks, whitespace collapses. */
const plainTextModel = (text) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n\n')
  .map((p) => p.replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '')).filter(Boolean).join('\n\n');

async function openApp(options) {
  const opened = await open(env, APP, options);
  await opened.page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
  await settle(opened.page);
  return opened;
}

const call = (page, fn, arg) => page.evaluate(fn, arg);
const shown = (page) => call(page, () => window.Scholion.app.current());
const text = (page) => call(page, () => window.Scholion.instances[0].debug.canvas.documentText());
const message = (page) => call(page, () => {
  const m = document.getElementById('message');
  return m.hidden ? '' : m.querySelector('.text').textContent;
});
const storageSnapshot = (page) => call(page, () => Object.fromEntries(
  Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
const libraryTitles = (page) => call(page, () => [...document.querySelectorAll('#documents .open')].map((b) => b.textContent));

/** Waits until a document other than `before` is shown, or a message appears. */
async function settled(page, before) {
  await page.waitForFunction((id) => window.Scholion.app.current()?.id !== id ||
                             !document.getElementById('message').hidden, before?.id ?? null, { timeout: 30000 });
  await settle(page);
}

async function openFile(page, path) {
  const before = await shown(page);
  await page.setInputFiles('#open-file', path);
  await settled(page, before);
}

async function dropFile(page, path, type) {
  const before = await shown(page);
  const b64 = readFileSync(path).toString('base64');
  await page.evaluate(({ b64, name, type }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], name, { type }));
    const stage = document.getElementById('stage');
    for (const kind of ['dragenter', 'dragover', 'drop']) {
      stage.dispatchEvent(new DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, { b64, name: basename(path), type });
  await settled(page, before);
}

async function importFile(page, path) {
  await call(page, () => { document.getElementById('message').hidden = true; });
  await page.setInputFiles('#import-file', path);
  await page.waitForFunction(() => !document.getElementById('message').hidden, null, { timeout: 30000 });
  return message(page);
}

async function download(page, what) {
  await page.click('#export-menu summary');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${what}"]`)]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

const MARKDOWN = `# The String

Along all the roads around *Goderville* the peasants
and their wives were coming toward the burgh.

> It was market-day.

- Maître Hauchecorne, of Bréauté
- a piece of **string**

\`\`\`
  cord = pick_up()
\`\`\`
`;
const MARKDOWN_TEXT = ['The String',
  'Along all the roads around Goderville the peasants and their wives were coming toward the burgh.',
  'It was market-day.', 'Maître Hauchecorne, of Bréauté', 'a piece of string', '  cord = pick_up()'].join('\n\n');

test('each corpus text opened through the file input reads as the core reads plain text', async () => {
  const { page, context, errors } = await openApp();
  try {
    for (const path of CORPUS) {
      await openFile(page, path);
      assert.equal(await message(page), '', basename(path));
      assert.equal(await text(page), plainTextModel(readFileSync(path, 'utf8')), basename(path));
      const source = plainTextModel(readFileSync(path, 'utf8'));
      const cut = source.indexOf('\n\n');
      assert.equal((await shown(page)).title, cut < 0 ? source : source.slice(0, cut), `${basename(path)}: title is the first block`);
    }
    assert.equal((await libraryTitles(page)).length, CORPUS.length + 1);  // and the sample
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('Markdown and HTML files open with their blocks and titles; the news page reads as the embed reads it', async () => {
  const md = join(INPUT, 'the-string.md');
  writeFileSync(md, MARKDOWN);
  const embed = await open(env, 'examples/news/');
  let newsText, newsTitle;
  try {
    await waitForCanvas(embed.page);
    newsText = await text(embed.page);
    newsTitle = await embed.page.title();
  } finally {
    await embed.context.close();
  }
  const { page, context, errors } = await openApp();
  try {
    await openFile(page, md);
    assert.equal(await text(page), MARKDOWN_TEXT);
    assert.equal((await shown(page)).title, 'The String');
    await openFile(page, join(siteDir, 'examples/news/index.html'));
    assert.equal(await text(page), newsText);
    assert.equal((await shown(page)).title, newsTitle);  // the page's <title>
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('dropped files and pasted text (plain or rich) open too', async () => {
  const md = join(INPUT, 'dropped.md');
  writeFileSync(md, MARKDOWN.replace('The String', 'Dropped'));
  const { page, context, errors } = await openApp();
  try {
    await dropFile(page, md, 'text/markdown');
    assert.equal((await shown(page)).title, 'Dropped');
    const txt = CORPUS.find((p) => p.includes('en05'));
    await dropFile(page, txt, 'text/plain');
    assert.equal(await text(page), plainTextModel(readFileSync(txt, 'utf8')));

    const paste = async (data) => {
      const before = await shown(page);
      await page.click('#paste');
      await page.evaluate((d) => {
        const dt = new DataTransfer();
        for (const [type, value] of Object.entries(d)) dt.setData(type, value);
        document.getElementById('paste-box').dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      }, data);
      await settled(page, before);
    };
    await paste({ 'text/plain': 'Pasted title\n\nFirst  pasted\nparagraph.\n\nSecond.' });
    assert.equal(await text(page), 'Pasted title\n\nFirst pasted paragraph.\n\nSecond.');
    await paste({ 'text/plain': 'ignored', 'text/html': '<h1>Rich</h1><p>One <b>bold</b> word.</p><ul><li>item</li></ul>' });
    assert.equal(await text(page), 'Rich\n\nOne bold word.\n\nitem');
    assert.equal((await shown(page)).title, 'Rich');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('annotations survive a reload and come back when the document is reopened from the library', async () => {
  const { page, context, errors } = await openApp();
  try {
    const string = CORPUS.find((p) => p.includes('en03'));
    await openFile(page, string);
    const first = await shown(page);
    const { start, end } = await rangeOf(page, 'a little piece of string');
    await call(page, ([s, e]) => { const c = window.Scholion.instances[0].debug.canvas; c.highlight(s, e, 'green'); c.flush(); }, [start, end]);
    await openFile(page, CORPUS.find((p) => p.includes('en05')));
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    assert.match((await shown(page)).title, /Mouche/i);  // the last one shown comes back
    const item = page.locator('#documents li', { hasText: first.title });
    assert.match(await item.locator('.meta').textContent(), /^1 annotation /);
    await item.locator('.open').click();
    await page.waitForFunction((id) => window.Scholion.app.current()?.id === id, first.id);
    const annotations = await call(page, () => window.Scholion.instances[0].debug.canvas.annotations());
    assert.equal(annotations.length, 1);
    assert.deepEqual([annotations[0].start, annotations[0].end, annotations[0].color], [start, end, 'green']);
    await settle(page);
    await page.screenshot({ path: artifact('app-desktop.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('rename and delete (which asks) change the library; a deletion can be undone', async () => {
  const { page, context, errors } = await openApp();
  try {
    await openFile(page, CORPUS.find((p) => p.includes('en02')));
    const doc = await shown(page);
    const { start, end } = await rangeOf(page, 'Toine');
    await call(page, ([s, e]) => { const c = window.Scholion.instances[0].debug.canvas; c.highlight(s, e); c.flush(); }, [start, end]);
    const item = () => page.locator(`#documents li[data-id="${doc.id}"]`);

    page.once('dialog', (d) => d.accept('Toine, renamed'));
    await item().locator('.rename').click();
    await page.waitForFunction((id) => window.Scholion.app.current()?.title === 'Toine, renamed', doc.id);
    assert.equal(await item().locator('.open').textContent(), 'Toine, renamed');
    assert.equal((await call(page, () => window.Scholion.instances[0].debug.canvas.documentSummary())).title, 'Toine, renamed');

    let asked = '';
    page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
    await item().locator('.delete').click();
    assert.match(asked, /Delete “Toine, renamed” and its 1 annotation/);
    assert.equal(await item().count(), 1, 'dismissing keeps the document');

    const before = await storageSnapshot(page);
    page.once('dialog', (d) => d.accept());
    await item().locator('.delete').click();
    await page.waitForFunction(() => window.Scholion.app.current() === null);
    assert.equal(await item().count(), 0);
    assert.match(await message(page), /Deleted “Toine, renamed”/);
    const after = await storageSnapshot(page);
    assert.ok(!Object.keys(after).some((k) => k.includes(doc.id)), 'nothing of it is left in storage');
    assert.ok(await page.locator('#empty').isVisible());

    await page.click('#message button:text("Undo")');
    await page.waitForFunction((id) => window.Scholion.app.current()?.id === id, doc.id);
    assert.equal(await item().count(), 1);
    const annotations = await call(page, () => window.Scholion.instances[0].debug.canvas.annotations());
    assert.deepEqual(annotations.map((a) => [a.start, a.end]), [[start, end]]);
    const restored = await storageSnapshot(page);
    for (const key of Object.keys(before).filter((k) => k.includes(doc.id))) {
      assert.equal(restored[key], before[key], key);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('W3C export, cleared storage, import onto the same text: the same annotations at the same ranges', async () => {
  const { page, context, errors } = await openApp();
  try {
    const path = CORPUS.find((p) => p.includes('en04'));
    await openFile(page, path);
    const quotes = [['twenty-five days', 'yellow'], ['the hotel', 'blue'], ['Châtel-Guyon consists', 'pink']];
    for (const [quote, color] of quotes) {
      const { start, end } = await rangeOf(page, quote);
      await call(page, ([s, e, c]) => window.Scholion.instances[0].debug.canvas.highlight(s, e, c), [start, end, color]);
    }
    const before = await call(page, () => window.Scholion.instances[0].debug.canvas.annotations());
    const summary = await call(page, () => window.Scholion.instances[0].debug.canvas.documentSummary());
    const w3c = await download(page, 'w3c');
    assert.match(w3c.name, /\.jsonld$/);
    const collection = JSON.parse(w3c.text);
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.label, summary.title);
    assert.equal(collection['scholion:fingerprint'], summary.fingerprint);
    const markdown = await download(page, 'markdown');
    assert.equal(markdown.text, await call(page, () => window.Scholion.instances[0].debug.canvas.export('markdown')));
    assert.match(markdown.text, /^# /);
    const saved = join(INPUT, 'en04.annotations.jsonld');
    writeFileSync(saved, w3c.text);

    await call(page, () => localStorage.clear());
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    assert.deepEqual(await libraryTitles(page), [(await shown(page)).title], 'only the sample after clearing');
    await openFile(page, path);
    const report = await importFile(page, saved);
    assert.match(report, /3 placed, 0 could not be placed/);
    const after = await call(page, () => window.Scholion.instances[0].debug.canvas.annotations());
    const key = (a) => [a.id, a.start, a.end, a.color, a.quote.exact];
    assert.deepEqual(after.map(key), before.map(key));
    // Stored, too.
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    assert.equal((await call(page, () => window.Scholion.instances[0].debug.canvas.annotations())).length, 3);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a Hypothesis search response placed on its page: placed and orphaned counts are shown and right', async () => {
  const { page, context, errors } = await openApp();
  try {
    await openFile(page, join(HYPOTHESIS, 'minimal.html'));
    assert.equal(await text(page), 'One Two Three');
    assert.match(await importFile(page, join(HYPOTHESIS, 'minimal.api-search.json')), /1 placed, 0 could not be placed/);
    const [one] = await call(page, () => window.Scholion.instances[0].debug.canvas.annotations());
    assert.deepEqual([one.start, one.end, one.quote.exact], [4, 7, 'Two']);

    await openFile(page, join(HYPOTHESIS, 'wikipedia-regression-testing.HEAD.html'));
    const docText = await text(page);
    const rows = JSON.parse(readFileSync(join(HYPOTHESIS, 'wikipedia-regression-testing.api-search.HEAD.json'), 'utf8')).rows;
    const squash = (s) => s.replace(/\s+/g, ' ').trim();
    const quoteOf = (row) => squash(row.target[0].selector.find((s) => s.type === 'TextQuoteSelector').exact);
    const shownReport = await importFile(page, join(HYPOTHESIS, 'wikipedia-regression-testing.api-search.HEAD.json'));
    // Four quotes are in the article text once each, and are placed there. "Heading"
    // quotes the page title, "Regression testing", which the text has several times; its
    // recorded context (the page's "From Wikipedia, the free encyclopedia") is not
    // article text, so nothing tells the places apart: an orphan, kept.
    assert.match(shownReport, /: 4 placed, 1 could not be placed \(1 differ too much from this text; kept as orphans/);
    const annotations = await call(page, () => window.Scholion.instances[0].debug.canvas.annotations());
    const orphans = await call(page, () => window.Scholion.instances[0].debug.canvas.orphans());
    assert.deepEqual(annotations.map((a) => a.note).sort(), ['Body', 'Footer', 'Introduction', 'Quote']);
    assert.deepEqual(orphans.map((a) => a.note), ['Heading']);
    assert.ok(docText.split('Regression testing').length - 1 > 1, 'the heading\'s quote is in the text more than once');
    const cps = [...docText];
    for (const a of annotations) {
      const row = rows.find((r) => r.text === a.note);
      assert.equal(squash(cps.slice(a.start, a.end).join('')), quoteOf(row), a.note);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('broken, hostile and huge files are refused with the reason; nothing stored changes', async () => {
  const broken = join(INPUT, 'broken.json');
  writeFileSync(broken, '{"type": "AnnotationCollection", "first": {"items": [');
  const wrongShape = join(INPUT, 'wrong-shape.json');
  writeFileSync(wrongShape, JSON.stringify({ type: 'Annotation', target: 42 }));
  const badUtf8 = join(INPUT, 'bad-utf8.txt');
  writeFileSync(badUtf8, Buffer.concat([Buffer.from('Title\n\nsome text '), Buffer.from([0xc3, 0x28]), Buffer.from(' more')]));
  const huge = join(INPUT, 'huge.json');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 60 * 1024 * 1024);
  closeSync(fd);
  const hugeText = join(INPUT, 'huge.txt');
  const fd2 = openSync(hugeText, 'w');
  ftruncateSync(fd2, 60 * 1024 * 1024);
  closeSync(fd2);
  const backupLike = join(INPUT, 'not-a-backup.json');
  writeFileSync(backupLike, JSON.stringify({ scholion: 'library-backup', schema: 1, documents: [{ id: 'x', text: {} }] }));

  const { page, context, errors } = await openApp();
  try {
    await openFile(page, CORPUS.find((p) => p.includes('en01')));
    const { start, end } = await rangeOf(page, 'Marseilles');
    await call(page, ([s, e]) => { const c = window.Scholion.instances[0].debug.canvas; c.highlight(s, e); c.flush(); }, [start, end]);
    const before = await storageSnapshot(page);
    const current = await shown(page);

    assert.match(await importFile(page, broken), /“broken\.json” was not imported: it is not valid JSON .*Nothing was changed\./);
    assert.match(await importFile(page, wrongShape), /“wrong-shape\.json” was not imported: \$: missing field "@context".*Nothing was changed\./);
    assert.match(await importFile(page, huge), /“huge\.json” was not imported: it is 60\.0 MB; files of up to 16\.0 MB/);
    await openFile(page, hugeText);
    assert.match(await message(page), /“huge\.txt” is 60\.0 MB; documents of up to 8\.0 MB can be opened/);
    await call(page, () => { document.getElementById('message').hidden = true; });
    await openFile(page, badUtf8);
    assert.match(await message(page), /“bad-utf8\.txt” is not UTF-8 text: invalid UTF-8 at byte 17: 0xC3 0x28/);
    await call(page, () => { document.getElementById('message').hidden = true; });
    await page.setInputFiles('#restore-file', backupLike);
    await page.waitForFunction(() => !document.getElementById('message').hidden);
    assert.match(await message(page), /was not restored: documents\[0\]\.text\.schema .*Nothing was changed/);

    assert.deepEqual(await shown(page), current);
    assert.equal(await call(page, () => window.Scholion.instances[0].debug.canvas.annotationCount()), 1);
    await call(page, () => window.Scholion.instances[0].debug.canvas.flush());
    const after = await storageSnapshot(page);
    delete before['scholion:index'];  // "opened" times move; the documents may not
    delete after['scholion:index'];
    assert.deepEqual(after, before);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a 5 MB Markdown file opens', async () => {
  const moby = readFileSync(join(TEXTS, 'long/moby-dick-pg2701.txt'), 'utf8');
  let big = '# Four times Moby-Dick\n\n';
  while (Buffer.byteLength(big) < 5 * 1024 * 1024) big += moby;
  const path = join(INPUT, 'five-megabytes.md');
  writeFileSync(path, big);
  const { page, context, errors } = await openApp();
  try {
    await openFile(page, path);
    assert.equal((await shown(page)).title, 'Four times Moby-Dick');
    const summary = await call(page, () => window.Scholion.instances[0].debug.canvas.documentSummary());
    assert.ok(summary.length > 4.5e6, `${summary.length} code points`);
    assert.ok(!/could not be opened|is \d/.test(await message(page)), await message(page));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a document that does not fit in storage stays open, with a clear message and exports; nothing is lost', async () => {
  const { page, context, errors } = await openApp();
  try {
    const library = await libraryTitles(page);
    // Fill this origin's localStorage with other data until it refuses more.
    await call(page, () => {
      const chunk = (n) => 'x'.repeat(n);
      let i = 0;
      for (let size = 1 << 20; size >= 1024; size >>= 1) {
        try {
          for (;;) localStorage.setItem(`filler:${i++}`, chunk(size));
        } catch { /* full at this size: try smaller */ }
      }
    });
    const before = await storageSnapshot(page);
    const moby = join(TEXTS, 'long/moby-dick-pg2701.txt');
    await openFile(page, moby);
    assert.match((await shown(page)).title, /Moby Dick/);
    assert.match(await message(page), /is open but could not be kept in this browser: the browser’s storage for this site is full .*export them to keep a copy/);
    assert.deepEqual(await libraryTitles(page), library, 'the library is unchanged');
    const after = await storageSnapshot(page);
    delete before['scholion:index'];
    delete after['scholion:index'];
    assert.deepEqual(after, before, 'nothing stored was overwritten');
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#message button:text("Export text")')]);
    assert.equal(readFileSync(await file.path(), 'utf8'), await text(page));
    await page.screenshot({ path: artifact('app-storage-full.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a library backup restores every document; annotations of documents already here are merged', async () => {
  const { page, context, errors } = await openApp();
  try {
    const path = CORPUS.find((p) => p.includes('en03'));
    await openFile(page, path);
    const a = await rangeOf(page, 'Hauchecorne');
    await call(page, ([s, e]) => { const c = window.Scholion.instances[0].debug.canvas; c.highlight(s, e, 'purple'); c.flush(); }, [a.start, a.end]);
    await openFile(page, CORPUS.find((p) => p.includes('en02')));
    const titles = await libraryTitles(page);
    const backup = await download(page, 'library');
    assert.match(backup.name, /^scholion-library-\d{4}-\d\d-\d\d\.json$/);
    const saved = join(INPUT, 'library-backup.json');
    writeFileSync(saved, backup.text);

    await call(page, () => localStorage.clear());
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    // The same text opened again, with another highlight, before the restore.
    await openFile(page, path);
    const doc = await shown(page);
    const b = await rangeOf(page, 'piece of string');
    await call(page, ([s, e]) => { const c = window.Scholion.instances[0].debug.canvas; c.highlight(s, e, 'green'); c.flush(); }, [b.start, b.end]);

    await page.setInputFiles('#restore-file', saved);
    await page.waitForFunction(() => /Restored/.test(document.querySelector('#message .text').textContent));
    assert.match(await message(page), /1 document added, annotations merged into 1 document already here/);
    assert.deepEqual((await libraryTitles(page)).sort(), titles.sort());
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    await page.locator(`#documents li[data-id="${doc.id}"] .open`).click();
    await page.waitForFunction((id) => window.Scholion.app.current()?.id === id, doc.id);
    const annotations = await call(page, () => window.Scholion.instances[0].debug.canvas.annotations());
    assert.deepEqual(annotations.map((x) => [x.start, x.end, x.color]).sort((x, y) => x[0] - y[0]),
                     [[a.start, a.end, 'purple'], [b.start, b.end, 'green']].sort((x, y) => x[0] - y[0]));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('after loading, opening, pasting, importing and exporting make no network request', async () => {
  const { page, context, errors } = await openApp();
  try {
    const requests = [];
    page.on('request', (r) => { if (!/^(blob|data):/.test(r.url())) requests.push(r.url()); });
    await openFile(page, join(TEXTS, 'mixed/blns-big-list-of-naughty-strings.txt'));  // symbols, emoji
    await openFile(page, join(siteDir, 'examples/news/index.html'));
    await dropFile(page, CORPUS.find((p) => p.includes('chekhov')), 'text/plain');
    const w3c = await download(page, 'w3c');
    const saved = join(INPUT, 'offline.jsonld');
    writeFileSync(saved, w3c.text);
    await importFile(page, saved);
    await call(page, () => window.Scholion.instances[0].debug.fontsReady());
    assert.deepEqual(requests, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('layout: library, canvas and annotation column on a desktop; one column on a phone', async () => {
  for (const [name, width, height] of [['desktop', 1280, 800], ['phone', 375, 740]]) {
    const { page, context, errors } = await openApp({ width, height });
    try {
      const box = (sel) => page.locator(sel).boundingBox();
      // The annotation list is the annotator's drawer, open beside the canvas on a desktop.
      const [lib, stage, canvas, aside] = [await box('#library'), await box('#stage'), await box('#stage canvas'),
                                           await box('#stage .sch-drawer')];
      if (name === 'desktop') {
        assert.ok(lib && aside, 'library and annotation column are shown');
        assert.ok(lib.x + lib.width <= canvas.x + 1 && canvas.x + canvas.width <= aside.x + 1, 'left to right');
        assert.ok(canvas.width > 600, `canvas column ${canvas.width}px`);
        await page.click('#toggle-library');
        assert.equal(await box('#library'), null, 'the library collapses');
        assert.ok((await box('#stage')).width > stage.width);
        await page.click('#toggle-library');
      } else {
        assert.equal(aside, null, 'the annotation list starts closed on a phone');
        assert.equal(lib, null, 'the library starts collapsed on a phone');
        assert.ok(stage.width >= 370, `canvas ${stage.width}px wide`);
        await page.click('#toggle-library');
        const [l2, s2] = [await box('#library'), await box('#stage')];
        assert.ok(l2.y + l2.height <= s2.y + 1, 'the library above the canvas');
        assert.ok(l2.width >= 370);
      }
      await settle(page);
      await page.screenshot({ path: artifact(`app-layout-${name}.png`) });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});
