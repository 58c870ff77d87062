// Grapheme clusters and words: the Unicode conformance files line by line, the cases
// a reader meets (flags, ZWJ families, combining marks, CR LF, Hangul), selection
// snapping, double-click words in English, Russian and Greek, and a walk over the corpus.
#include "core/text/grapheme_clusters.hpp"
#include "core/text/unicode_properties.hpp"
#include "core/text/word_boundaries.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "core/text/text_offsets.hpp"
#include "core/text/utf8.hpp"
#include "test_support.hpp"

namespace scholion {
namespace {

std::filesystem::path unicode_dir() {
  if (const char* env = std::getenv("SCHOLION_UNICODE_DIR")) return env;
  return "/usr/share/unicode";
}

// "U+0065 U+0301 ÷ U+0021": code points with the boundaries found between them.
std::string show(std::u32string_view text, const std::vector<uint32_t>& boundaries) {
  std::string out;
  std::size_t b = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    const bool boundary = b < boundaries.size() && boundaries[b] == i;
    if (boundary) ++b;
    if (i > 0 && i < text.size()) out += boundary ? " ÷ " : " ";
    if (i < text.size()) out += format_code_point(text[i]);
  }
  return out;
}

// Every boundary, 0 and size included, by walking forward with `next`.
template <class Next>
std::vector<uint32_t> walk_forward(uint32_t size, Next next) {
  std::vector<uint32_t> out = {0};
  for (uint32_t p = 0; p < size;) {
    const uint32_t q = next(p);
    if (q <= p) {  // a step that does not advance would loop forever
      ADD_FAILURE() << "next boundary after " << p << " is " << q;
      break;
    }
    out.push_back(p = q);
  }
  return out;
}

// The same, walking backward with `prev`, returned in ascending order.
template <class Prev>
std::vector<uint32_t> walk_backward(uint32_t size, Prev prev) {
  std::vector<uint32_t> out = {size};
  for (uint32_t p = size; p > 0;) {
    const uint32_t q = prev(p);
    if (q >= p) {
      ADD_FAILURE() << "previous boundary before " << p << " is " << q;
      break;
    }
    out.push_back(p = q);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<uint32_t> grapheme_boundaries(std::u32string_view text) {
  return walk_forward(static_cast<uint32_t>(text.size()),
                      [&](uint32_t p) { return next_grapheme_boundary(text, p); });
}

std::vector<std::u32string> clusters(std::u32string_view text) {
  const auto b = grapheme_boundaries(text);
  std::vector<std::u32string> out;
  for (std::size_t k = 1; k < b.size(); ++k) out.emplace_back(text.substr(b[k - 1], b[k] - b[k - 1]));
  return out;
}

std::string show_clusters(const std::vector<std::u32string>& cs) {
  std::string out;
  for (const auto& c : cs) {
    out += out.empty() ? "[" : " [";
    for (std::size_t i = 0; i < c.size(); ++i) out += (i ? " " : "") + format_code_point(c[i]);
    out += "]";
  }
  return out;
}

// The clusters of the concatenation of `expected` are exactly `expected`, forward,
// backward, through is_grapheme_boundary and through the UTF-8 index.
void expect_clusters(const std::vector<std::u32string>& expected) {
  std::u32string text;
  std::vector<uint32_t> want = {0};
  for (const auto& c : expected) {
    text += c;
    want.push_back(static_cast<uint32_t>(text.size()));
  }
  const auto n = static_cast<uint32_t>(text.size());
  EXPECT_EQ(show_clusters(clusters(text)), show_clusters(expected));
  EXPECT_EQ(walk_backward(n, [&](uint32_t p) { return prev_grapheme_boundary(text, p); }), want)
      << show_clusters(expected);
  const std::string utf8 = to_utf8(text);
  const TextOffsets offsets(utf8);
  EXPECT_EQ(walk_forward(n, [&](uint32_t p) { return next_grapheme_boundary(offsets, p); }), want)
      << show_clusters(expected);
  for (uint32_t p = 0; p <= n; ++p) {
    const bool is = std::find(want.begin(), want.end(), p) != want.end();
    EXPECT_EQ(is_grapheme_boundary(text, p), is) << show_clusters(expected) << " at " << p;
    EXPECT_EQ(is_grapheme_boundary(offsets, p), is) << show_clusters(expected) << " at " << p;
  }
}

// One line of a UAX #29 test file: "÷ 0020 × 0308 ÷ 0020 ÷ # comment".
struct BreakCase {
  std::u32string text;
  std::vector<uint32_t> boundaries;
};

BreakCase parse_break_line(const std::string& line) {
  BreakCase c;
  std::istringstream in(line.substr(0, line.find('#')));
  std::string token;
  while (in >> token) {
    if (token == "÷") {
      c.boundaries.push_back(static_cast<uint32_t>(c.text.size()));
    } else if (token != "×") {
      c.text.push_back(static_cast<char32_t>(std::stoul(token, nullptr, 16)));
    }
  }
  return c;
}

struct Segmenter {
  bool (*is_boundary)(std::u32string_view, uint32_t);
  uint32_t (*next)(std::u32string_view, uint32_t);
  uint32_t (*prev)(std::u32string_view, uint32_t);
  bool (*is_boundary8)(const TextOffsets&, uint32_t);
  uint32_t (*next8)(const TextOffsets&, uint32_t);
  uint32_t (*prev8)(const TextOffsets&, uint32_t);
};

const Segmenter kGraphemes = {is_grapheme_boundary, next_grapheme_boundary, prev_grapheme_boundary,
                              is_grapheme_boundary, next_grapheme_boundary, prev_grapheme_boundary};
const Segmenter kWords = {is_word_boundary, next_word_boundary, prev_word_boundary,
                          is_word_boundary, next_word_boundary, prev_word_boundary};

// Runs every line of a UAX #29 test file through all three queries over both
// representations; returns the number of lines checked, reporting each failing line.
int run_break_test_file(const std::filesystem::path& path, const Segmenter& s) {
  std::ifstream in(path);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path << " (install the Debian package unicode-data)";
    return 0;
  }
  std::string line;
  int number = 0, checked = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.rfind("÷", 0) != 0) continue;
    const BreakCase c = parse_break_line(line);
    const std::u32string_view text = c.text;
    const auto n = static_cast<uint32_t>(text.size());
    const std::string utf8 = to_utf8(text);
    const TextOffsets offsets(utf8);
    std::vector<uint32_t> by_query;
    for (uint32_t p = 0; p <= n; ++p) {
      if (s.is_boundary(text, p)) by_query.push_back(p);
    }
    std::vector<uint32_t> by_query8;
    for (uint32_t p = 0; p <= n; ++p) {
      if (s.is_boundary8(offsets, p)) by_query8.push_back(p);
    }
    const auto forward = walk_forward(n, [&](uint32_t p) { return s.next(text, p); });
    const auto backward = walk_backward(n, [&](uint32_t p) { return s.prev(text, p); });
    const auto forward8 = walk_forward(n, [&](uint32_t p) { return s.next8(offsets, p); });
    const auto backward8 = walk_backward(n, [&](uint32_t p) { return s.prev8(offsets, p); });
    const std::string where = path.filename().string() + ":" + std::to_string(number) + ": " + line +
                              "\n  expected " + show(text, c.boundaries);
    EXPECT_EQ(by_query, c.boundaries) << where << "\n  is_boundary " << show(text, by_query);
    EXPECT_EQ(forward, c.boundaries) << where << "\n  next " << show(text, forward);
    EXPECT_EQ(backward, c.boundaries) << where << "\n  prev " << show(text, backward);
    EXPECT_EQ(by_query8, c.boundaries) << where << "\n  is_boundary (UTF-8) " << show(text, by_query8);
    EXPECT_EQ(forward8, c.boundaries) << where << "\n  next (UTF-8) " << show(text, forward8);
    EXPECT_EQ(backward8, c.boundaries) << where << "\n  prev (UTF-8) " << show(text, backward8);
    ++checked;
  }
  return checked;
}

