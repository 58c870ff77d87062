// The peer's runner in the side-by-side anchoring benchmark (`make bench-anchor`): the
// approach of Hypothesis's client (peer_match_quote.mjs) on the cases written by
// anchor_cases_json, timed the way anchor_side_by_side.cpp times Scholion.
//
//   node tests/bench/anchor_peer_bench.mjs CASES_JSON OUT_JSON [--reps N] [--warmup N]
//                                          [--budget ours|hypothesis] [--shared DIR]
//
// First it checks that the implementation reproduces upstream matchQuote on the
// conformance vectors taken from Hypothesis's tests (conformance/hypothesis/
// match-quote.json: start, end and score of every case), and stops if not.
// Then, in two modes (position: the recorded selectors; quote_only: the position
// dropped), the first N cases are anchored untimed (warm-up: V8's JIT), then every case is
// timed in each of N passes; a case's time is its median, the total the sum of those.
// Positions go in and come out in UTF-16 code units, as in Hypothesis; OUT_JSON carries
// them converted to code points, for the comparison to judge like Scholion's.
// --budget: ours (default) searches with Scholion's error budget, floor(max_error_rate x
// the quote's code points), so both sides search for the same thing; hypothesis uses
// Hypothesis's own, min(256, length / 2).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { anchorLikeHypothesis, hypothesisBudget, matchQuote } from './peer_match_quote.mjs';

function parseArgs(argv) {
  const [casesPath, outPath, ...rest] = argv;
  if (!casesPath || !outPath) {
    console.error('usage: anchor_peer_bench.mjs CASES_JSON OUT_JSON [--reps N] [--warmup N] [--budget ours|hypothesis] [--shared DIR]');
    process.exit(2);
  }
  const opts = { casesPath, outPath, reps: 1, warmup: 20, budget: 'ours', shared: process.env.SCHOLION_SHARED_DIR };
  for (let i = 0; i + 1 < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (flag === '--reps') opts.reps = Math.max(1, Number(value));
    else if (flag === '--warmup') opts.warmup = Math.max(0, Number(value));
    else if (flag === '--budget') opts.budget = value;
    else if (flag === '--shared') opts.shared = value;
  }
  if (!['ours', 'hypothesis'].includes(opts.budget)) {
    console.error(`anchor_peer_bench: unknown budget ${opts.budget}`);
    process.exit(2);
  }
  return opts;
}

// Upstream matchQuote's results on its own tests, reproduced exactly (Hypothesis's budget).
function checkConformance(sharedDir) {
  const file = path.join(sharedDir, 'conformance/hypothesis/match-quote.json');
  const vectors = JSON.parse(readFileSync(file, 'utf8'));
  const textOf = (name) => vectors.texts[name] ?? name;
  const same = (r, u) =>
    u === null ? r === null : r !== null && r.start === u.start && r.end === u.end && Math.abs(r.score - u.score) < 1e-12;
  const failures = [];
  let checked = 0;
  for (const c of vectors.cases) {
    checked++;
    const r = matchQuote(textOf(c.text), c.quote, c.context ?? {});
    if (!same(r, c.upstream_result)) failures.push(c.id);
  }
  for (const o of vectors.orderings) {
    o.values_in_descending_score_order.forEach((value, i) => {
      checked++;
      const quote = o.vary === 'quote' ? value : o.quote;
      const context = o.vary === 'prefix' ? { prefix: value } : o.vary === 'suffix' ? { suffix: value } : {};
      const r = matchQuote(textOf(o.text), quote, context);
      if (!r || Math.abs(r.score - o.upstream_scores[i]) >= 1e-12) failures.push(`${o.id}[${i}]`);
    });
  }
  return { checked, failures };
}

// Code point offset of every UTF-16 offset of `text` (surrogate pairs: the pair's start).
function utf16ToCodePoints(text) {
  const out = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    out[i] = cp;
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) out[++i] = cp;
    }
    cp++;
  }
  out[text.length] = cp;
  return out;
}

const median = (values) => {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  return n === 0 ? 0 : n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
};
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

