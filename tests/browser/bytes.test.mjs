// The reading canvas's byte budget: everything the news page downloads to open the
// annotator and draw its article — boot script, canvas and storage modules, JS glue,
// wasm, font manifest and the fonts the article needs — at most 200 KB gzip -9.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openingDownloads } from './harness.mjs';

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