// [SECTION] Unicode data

TEST(SegmentationData, TablesComeFromUnicode15) {
  // The rules in core/ are those of Unicode 15.0; 15.1 adds GB9c.
  EXPECT_EQ(unicode_data_version(), "15.0.0");
}

TEST(SegmentationData, PropertiesOfKnownCharacters) {
  EXPECT_EQ(grapheme_break(U'\r'), GraphemeBreak::cr);
  EXPECT_EQ(grapheme_break(U'a'), GraphemeBreak::other);
  EXPECT_EQ(grapheme_break(0x0301), GraphemeBreak::extend);
  EXPECT_EQ(grapheme_break(0x200D), GraphemeBreak::zwj);
  EXPECT_EQ(grapheme_break(0x1F1F7), GraphemeBreak::regional_indicator);
  EXPECT_EQ(grapheme_break(0x0600), GraphemeBreak::prepend);
  EXPECT_EQ(grapheme_break(0x093F), GraphemeBreak::spacing_mark);
  EXPECT_EQ(grapheme_break(0xAC00), GraphemeBreak::lv);
  EXPECT_EQ(grapheme_break(0xAC01), GraphemeBreak::lvt);
  EXPECT_EQ(grapheme_break(0x1F3FD), GraphemeBreak::extend);  // emoji modifier
  EXPECT_EQ(grapheme_break(0x10FFFF), GraphemeBreak::other);
  EXPECT_EQ(word_break(U'z'), WordBreak::aletter);
  EXPECT_EQ(word_break(U'Ж'), WordBreak::aletter);
  EXPECT_EQ(word_break(U'ς'), WordBreak::aletter);
  EXPECT_EQ(word_break(U'’'), WordBreak::midnumlet);
  EXPECT_EQ(word_break(U'\''), WordBreak::single_quote);
  EXPECT_EQ(word_break(0x00AD), WordBreak::format);
  EXPECT_EQ(word_break(0x2060), WordBreak::format);
  EXPECT_EQ(word_break(U'7'), WordBreak::numeric);
  EXPECT_TRUE(is_extended_pictographic(0x00A9));
  EXPECT_TRUE(is_extended_pictographic(0x1F469));
  EXPECT_TRUE(is_extended_pictographic(0x2764));
  EXPECT_FALSE(is_extended_pictographic(U'a'));
  EXPECT_FALSE(is_extended_pictographic(0x1F1F7));  // regional indicators are not
}

