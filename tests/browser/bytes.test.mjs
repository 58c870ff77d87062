// The reading canvas's byte budget: everything the news page downloads to open the
// annotator and draw its article — boot script, canvas and storage modules, JS glue,
// wasm, font manifest and the fonts the article needs — at most 200 KB gzip -9.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openingDownloads, settle } from './harness.mjs';

const BUDGET = 200 * 1024;

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('opening the annotator on the news page downloads at most 200 KB gzip', async () => {
  const { files, missing } = await openingDownloads(env.browser, env.url + 'examples/news/');
  assert.equal(missing, '', 'every glyph of the article has arrived');
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  const width = Math.max(...files.map((f) => f.file.length));
  for (const f of files) {
    console.log(`${f.file.padEnd(width)} ${String(f.raw).padStart(7)} B ${String(f.gzip).padStart(7)} B gzip`);
  }
  console.log(`${'total'.padEnd(width)} ${String(files.reduce((s, f) => s + f.raw, 0)).padStart(7)} B ` +
              `${String(total).padStart(7)} B gzip (budget ${BUDGET})`);
  assert.deepEqual(files.filter((f) => f.status !== 200).map((f) => f.file), [], 'every download succeeds');
  for (const part of ['scholion.js', 'scholion-core.wasm', 'scholion-core.mjs', 'fonts/scholion-text.ttf']) {
    assert.ok(files.some((f) => f.file.endsWith(part)), `${part} is among the downloads`);
  }
  assert.ok(total <= BUDGET, `${total} B gzip exceeds the budget of ${BUDGET} B`);
});

test('text beyond the core: the chunks its scripts need arrive on demand, and only those', async () => {
  const page = await env.browser.newPage();
  const fonts = [];
  page.on('request', (r) => { if (r.url().endsWith('.ttf')) fonts.push(new URL(r.url()).pathname.split('/').pop()); });
  try {
    await page.goto(env.url + 'examples/news/');
    await page.waitForFunction(() => window.Scholion?.instances.length === 1);
    await page.getByRole('button', { name: /Highlight & notes/ }).click();
    await page.waitForFunction(() => window.Scholion.instances[0].debug?.frameCount() > 0, null, { timeout: 30000 });
    await page.evaluate(() => window.Scholion.instances[0].debug.fontsReady());
    fonts.length = 0;
    // Latin-1, Latin Extended-A and -B, Greek, Cyrillic, punctuation, currency, arrows, a pictograph.
    const text = 'Café déjà vu — “Łódź” ǅ ƒ\n\nΕλληνικά Русский язык ‰ € ₴ → ⇒\n\nA ☕ break';
    await page.evaluate((t) => window.Scholion.instances[0].debug.canvas.loadPlainText(t, 'urn:bytes:scripts'), text);
    await page.evaluate(() => window.Scholion.instances[0].debug.fontsReady());
    await settle(page);
    assert.equal(await page.evaluate(() => window.Scholion.instances[0].debug.missingGlyphs()), '');
    assert.deepEqual(fonts.sort(), [
      'scholion-font-00c0.ttf',  // é à ó (Latin-1, U+00C0–U+00FF)
      'scholion-font-0140.ttf',  // Ł ź (Latin Extended-A)
      'scholion-font-0180.ttf',  // ƒ (Latin Extended-B)
      'scholion-font-01c0.ttf',  // ǅ
      'scholion-font-0384.ttf',  // Greek
      'scholion-font-0400.ttf',  // Р (Cyrillic, U+0400–U+043F)
      'scholion-font-0440.ttf',  // у с и й я ы (U+0440–U+047F)
      'scholion-font-2000.ttf',  // ‰ (general punctuation)
      'scholion-font-20a0.ttf',  // € ₴
      'scholion-font-2190.ttf',  // → (symbol face)
      'scholion-font-21d0.ttf',  // ⇒
      'scholion-font-2610.ttf',  // ☕
    ]);
  } finally {
    await page.close();
  }
});
