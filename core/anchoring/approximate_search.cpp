#include "core/anchoring/approximate_search.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "core/anchoring/gram_index.hpp"

namespace scholion::detail {
namespace {

using Window = std::pair<uint32_t, uint32_t>;  // [from, to) of the text

uint32_t saturating_sub(uint32_t a, uint32_t b) { return a > b ? a - b : 0; }

// The offset of the gram of quote[from, to) with the fewest index entries.
uint32_t rarest_gram(const GramIndex& index, std::u32string_view quote, uint32_t from, uint32_t to) {
  uint32_t best = from;
  std::size_t best_size = SIZE_MAX;
  for (uint32_t g = from; g + GramIndex::kGram <= to; ++g) {
    const std::size_t size = index.candidates(quote.data() + g).size();
    if (size < best_size) {
      best_size = size;
      best = g;
    }
  }
  return best;
}

// Windows around the places where enough pigeonhole pieces occur verbatim on nearby
// diagonals; false when the pieces hit too often to be worth it.
bool seed_windows(const AnchorText& text, std::u32string_view quote, uint32_t budget, std::vector<Window>& out) {
  const std::u32string_view t = text.code_points();
  const uint32_t n = static_cast<uint32_t>(t.size());
  const uint32_t m = static_cast<uint32_t>(quote.size());
  if (m < GramIndex::kGram) return true;  // exact occurrences are found separately
  const uint32_t pieces = std::max<uint32_t>(1, m / kMinPiece);
  const GramIndex& index = text.gram_index();

  // A piece made only of common grams ("of the a") would flood the sweep; it is left
  // out, and the guarantee below counts the pieces actually used.
  struct Piece {
    uint32_t from, to, gram;
  };
  std::vector<Piece> used;
  for (uint32_t i = 0; i < pieces; ++i) {
    const uint32_t from = static_cast<uint32_t>(uint64_t{i} * m / pieces);
    const uint32_t to = static_cast<uint32_t>(uint64_t{i + 1} * m / pieces);
    const uint32_t gram = rarest_gram(index, quote, from, to);
    if (index.candidates(quote.data() + gram).size() <= kMaxPieceHits) used.push_back(Piece{from, to, gram});
  }
  if (used.empty()) return false;
  const uint32_t usable = static_cast<uint32_t>(used.size());
  const uint32_t far_budget = std::min<uint32_t>({budget, usable - 1, (m * kFarBudgetPercent + 99) / 100});
  const uint32_t needed = usable - far_budget;  // pieces an occurrence within far_budget keeps

  struct Hit {
    int64_t diagonal;  // where the quote would start if this piece is where it belongs
    uint32_t piece;
  };
  std::vector<Hit> hits;
  std::size_t looked_at = 0;
  for (uint32_t i = 0; i < usable; ++i) {
    const uint32_t from = used[i].from;
    const uint32_t gram = used[i].gram;
    const std::u32string_view piece = quote.substr(from, used[i].to - from);
    const auto positions = index.candidates(quote.data() + gram);
    looked_at += positions.size();
    if (looked_at > kMaxSeedHits) return false;
    for (const uint32_t p : positions) {
      if (p < gram - from) continue;
      const uint32_t piece_start = p - (gram - from);
      if (piece_start + piece.size() > n || t.substr(piece_start, piece.size()) != piece) continue;
      hits.push_back(Hit{int64_t{piece_start} - from, i});
    }
  }
  // Each edit shifts the diagonal of the pieces after it by at most one, and spoils at
  // most one piece: an occurrence with e <= far_budget edits shows at least `needed`
  // distinct pieces with diagonals within far_budget of each other. Slide a window of
  // that width over the sorted diagonals and open a verification window wherever enough
  // distinct pieces fall in it.
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.diagonal < b.diagonal; });
  std::vector<uint32_t> count(usable, 0);
  uint32_t distinct = 0;
  std::size_t lo = 0;
  for (std::size_t hi = 0; hi < hits.size(); ++hi) {
    if (count[hits[hi].piece]++ == 0) ++distinct;
    while (hits[hi].diagonal - hits[lo].diagonal > far_budget) {
      if (--count[hits[lo].piece] == 0) --distinct;
      ++lo;
    }
    if (distinct >= needed) {
      const int64_t from = std::max<int64_t>(0, hits[lo].diagonal - budget);
      const int64_t to = std::min<int64_t>(n, hits[hi].diagonal + m + budget);
      out.emplace_back(static_cast<uint32_t>(from), static_cast<uint32_t>(to));
    }
  }
  return true;
}