// [SECTION] Grapheme clusters

TEST(GraphemeBreakTest, EveryLineOfTheUnicodeTestFilePasses) {
  const int lines = run_break_test_file(unicode_dir() / "auxiliary/GraphemeBreakTest.txt", kGraphemes);
  EXPECT_EQ(lines, 602);  // the whole Unicode 15.0 file, not a truncated one
}

TEST(GraphemeClusters, FlagsPairUpLeftToRight) {
  expect_clusters({U"🇷🇸", U"🇷🇸"});
  expect_clusters({U"🇷🇸", U"🇷🇸", U"🇷"});
  expect_clusters({U"a", U"🇷🇸", U"🇬🇧", U"b"});
}

TEST(GraphemeClusters, ZwjSequencesAreOneCluster) {
  expect_clusters({U"👩‍👩‍👧"});
  expect_clusters({U"👩‍👩‍👧", U"👩‍👩‍👧"});
  expect_clusters({U"🏳️‍🌈"});               // flag, VS16, ZWJ, rainbow
  expect_clusters({U"a\u200D", U"👩"});      // ZWJ after a letter joins nothing after it
  expect_clusters({U"👩\u0301\u200D👧"});   // GB11 looks back over Extend
}

TEST(GraphemeClusters, CombiningMarksStayWithTheirLetter) {
  expect_clusters({U"c", U"a", U"f", U"e\u0301"});
  expect_clusters({U"e\u0301\u0323\u0304", U"!"});
  expect_clusters({U"\u0301", U"a"});  // a mark at the start is a cluster of its own
}

TEST(GraphemeClusters, CrLfIsOneClusterAndControlsStandAlone) {
  expect_clusters({U"a", U"\r\n", U"b"});
  expect_clusters({U"\n", U"\r"});
  expect_clusters({U"\r", U"\r\n"});
  expect_clusters({U"\n", U"\u0301"});  // a mark after a line break does not join it
  expect_clusters({U"\t", U"\u0301"});
}

TEST(GraphemeClusters, HangulJamoFormSyllables) {
  expect_clusters({U"\u1112\u1161\u11AB", U"\u1100\u1173\u11AF"});  // 한글 from jamo
  expect_clusters({U"\u1100\u1100\u1161\u11A8"});                     // L L V T
  expect_clusters({U"\uAC00\u11A8", U"\uAC01"});                      // LV T, LVT
  expect_clusters({U"\uD55C", U"\uAE00"});                            // precomposed 한글
  expect_clusters({U"\u11A8", U"\u1100"});                            // T then L
}

TEST(GraphemeClusters, EmojiModifiersAndVariationSelectors) {
  expect_clusters({U"✋🏽", U"✋"});
  expect_clusters({U"❤️", U"!"});
  expect_clusters({U"🏴󠁧󠁢󠁳󠁣󠁴󠁿", U"🏴"});  // Scotland: black flag plus tag characters
}

