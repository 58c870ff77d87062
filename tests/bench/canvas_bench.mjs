// Browser benchmarks of the canvas (real Chromium, SwiftShader WebGL: software GL, so
// frame times are upper bounds for real devices). Not a test: `make bench-browser`.
//
//   load 5,000 annotations on a 180,000-character article: from calling load to the
//     first frame drawn with the highlights;
//   the same with 20,000 annotations on Moby-Dick;
//   CPU time per frame while scrolling Moby-Dick with 20,000 highlights (median, p95);
//   frames drawn during 5 s idle with 20,000 highlights on screen;
//   the glyph cache after scrolling: entries, runs rasterised, texture memory;
//   the metrics: every word of Moby-Dick measured through the canvas's FontMetrics with
//     an empty cache (what a layout of whole runs asks), distinct words and time;
//   bytes shipped: wasm + js (no fonts), raw and gzip -9.
// Each load is repeated; medians are reported. Results: build/bench/canvas.json.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, outDir, openingDownloads } from '../browser/harness.mjs';

const shared = process.env.SCHOLION_SHARED_DIR || new URL('../../../shared/', import.meta.url).pathname;
const moby = readFileSync(join(shared, 'corpus/texts/long/moby-dick-pg2701.txt'), 'utf8');
const scripts = readFileSync(join(shared, 'corpus/scripts/city-council.txt'), 'utf8');
const REPEAT = Number(process.env.REPEAT || 5);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
}

// A text cut at a paragraph boundary near `limit` code points.
function cut(text, limit) {
  const cps = [...text];
  if (cps.length <= limit) return text;
  const head = cps.slice(0, limit).join('');
  return head.slice(0, head.lastIndexOf('\n\n'));
}

