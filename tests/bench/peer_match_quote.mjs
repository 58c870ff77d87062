// The peer of the side-by-side anchoring benchmark: the approach of Hypothesis's client,
// written here from its description (not its source), on the same npm matcher it uses,
// `approx-string-match` (Myers' bit-parallel search, 32-bit words).
//
// How Hypothesis re-finds a text quote in an HTML page's text:
//   1. the recorded TextPositionSelector is tried first, and kept only when the text
//      there is exactly the recorded quote;
//   2. otherwise the quote is searched for with approx-string-match's
//      search(text, quote, maxErrors), which returns every occurrence with the lowest
//      error count found within the budget (ties: all of them, in text order);
//   3. each candidate is scored on
//        quote     1 - errors / quote length                                  weight 50
//        prefix    similarity of the recorded prefix to the text just before  weight 20
//        suffix    similarity of the recorded suffix to the text just after   weight 20
//        position  1 - |start - recorded start| / text length                 weight  2
//      (a context similarity is 1 - e / length, e the fewest edits of the recorded
//      context found in the same number of characters next to the candidate; 1 when no
//      context was recorded, 0 when there is no text on that side), normalised by 92;
//   4. the best-scoring candidate wins, the earliest on a tie. There is no minimum score:
//      the only orphan is a quote with no candidate at all within the budget.
// Hypothesis's own budget is min(256, quote length / 2) errors; the benchmark passes ours
// (AnchorOptions::max_error_rate of the quote's length, rounded down) so that both sides
// search for the same thing. Positions are UTF-16 code units (JavaScript string indices),
// as in Hypothesis.
import search from 'approx-string-match';

export const WEIGHTS = Object.freeze({ quote: 50, prefix: 20, suffix: 20, position: 2 });
const WEIGHT_SUM = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

// Hypothesis's default error budget for a quote of `length` UTF-16 code units.
export function hypothesisBudget(length) {
  return Math.min(256, length / 2);
}

// How much of `recorded` context survives in `window` (the text on that side of a
// candidate): 1 - fewest edits / recorded length.
function contextSimilarity(window, recorded) {
  if (window.length === 0) return 0;
  let fewest = recorded.length;
  for (const m of search(window, recorded, recorded.length)) fewest = Math.min(fewest, m.errors);
  return 1 - fewest / recorded.length;
}

// Scores one candidate {start, end, errors} of `quote` in `text`.
export function scoreCandidate(text, quote, candidate, context = {}) {
  const { prefix, suffix, hint } = context;
  const quoteScore = 1 - candidate.errors / quote.length;
  const prefixScore = prefix
    ? contextSimilarity(text.slice(Math.max(0, candidate.start - prefix.length), candidate.start), prefix)
    : 1;
  const suffixScore = suffix ? contextSimilarity(text.slice(candidate.end, candidate.end + suffix.length), suffix) : 1;
  const positionScore = typeof hint === 'number' ? 1 - Math.abs(candidate.start - hint) / text.length : 1;
  return (
    (WEIGHTS.quote * quoteScore +
      WEIGHTS.prefix * prefixScore +
      WEIGHTS.suffix * suffixScore +
      WEIGHTS.position * positionScore) /
    WEIGHT_SUM
  );
}

// The best candidate for `quote` in `text`, {start, end, errors, score, candidates}, or
// null when nothing lies within `maxErrors`. context: {prefix?, suffix?, hint?}.
export function matchQuote(text, quote, context = {}, maxErrors = hypothesisBudget(quote.length)) {
  if (quote.length === 0 || text.length === 0) return null;
  const candidates = search(text, quote, maxErrors);
  let best = null;
  for (const c of candidates) {
    const score = scoreCandidate(text, quote, c, context);
    if (best === null || score > best.score) best = { start: c.start, end: c.end, errors: c.errors, score };
  }
  if (best) best.candidates = candidates.length;
  return best;
}

// Re-finds a stored annotation the way Hypothesis does (steps 1-4 above).
//   selectors: {exact, prefix, suffix, position?: {start, end}}  (UTF-16)
//   maxErrors: the search's budget for this quote
// Returns {status: 'anchored', start, end, score, method: 'position'|'fuzzy'} or
// {status: 'orphan'}.
export function anchorLikeHypothesis(text, selectors, maxErrors) {
  const { exact, prefix, suffix, position } = selectors;
  if (position && text.slice(position.start, position.end) === exact) {
    return { status: 'anchored', start: position.start, end: position.end, score: 1, method: 'position' };
  }
  const m = matchQuote(text, exact, { prefix, suffix, hint: position?.start }, maxErrors);
  if (!m) return { status: 'orphan' };
  return { status: 'anchored', start: m.start, end: m.end, score: m.score, method: 'fuzzy' };
}