TEST(GraphemeClusters, PrependAndSpacingMarks) {
  expect_clusters({U"\u0600\u0661", U" "});  // Arabic number sign before a digit
  expect_clusters({U"\u0915\u093F", U"\u0928"});  // Devanagari KI, NA
}

TEST(GraphemeClusters, PositionsPastTheEndAreTheEnd) {
  const std::u32string text = U"ab";
  EXPECT_FALSE(is_grapheme_boundary(text, 3));
  EXPECT_EQ(next_grapheme_boundary(text, 9), 2u);
  EXPECT_EQ(prev_grapheme_boundary(text, 9), 1u);
  EXPECT_EQ(next_grapheme_boundary(U"", 0), 0u);
  EXPECT_EQ(prev_grapheme_boundary(U"", 0), 0u);
  EXPECT_TRUE(is_grapheme_boundary(U"", 0));
  const TextOffsets empty;
  EXPECT_TRUE(is_grapheme_boundary(empty, 0));
  EXPECT_EQ(next_grapheme_boundary(empty, 5), 0u);
}

TEST(GraphemeClusters, LongRunsOfRegionalIndicatorsKeepTheirParity) {
  // Each query counts the run behind it; the result must match a walk from the start.
  std::u32string text(1001, U'\U0001F1F7');
  const auto b = grapheme_boundaries(text);
  ASSERT_EQ(b.size(), 502u);  // 0, 2, 4, ..., 1000, 1001
  EXPECT_EQ(b[500], 1000u);
  EXPECT_EQ(prev_grapheme_boundary(text, 999), 998u);
  EXPECT_EQ(next_grapheme_boundary(text, 999), 1000u);
  EXPECT_FALSE(is_grapheme_boundary(text, 777));
  EXPECT_TRUE(is_grapheme_boundary(text, 778));
}

// [SECTION] Snapping

// `input` marks a selection with < and >; `expected` marks the snapped one with [ ].
void expect_snap(std::u32string input, std::u32string expected) {
  const auto take = [](std::u32string& s, char32_t mark) {
    const auto at = s.find(mark);
    if (at == std::u32string::npos) throw std::runtime_error("missing mark in test case");
    s.erase(at, 1);
    return static_cast<uint32_t>(at);
  };
  const uint32_t start = take(input, U'<');
  const uint32_t end = take(input, U'>');
  const uint32_t want_start = take(expected, U'[');
  const uint32_t want_end = take(expected, U']');
  ASSERT_EQ(input, expected) << "test case texts differ";
  const CodePointRange want{want_start, want_end};
  const CodePointRange got = snap_to_graphemes(input, start, end);
  EXPECT_EQ(got, want) << to_utf8(input) << ": [" << start << ", " << end << ") snapped to ["
                       << got.start << ", " << got.end << "), expected [" << want_start << ", "
                       << want_end << ")";
  const std::string utf8 = to_utf8(input);
  EXPECT_EQ(snap_to_graphemes(TextOffsets(utf8), start, end), want) << "UTF-8: " << utf8;
}

TEST(SegmentationSnap, SelectionsNeverSplitAFlag) {
  expect_snap(U"x🇷<🇸🇷>🇸y", U"x[🇷🇸🇷🇸]y");
  expect_snap(U"x🇷<🇸>🇷🇸y", U"x[🇷🇸]🇷🇸y");
  expect_snap(U"x<🇷🇸>🇷🇸y", U"x[🇷🇸]🇷🇸y");
}

TEST(SegmentationSnap, SelectionsNeverSplitAZwjEmojiOrAMark) {
  expect_snap(U"a👩\u200D<👩\u200D👧> b", U"a[👩\u200D👩\u200D👧] b");
  expect_snap(U"<cafe>\u0301!", U"[cafe\u0301]!");
  expect_snap(U"cafe<\u0301!>", U"caf[e\u0301!]");
  expect_snap(U"✋<🏽>", U"[✋🏽]");
}

TEST(SegmentationSnap, SelectionsNeverSplitCrLf) {
  expect_snap(U"a\r<\nb>", U"a[\r\nb]");
  expect_snap(U"<a\r>\nb", U"[a\r\n]b");
}