// Runs in the page: builds `count` random annotations over the shown document as
// storage JSON, and times load (the text, then the annotations) → first frame.
// (20,000 annotations with their quotes and context are about 7 MB of JSON: more than
// localStorage holds, so they are handed over directly, as a site's storage adapter
// or an import would.)
async function timeLoad(page, text, count, docId) {
  return page.evaluate(async ([text, count, docId]) => {
    const s = window.Scholion.instances[0].debug.canvas;
    // First load, to learn the document's text and fingerprint as the core sees them.
    s.loadPlainText(text, docId + ':probe');
    const plain = [...s.documentText()];
    const fingerprint = s.documentSummary().fingerprint;
    let seed = 12345;
    const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const annotations = [];
    for (let i = 0; i < count; i++) {
      const start = Math.floor(rand() * (plain.length - 200));
      const end = start + 5 + Math.floor(rand() * 150);
      annotations.push({
        id: crypto.randomUUID(),
        start, end, color: ['yellow', 'green', 'blue', 'pink', 'purple'][i % 5], note: '', tags: [],
        quote: { exact: plain.slice(start, end).join(''), prefix: plain.slice(Math.max(0, start - 32), start).join(''),
                 suffix: plain.slice(end, end + 32).join('') },
        created: 1700000000000 + i, modified: 1700000000000 + i,
      });
    }
    const stored = { schema: 1, document: { id: docId, title: 'bench', source_url: '', fingerprint },
                     annotations, tombstones: [] };
    const json = JSON.stringify(stored);
    localStorage.clear();
    const before = s.frameCount();
    const t0 = performance.now();
    s.loadPlainText(text, docId);
    s.importStorage(json);
    // rAF callbacks run in order: ours, registered now, runs after the canvas's frame.
    await new Promise((resolve) => {
      const tick = () => (s.frameCount() > before ? resolve() : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    });
    const ms = performance.now() - t0;
    if (s.annotationCount() !== count) throw new Error(`loaded ${s.annotationCount()} of ${count}`);
    return ms;
  }, [text, count, docId]);
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const env = await start();
  const results = {};
  try {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(env.url + 'app/');
    await page.waitForFunction(() => window.Scholion?.instances?.[0]?.debug?.canvas.documentSummary());
    const article = cut(moby, 180000);
    // 20,000-character articles in Arabic and in Chinese: the scripts corpus's sentence,
    // six to a paragraph. The first run measures and rasterises every word afresh (cold);
    // the later ones find them cached.
    const sentence = (lang) => scripts.split('\n').find((l) => l.startsWith(lang)).replace(/^[^:：]+[:：]\s*/, '');
    const article20k = (lang, joiner) => {
      const paragraph = Array(6).fill(sentence(lang)).join(joiner);
      let text = '';
      while ([...text].length < 20000) text += (text ? '\n\n' : '') + paragraph;
      return text;
    };
    // (Moby-Dick last: the scrolling and measuring below use the document shown.)
    for (const [name, text, count] of [['arabic20k', article20k('العربية', ' '), 0],
                                       ['chinese20k', article20k('中文（简体）', ''), 0],
                                       ['article180k_5000', article, 5000], ['mobydick_20000', moby, 20000]]) {
      const times = [];
      for (let i = 0; i < REPEAT; i++) times.push(await timeLoad(page, text, count, `bench-${name}-${i}`));
      results[name] = { chars: [...text].length, annotations: count, load_to_first_frame_ms_median: median(times),
                        first_run_ms: times[0], runs_ms: times };
      console.log(`${name}: ${[...text].length} code points, ${count} annotations: load → first frame median ${median(times).toFixed(1)} ms, first run ${times[0].toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')})`);
    }

    // Scrolling Moby-Dick with its 20,000 highlights: CPU per frame.
    const box = await page.locator('canvas').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const frameMs = [];
    for (let i = 0; i < 60; i++) {
      const before = await page.evaluate(() => window.Scholion.instances[0].debug.frameCount());
      await page.mouse.wheel(0, 120);
      await page.waitForFunction((b) => window.Scholion.instances[0].debug.frameCount() > b, before);
      frameMs.push(await page.evaluate(() => window.Scholion.instances[0].debug.lastFrameMs()));
    }
    results.scroll_frame_cpu_ms = { median: median(frameMs), p95: percentile(frameMs, 0.95) };
    console.log(`scrolling with 20,000 highlights: CPU per frame median ${median(frameMs).toFixed(2)} ms, p95 ${percentile(frameMs, 0.95).toFixed(2)} ms`);

    // The glyph cache after a load and 60 scroll steps.
    results.glyph_cache = await page.evaluate(() => window.Scholion.instances[0].debug.glyphStats());
    const gc = results.glyph_cache;
    console.log(`glyph cache: ${gc.entries} runs cached, ${gc.rasterised} rasterised, ${gc.shelves_emptied} shelves emptied, ` +
                `atlas ${gc.atlas_size}² RGBA = ${(gc.texture_bytes / 1048576).toFixed(0)} MiB (${gc.atlas_rows_used} rows used); ` +
                `metrics: ${gc.measured} measured by the browser, ${gc.measure_hits} from the cache`);
    // Metrics for whole runs: every word of Moby-Dick, cache emptied first.
    const words = [];
    for (let i = 0; i < 3; i++) words.push(await page.evaluate(() => window.Scholion.instances[0].debug.benchMeasureWords()));
    results.measure_words = { ...words[0], ms_median: median(words.map((w) => w.ms)), runs_ms: words.map((w) => w.ms) };
    console.log(`measuring every word of Moby-Dick: ${words[0].words} words, ${words[0].distinct} distinct (measured by the browser), ` +
                `median ${results.measure_words.ms_median.toFixed(1)} ms = ${(1000 * results.measure_words.ms_median / words[0].distinct).toFixed(2)} µs per distinct word`);

    // Idle: 5 s with 20,000 highlights on screen.
    await page.waitForTimeout(500);
    const f0 = await page.evaluate(() => window.Scholion.instances[0].debug.frameCount());
    await page.waitForTimeout(5000);
    const f1 = await page.evaluate(() => window.Scholion.instances[0].debug.frameCount());
    results.idle_frames_5s = f1 - f0;
    console.log(`frames drawn during 5 s idle with 20,000 highlights: ${f1 - f0}`);
    await context.close();

    // The embed: from the click on the launcher to the first frame, and bytes fetched.
    const openTimes = [];
    let openedBytes = 0;
    for (let i = 0; i < REPEAT; i++) {
      const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const p = await ctx.newPage();
      const sizes = [];
      await p.goto(env.url + 'examples/news/');
      await p.waitForFunction(() => window.Scholion?.instances.length === 1);
      await p.waitForTimeout(300);
      p.on('response', async (r) => { try { sizes.push((await r.body()).length); } catch { /* redirects */ } });
      const t0 = Date.now();
      await p.getByRole('button', { name: /Highlight & notes/ }).click();
      await p.waitForFunction(() => window.Scholion.instances[0].debug?.frameCount() > 0);
      openTimes.push(Date.now() - t0);
      await p.waitForTimeout(300);
      openedBytes = sizes.reduce((a, b) => a + b, 0);
      await ctx.close();
    }
    results.embed_open = { click_to_first_frame_ms_median: median(openTimes), runs_ms: openTimes, bytes_fetched_on_open: openedBytes };
    console.log(`embed: launcher click → first frame median ${median(openTimes)} ms (${openTimes.join(', ')}); ${openedBytes} bytes fetched on open (uncompressed, local server)`);
  } finally {
    await env.close();
  }

  // What the news page downloads to open the annotator, as the browser test measures it.
  const env2 = await start();
  let downloads;
  try {
    downloads = await openingDownloads(env2.browser, env2.url + 'examples/news/');
  } finally {
    await env2.close();
  }
  const bytes = Object.fromEntries(downloads.files.map((f) => [f.file, { raw: f.raw, gzip: f.gzip }]));
  const total = Object.values(bytes).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  results.bytes = { files: bytes, total_for_news_page: total };
  for (const [f, b] of Object.entries(bytes)) console.log(`${f}: ${b.raw} B, ${b.gzip} B gzip`);
  console.log(`total for the news page: ${total.raw} B, ${total.gzip} B gzip -9`);
  writeFileSync(join(outDir, '..', 'bench', 'canvas.json'), JSON.stringify(results, null, 1));
}

await main();