function runMode(text, cps, cases, budgetOf, withPosition, opts) {
  const selectors = cases.map((c) => ({
    exact: c.exact,
    prefix: c.prefix,
    suffix: c.suffix,
    position: withPosition ? c.position_utf16 : undefined,
  }));
  for (let i = 0; i < Math.min(opts.warmup, cases.length); i++) anchorLikeHypothesis(text, selectors[i], budgetOf(cases[i]));

  const times = cases.map(() => []);
  const totals = [];
  let results = null;
  for (let rep = 0; rep < opts.reps; rep++) {
    const passResults = [];
    let total = 0;
    for (let i = 0; i < cases.length; i++) {
      const t0 = nowMs();
      const r = anchorLikeHypothesis(text, selectors[i], budgetOf(cases[i]));
      const ms = nowMs() - t0;
      times[i].push(ms);
      total += ms;
      passResults.push(r);
    }
    totals.push(total);
    results ??= passResults;
  }
  const out = results.map((r, i) => {
    const c = { status: r.status, method: r.method ?? 'none', score: r.score ?? 0, ms: median(times[i]) };
    if (r.status === 'anchored') {
      c.start = cps[r.start];
      c.end = cps[r.end];
      c.start_utf16 = r.start;
      c.end_utf16 = r.end;
    }
    return c;
  });
  const perCase = out.map((c) => c.ms).sort((a, b) => a - b);
  const total = perCase.reduce((sum, ms) => sum + ms, 0);
  console.log(
    `  ${withPosition ? 'position  ' : 'quote_only'}  median ${median(perCase).toFixed(3)} ms, ` +
      `p95 ${perCase[Math.floor(perCase.length * 0.95)].toFixed(3)} ms, total ${total.toFixed(1)} ms`,
  );
  return { reps: opts.reps, warmup: opts.warmup, pass_totals_ms: totals, total_ms: total, cases: out };
}

const matcherVersion = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('approx-string-match/package.json'), 'utf8'),
).version;
const opts = parseArgs(process.argv.slice(2));
const doc = JSON.parse(readFileSync(opts.casesPath, 'utf8'));
const sharedDir = opts.shared ?? path.resolve(path.dirname(doc.text.path), '../../..');
const conformance = checkConformance(sharedDir);
if (conformance.failures.length) {
  console.error(`anchor_peer_bench: differs from upstream matchQuote on ${conformance.failures.join(', ')}`);
  process.exit(1);
}

// Buffer#toString keeps a leading byte-order mark, as AnchorText::from_utf8 does.
const text = readFileSync(doc.text.path).toString('utf8');
if (text.length !== doc.text.utf16) {
  console.error(`anchor_peer_bench: ${doc.text.path} is not the text the cases were made from`);
  process.exit(2);
}
const cps = utf16ToCodePoints(text);
const budgetOf =
  opts.budget === 'ours'
    ? (c) => Math.floor(doc.max_error_rate * c.exact_length.code_points)
    : (c) => hypothesisBudget(c.exact_length.utf16);
const budgetText =
  opts.budget === 'ours' ? `floor(${doc.max_error_rate} x quote length)` : 'min(256, quote length / 2)';

console.log(
  `peer (Hypothesis's approach, approx-string-match ${matcherVersion}, node ${process.versions.node}, ` +
    `budget ${budgetText}): ` +
    `${doc.cases.length} cases, ${opts.reps} timed pass(es); upstream matchQuote reproduced on ` +
    `${conformance.checked}/${conformance.checked} conformance vectors`,
);
const modes = {
  position: runMode(text, cps, doc.cases, budgetOf, true, opts),
  quote_only: runMode(text, cps, doc.cases, budgetOf, false, opts),
};
writeFileSync(
  opts.outPath,
  JSON.stringify({
    matcher: 'peer',
    build: `Hypothesis's approach on approx-string-match ${matcherVersion}, node ${process.versions.node}`,
    budget: opts.budget,
    budget_rule: budgetText,
    conformance_vectors_reproduced: conformance.checked,
    prepare_ms: 0,
    modes,
  }) + '\n',
);