TEST(SegmentationSnap, AlignedRangesStayAndReversedOnesAreOrdered) {
  expect_snap(U"a<bc>d", U"a[bc]d");
  expect_snap(U"<>abc", U"[]abc");
  expect_snap(U"abc<>", U"abc[]");
  EXPECT_EQ(snap_to_graphemes(U"abe\u0301", 4, 2), (CodePointRange{2, 4}));
  EXPECT_EQ(snap_to_graphemes(U"abe\u0301", 3, 1), (CodePointRange{1, 4}));
}

TEST(SegmentationSnap, AnEmptyRangeInsideAClusterWidensToIt) {
  expect_snap(U"a🇷<>🇸b", U"a[🇷🇸]b");
  expect_snap(U"e<>\u0301", U"[e\u0301]");
}

TEST(SegmentationSnap, PositionsPastTheEndAreClamped) {
  EXPECT_EQ(snap_to_graphemes(U"abc", 1, 99), (CodePointRange{1, 3}));
  EXPECT_EQ(snap_to_graphemes(U"abc", 50, 99), (CodePointRange{3, 3}));
}

// [SECTION] Words

TEST(WordBreakTest, EveryLineOfTheUnicodeTestFilePasses) {
  const int lines = run_break_test_file(unicode_dir() / "auxiliary/WordBreakTest.txt", kWords);
  EXPECT_EQ(lines, 1823);
}

// `marked` is a text with the click position marked by | and the expected selection by
// [ ] for a word or { } for a non-word segment.
void expect_word(std::u32string marked) {
  uint32_t click = UINT32_MAX;
  WordRange want;
  std::u32string text;
  for (char32_t c : marked) {
    const auto here = static_cast<uint32_t>(text.size());
    if (c == U'|') {
      click = here;
    } else if (c == U'[' || c == U'{') {
      want.start = here;
      want.is_word = c == U'[';
    } else if (c == U']' || c == U'}') {
      want.end = here;
    } else {
      text += c;
    }
  }
  ASSERT_NE(click, UINT32_MAX) << "no click mark in " << to_utf8(marked);
  const WordRange got = word_at(text, click);
  EXPECT_EQ(got, want) << to_utf8(marked) << ": got [" << got.start << ", " << got.end << ")"
                       << (got.is_word ? " word " : " non-word ") << "\""
                       << to_utf8(std::u32string_view(text).substr(got.start, got.end - got.start))
                       << "\"";
  const std::string utf8 = to_utf8(text);
  EXPECT_EQ(word_at(TextOffsets(utf8), click), want) << "UTF-8: " << to_utf8(marked);
}

TEST(WordAt, EnglishWithTypographicApostrophes) {
  expect_word(U"I [do|n’t] know");
  expect_word(U"I [|don’t] know");
  expect_word(U"I [don’t|] know");   // a click just after the word's last letter
  expect_word(U"I [don’|t] know");
  expect_word(U"’[t|is] the night");
  expect_word(U"{|’}tis the night");
  expect_word(U"the [do|gs]’ bones");
  expect_word(U"the [dogs]|’ bones");
  expect_word(U"the dogs’{| }bones");
}

TEST(WordAt, EnglishWithTypewriterApostrophes) {
  expect_word(U"[l'ho|mme] qui rit");
  expect_word(U"rock '[|n]' roll");
  expect_word(U"[O'Bri|en's] hat");
}

TEST(WordAt, NumbersAndPunctuation) {
  expect_word(U"pi is [3.1|4]!");
  expect_word(U"[1,0|00] people");
  expect_word(U"[well|]-known");
  expect_word(U"well-[|known]");
  expect_word(U"[snake_c|ase]");
  expect_word(U"[Stop|]. Go");    // a position just after a word selects the word
  expect_word(U"Stop {|.}.. Go");  // each punctuation mark is a segment of its own
  expect_word(U"Stop.{| }Go");
}

TEST(WordAt, SpacesAreOneSegment) {
  expect_word(U"a{ |  }b");
  expect_word(U"[a|]   b");  // just after a word: the word wins
}

TEST(WordAt, Russian) {
  expect_word(U"Съешь же [ещ|ё] этих мягких французских булок");
  expect_word(U"[Съе|шь] же");
  expect_word(U"Вот [моло\u0301|ко].");  // a stress mark stays inside the word
  expect_word(U"«[Огн|и]»");
  expect_word(U"[Ёлк|а]-палка");
}

