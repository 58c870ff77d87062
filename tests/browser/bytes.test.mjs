// The reading canvas's byte budget: everything the news page downloads to open the
// annotator and draw its article — boot script, canvas and storage modules, JS glue and
// wasm; no fonts: the canvas draws with the browser's own — at most 200 KB gzip -9.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openingDownloads, settle, missingGlyphs } from './harness.mjs';

const BUDGET = 200 * 1024;

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('opening the annotator on the news page downloads at most 200 KB gzip', async () => {
  const { files, missing } = await openingDownloads(env.browser, env.url + 'examples/news/');
  assert.deepEqual(missing, [], 'no text of the article is drawn as boxes');
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  const width = Math.max(...files.map((f) => f.file.length));
  for (const f of files) {
    console.log(`${f.file.padEnd(width)} ${String(f.raw).padStart(7)} B ${String(f.gzip).padStart(7)} B gzip`);
  }
  console.log(`${'total'.padEnd(width)} ${String(files.reduce((s, f) => s + f.raw, 0)).padStart(7)} B ` +
              `${String(total).padStart(7)} B gzip (budget ${BUDGET})`);
  assert.deepEqual(files.filter((f) => f.status !== 200).map((f) => f.file), [], 'every download succeeds');
  for (const part of ['scholion.js', 'scholion-core.wasm', 'scholion-core.mjs']) {
    assert.ok(files.some((f) => f.file.endsWith(part)), `${part} is among the downloads`);
  }
  assert.deepEqual(files.filter((f) => /\.(ttf|otf|woff2?)$|fonts\//.test(f.file)).map((f) => f.file), [],
                   'no font is downloaded');
  assert.ok(total <= BUDGET, `${total} B gzip exceeds the budget of ${BUDGET} B`);
});

test('text in other scripts and emoji downloads nothing more: the browser draws it', async () => {
  const page = await env.browser.newPage();
  const requests = [];
  try {
    await page.goto(env.url + 'examples/news/');
    await page.waitForFunction(() => window.Scholion?.instances.length === 1);
    await page.getByRole('button', { name: /Highlight & notes/ }).click();
    await page.waitForFunction(() => window.Scholion.instances[0].debug?.frameCount() > 0, null, { timeout: 30000 });
    await page.evaluate(() => window.Scholion.instances[0].debug.fontsReady());
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    // Latin-1, Latin Extended-A and -B, Greek, Cyrillic, punctuation, currency, arrows, a
    // pictograph, Arabic, Devanagari, CJK, a flag.
    const text = 'Café déjà vu — “Łódź” ǅ ƒ\n\nΕλληνικά Русский язык ‰ € ₴ → ⇒\n\nA ☕ break\n\n' +
                 'العربية हिन्दी 中文 🇷🇸';
    await page.evaluate((t) => window.Scholion.instances[0].debug.loadPlainText(t, 'urn:bytes:scripts'), text);
    await page.evaluate(() => window.Scholion.instances[0].debug.fontsReady());
    await settle(page);
    assert.deepEqual((await missingGlyphs(page)).missing, []);
    assert.deepEqual(requests, []);
  } finally {
    await page.close();
  }
});