std::vector<Window> merged(std::vector<Window> windows) {
  std::sort(windows.begin(), windows.end());
  std::vector<Window> out;
  for (const Window& w : windows) {
    if (!out.empty() && w.first <= out.back().second) {
      out.back().second = std::max(out.back().second, w.second);
    } else {
      out.push_back(w);
    }
  }
  return out;
}

uint32_t length_off(const Occurrence& o, uint32_t m) {
  const uint32_t length = o.end - o.start;
  return length > m ? length - m : m - length;
}

// Whether `a` is the better reading of one place than `b`.
bool better_occurrence(const Occurrence& a, const Occurrence& b, uint32_t m) {
  if (a.distance != b.distance) return a.distance < b.distance;
  if (length_off(a, m) != length_off(b, m)) return length_off(a, m) < length_off(b, m);
  return a.start < b.start;
}

}  // namespace

std::vector<Occurrence> exact_occurrences(const AnchorText& text, std::u32string_view quote) {
  std::vector<Occurrence> out;
  const std::u32string_view t = text.code_points();
  const uint32_t m = static_cast<uint32_t>(quote.size());
  if (m == 0 || m > t.size()) return out;
  if (t.size() > kFullScanLimit && m >= GramIndex::kGram) {
    const GramIndex& index = text.gram_index();
    const uint32_t gram = rarest_gram(index, quote, 0, m);
    for (const uint32_t p : index.candidates(quote.data() + gram)) {
      if (p < gram) continue;
      const uint32_t start = p - gram;
      if (start + m <= t.size() && t.substr(start, m) == quote) out.push_back(Occurrence{start, start + m, 0});
    }
    return out;
  }
  for (std::size_t at = t.find(quote); at != std::u32string_view::npos; at = t.find(quote, at + 1)) {
    const uint32_t start = static_cast<uint32_t>(at);
    out.push_back(Occurrence{start, start + m, 0});
  }
  return out;
}

std::vector<Occurrence> approximate_occurrences(const AnchorText& text, std::u32string_view quote,
                                                uint32_t budget, std::optional<uint32_t> hint) {
  std::vector<Occurrence> out;
  const std::u32string_view t = text.code_points();
  const uint32_t n = static_cast<uint32_t>(t.size());
  const uint32_t m = static_cast<uint32_t>(quote.size());
  if (m == 0 || n == 0) return out;

  std::vector<Window> windows;
  if (n <= kFullScanLimit) {
    windows.emplace_back(0, n);
  } else {
    if (hint) {
      const uint32_t at = std::min(*hint, n);
      windows.emplace_back(saturating_sub(at, kLocalRadius + budget),
                           static_cast<uint32_t>(std::min<uint64_t>(n, uint64_t{at} + m + kLocalRadius + budget)));
    }
    if (!seed_windows(text, quote, budget, windows)) windows.assign(1, Window{0, n});
  }

  const BitPattern forward(quote);
  const BitPattern backward(std::u32string(quote.rbegin(), quote.rend()));
  std::vector<Occurrence> ends;
  for (const Window& w : merged(std::move(windows))) search_ends(forward, t, w.first, w.second, budget, ends);

  std::vector<Occurrence> found;
  found.reserve(ends.size());
  for (const Occurrence& e : ends) {
    const Occurrence o = best_start(backward, t, e.end, m + budget, m);
    if (o.distance <= budget && o.end > o.start) found.push_back(o);
  }
  std::sort(found.begin(), found.end(), [](const Occurrence& a, const Occurrence& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  // Overlapping readings of one place collapse to the best; verbatim ones all stay.
  for (const Occurrence& o : found) {
    if (!out.empty() && o.start < out.back().end && !(o.distance == 0 && out.back().distance == 0)) {
      if (o.start == out.back().start && o.end == out.back().end) continue;
      if (better_occurrence(o, out.back(), m)) out.back() = o;
      continue;
    }
    if (!out.empty() && o.start == out.back().start && o.end == out.back().end) continue;
    out.push_back(o);
  }
  return out;
}

}  // namespace scholion::detail