TEST(WordAt, Greek) {
  expect_word(U"[Καλη|μέρα], κόσμε!");
  expect_word(U"Καλημέρα, [κόσμ|ε]!");
  expect_word(U"Καλημέρα, [κόσμε|]!");
  expect_word(U"[ὁ|] λόγος");  // polytonic
  expect_word(U"[λόγος|]");   // end of text
}

TEST(WordAt, SoftHyphenAndWordJoinerStayInsideWords) {
  expect_word(U"[co\u00AD|operate] now");
  expect_word(U"[co|\u00ADoperate] now");
  expect_word(U"[NATO\u2060|Serbia]");
  expect_word(U"end [wor|d\u2060] next");  // a joiner after a word goes with it
  expect_word(U"[NATO\u2060]|–\u2060Serbia");
}

TEST(WordAt, EmptyTextAndClustersAtTheEdges) {
  expect_word(U"{|}");
  expect_word(U"{|🇷🇸} flag");
  expect_word(U"{|👩\u200D👩\u200D👧}");
  expect_word(U"x {|\r\n}y");
  EXPECT_EQ(word_at(U"ab", 99), (WordRange{0, 2, true}));
}

// [SECTION] Corpus

// Boundaries found walking forward and walking backward agree, over UTF-32 and UTF-8;
// every segment is non-empty; is_*_boundary agrees with both; words never split a
// cluster and always touch the click.
void check_corpus_text(const std::filesystem::path& path) {
  const std::string bytes = test::read_file(path);
  ASSERT_TRUE(validate_utf8(bytes).ok()) << path;
  const std::u32string text = to_utf32(bytes);
  const TextOffsets offsets(bytes);
  const auto n = static_cast<uint32_t>(text.size());
  const std::string name = path.filename().string();

  const auto forward = grapheme_boundaries(text);
  const auto backward = walk_backward(n, [&](uint32_t p) { return prev_grapheme_boundary(text, p); });
  ASSERT_EQ(forward, backward) << name;
  const auto forward8 = walk_forward(n, [&](uint32_t p) { return next_grapheme_boundary(offsets, p); });
  ASSERT_EQ(forward, forward8) << name;
  // Strictly increasing: every cluster holds at least one code point.
  ASSERT_TRUE(std::adjacent_find(forward.begin(), forward.end(), std::greater_equal<>()) ==
              forward.end()) << name;

  std::vector<bool> is_cluster_start(n + 1, false);
  for (uint32_t b : forward) is_cluster_start[b] = true;
  for (uint32_t p = 0; p <= n; ++p) {
    ASSERT_EQ(is_grapheme_boundary(text, p), is_cluster_start[p]) << name << " at " << p;
  }

  const auto words = walk_forward(n, [&](uint32_t p) { return next_word_boundary(text, p); });
  const auto words_back = walk_backward(n, [&](uint32_t p) { return prev_word_boundary(text, p); });
  ASSERT_EQ(words, words_back) << name;

  // word_at at every position of the smaller texts, at a spread of positions in the long one.
  const uint32_t step = n > 200'000 ? 61 : 1;
  for (uint32_t p = 0; p <= n; p += step) {
    const WordRange w = word_at(text, p);
    ASSERT_TRUE(w.start <= p && p <= w.end && (w.start < w.end || n == 0)) << name << " at " << p;
    ASSERT_TRUE(is_cluster_start[w.start] && is_cluster_start[w.end]) << name << " at " << p;
  }
}

TEST(SegmentationCorpus, EveryCorpusTextSegmentsConsistently) {
  const auto files = test::corpus_texts();
  ASSERT_FALSE(files.empty());
  for (const auto& path : files) {
    SCOPED_TRACE(path.string());
    check_corpus_text(path);
  }
}

TEST(SegmentationCorpus, WordsOfTheNewsArticle) {
  const std::string bytes = test::read_file(test::news_article());
  const std::u32string text = to_utf32(bytes);
  const TextOffsets offsets(bytes);
  // Every letter of the article belongs to a word containing it, the same over UTF-8.
  int words = 0;
  for (uint32_t p = 0; p < text.size(); ++p) {
    if (word_break(text[p]) != WordBreak::aletter) continue;
    const WordRange w = word_at(text, p);
    ASSERT_TRUE(w.is_word && w.start <= p && p < w.end) << "at " << p;
    ASSERT_EQ(word_at(offsets, p), w) << "at " << p;
    if (w.start == p) ++words;
  }
  EXPECT_GT(words, 100);
}

}  // namespace
}  // namespace scholion
