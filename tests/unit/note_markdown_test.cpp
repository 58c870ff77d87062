#include "core/model/note_markdown.hpp"

#include <gtest/gtest.h>

#include <random>

#include "core/text/unicode_properties.hpp"
#include "core/text/utf8.hpp"

namespace scholion {
namespace {

using Blocks = std::vector<std::string>;

std::string_view style_name(NoteStyle style) {
  switch (style) {
    case NoteStyle::plain: return "plain";
    case NoteStyle::emphasis: return "em";
    case NoteStyle::strong: return "strong";
    case NoteStyle::link_url: return "url";
    case NoteStyle::tag: return "tag";
    case NoteStyle::code: return "code";
  }
  return "?";
}

// One string per block: its marker and a space (list items), then the text with each span
// shown as {style:text}. Also checks the spans are sorted, non-overlapping, non-empty,
// not plain and inside the text.
Blocks shown(std::string_view note) {
  Blocks out;
  for (const NoteBlock& block : parse_note_markdown(note)) {
    EXPECT_EQ(block.marker.empty(), block.kind == NoteBlock::Kind::paragraph) << note;
    EXPECT_TRUE(validate_utf8(block.text).ok()) << note;
    const std::u32string text = to_utf32(block.text);
    std::u32string s;
    uint32_t at = 0;
    for (const NoteSpan& span : block.spans) {
      EXPECT_LE(at, span.start) << note;
      EXPECT_LT(span.start, span.end) << note;
      EXPECT_LE(span.end, text.size()) << note;
      EXPECT_NE(span.style, NoteStyle::plain) << note;
      if (span.start < at || span.end > text.size() || span.start >= span.end) return {"bad spans"};
      s += text.substr(at, span.start - at);
      s += U"{" + to_utf32(style_name(span.style)) + U":" +
           text.substr(span.start, span.end - span.start) + U"}";
      at = span.end;
    }
    s += text.substr(at);
    out.push_back((block.marker.empty() ? "" : block.marker + " ") + to_utf8(s));
  }
  return out;
}

// --- Blocks -------------------------------------------------------------------------------

TEST(NoteMarkdown, BlankLinesSeparateParagraphsAndSingleLineFeedsBecomeSpaces) {
  EXPECT_EQ(shown("one\ntwo  \n  three\n\n\n four"), (Blocks{"one two three", "four"}));
  EXPECT_EQ(shown("a\r\nb\r\n\r\nc"), (Blocks{"a b", "c"}));
  EXPECT_EQ(shown(""), Blocks{});
  EXPECT_EQ(shown(" \n\t\n"), Blocks{});
}

TEST(NoteMarkdown, BulletItems) {
  EXPECT_EQ(shown("- one\n* two\n+ three"), (Blocks{"• one", "• two", "• three"}));
  EXPECT_EQ(shown("Intro:\n- a\n  continued\n\nafter"), (Blocks{"Intro:", "• a continued", "after"}));
  EXPECT_EQ(parse_note_markdown("- x")[0].kind, NoteBlock::Kind::bullet);
}

TEST(NoteMarkdown, NumberedItemsKeepTheirNumber) {
  EXPECT_EQ(shown("1. one\n3) three\n10. ten"), (Blocks{"1. one", "3) three", "10. ten"}));
  EXPECT_EQ(parse_note_markdown("7. x")[0].kind, NoteBlock::Kind::numbered);
  EXPECT_EQ(parse_note_markdown("7. x")[0].marker, "7.");
}

TEST(NoteMarkdown, WhatIsNotAListItem) {
  EXPECT_EQ(shown("-no space"), (Blocks{"-no space"}));
  EXPECT_EQ(shown("-"), (Blocks{"-"}));
  EXPECT_EQ(shown("1.5 litres"), (Blocks{"1.5 litres"}));
  EXPECT_EQ(shown("1234567890. too long"), (Blocks{"1234567890. too long"}));
}

// --- Inline markup --------------------------------------------------------------------------

TEST(NoteMarkdown, EmphasisAndStrong) {
  EXPECT_EQ(shown("a *b* _c_ **d** __e__"), (Blocks{"a {em:b} {em:c} {strong:d} {strong:e}"}));
  EXPECT_EQ(shown("*across\nlines*"), (Blocks{"{em:across lines}"}));
}

TEST(NoteMarkdown, InnermostStyleWinsWhereTheyNest) {
  EXPECT_EQ(shown("**a *b* c**"), (Blocks{"{strong:a }{em:b}{strong: c}"}));
  EXPECT_EQ(shown("***x***"), (Blocks{"{em:x}"}));
  EXPECT_EQ(shown("*a `b` c*"), (Blocks{"{em:a }{code:b}{em: c}"}));
}

TEST(NoteMarkdown, UnmatchedMarkersStayLiteral) {
  EXPECT_EQ(shown("2 * 3 * 4"), (Blocks{"2 * 3 * 4"}));
  EXPECT_EQ(shown("*open"), (Blocks{"*open"}));
  EXPECT_EQ(shown("close*"), (Blocks{"close*"}));
  EXPECT_EQ(shown("**a*"), (Blocks{"*{em:a}"}));
  EXPECT_EQ(shown("`unclosed"), (Blocks{"`unclosed"}));
  EXPECT_EQ(shown("[text](no close"), (Blocks{"[text](no close"}));
  EXPECT_EQ(shown("[text] (url)"), (Blocks{"[text] (url)"}));
  EXPECT_EQ(shown("** **"), (Blocks{"** **"}));
}

TEST(NoteMarkdown, UnderscoresInsideWordsAreLiteral) {
  EXPECT_EQ(shown("snake_case_name and _it_"), (Blocks{"snake_case_name and {em:it}"}));
  EXPECT_EQ(shown("a*b*c"), (Blocks{"a{em:b}c"}));
}

TEST(NoteMarkdown, CodeIsLiteralInside) {
  EXPECT_EQ(shown("`*not* #tag`"), (Blocks{"{code:*not* #tag}"}));
  EXPECT_EQ(shown("``a ` b``"), (Blocks{"{code:a ` b}"}));
  EXPECT_EQ(shown("`` `x` ``"), (Blocks{"{code:`x`}"}));
}

TEST(NoteMarkdown, BackslashEscapes) {
  EXPECT_EQ(shown("\\*not emphasis\\*"), (Blocks{"*not emphasis*"}));
  EXPECT_EQ(shown("\\#notatag a\\b"), (Blocks{"#notatag a\\b"}));
}

TEST(NoteMarkdown, LinksShowTheirUrl) {
  EXPECT_EQ(shown("see [the paper](https://example.org/p) now"),
            (Blocks{"see the paper ({url:https://example.org/p}) now"}));
  EXPECT_EQ(shown("[*em* text](u)"), (Blocks{"{em:em} text ({url:u})"}));
  EXPECT_EQ(shown("[https://x.org](https://x.org)"), (Blocks{"{url:https://x.org}"}));
  EXPECT_EQ(shown("[](https://x.org)"), (Blocks{"{url:https://x.org}"}));
  EXPECT_EQ(shown("[a](has space)"), (Blocks{"[a](has space)"}));
}

TEST(NoteMarkdown, BareUrlsWithoutTrailingPunctuation) {
  EXPECT_EQ(shown("at https://example.org/a_b?q=1."), (Blocks{"at {url:https://example.org/a_b?q=1}."}));
  EXPECT_EQ(shown("(http://x.org/a)"), (Blocks{"({url:http://x.org/a})"}));
  EXPECT_EQ(shown("https://en.wikipedia.org/wiki/Foo_(bar), ok"),
            (Blocks{"{url:https://en.wikipedia.org/wiki/Foo_(bar)}, ok"}));
  EXPECT_EQ(shown("*see https://x.org*"), (Blocks{"{em:see }{url:https://x.org}"}));
  EXPECT_EQ(shown("https:// alone, xhttps://x.org"), (Blocks{"https:// alone, xhttps://x.org"}));
}

TEST(NoteMarkdown, Tags) {
  EXPECT_EQ(shown("#whale and #sea-life, #snake_case"),
            (Blocks{"{tag:#whale} and {tag:#sea-life}, {tag:#snake_case}"}));
  EXPECT_EQ(shown("#2024 #1 # alone a#b #v2 #trailing-"),
            (Blocks{"#2024 #1 # alone a#b {tag:#v2} {tag:#trailing}-"}));
  EXPECT_EQ(shown("*#inside* (#paren) [#link](u) x#no"),
            (Blocks{"{tag:#inside} ({tag:#paren}) {tag:#link} ({url:u}) x#no"}));
}

// --- Text beyond ASCII ------------------------------------------------------------------------

TEST(NoteMarkdown, NonAsciiTextAndTags) {
  EXPECT_EQ(shown("**Vučić** 🇷🇸 #история #Ελλάδα"),
            (Blocks{"{strong:Vučić} 🇷🇸 {tag:#история} {tag:#Ελλάδα}"}));
  // Spans count code points: "Vučić" is 5 of them, 🇷🇸 two.
  const NoteBlock block = parse_note_markdown("🇷🇸 *Vučić*")[0];
  ASSERT_EQ(block.spans.size(), 1u);
  EXPECT_EQ(block.spans[0], (NoteSpan{3, 8, NoteStyle::emphasis}));
  // Combining marks belong to the tag.
  EXPECT_EQ(shown("#cafe\u0301!"), (Blocks{"{tag:#cafe\u0301}!"}));
}

TEST(NoteMarkdown, InvalidUtf8ReadsAsReplacementCharacters) {
  EXPECT_EQ(shown(std::string("a\xC3(b *\xFF*")), (Blocks{"a\uFFFD(b {em:\uFFFD}"}));
  EXPECT_EQ(shown(std::string("#t\xE2\x82")), (Blocks{"{tag:#t}\uFFFD\uFFFD"}));
  EXPECT_EQ(shown(std::string("\xED\xA0\x80")), (Blocks{"\uFFFD\uFFFD\uFFFD"}));  // a surrogate
}

TEST(NoteMarkdown, RandomNotesNeverBreakTheInvariants) {
  // Random strings over the markup's alphabet and a few multi-byte pieces and bad bytes.
  const std::vector<std::string> pieces = {"*", "_", "**", "`", "[", "]", "(", ")", "#", "a", "b",
                                           " ", "\n", "\n\n", "- ", "1. ", "\\", "https://x",
                                           "č", "🇷🇸", "\xC3", "\xFF", "я", "\xE2\x82", "-", "9"};
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string note;
    const int length = std::uniform_int_distribution<int>(0, 30)(rng);
    for (int k = 0; k < length; ++k) {
      note += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(rng)];
    }
    const Blocks blocks = shown(note);  // checks the spans
    for (const std::string& b : blocks) ASSERT_NE(b, "bad spans") << note;
    if (HasFailure()) FAIL() << "note: " << testing::PrintToString(note);
  }
}

TEST(NoteMarkdown, PathologicalInputStaysFast) {
  std::string note;
  for (int i = 0; i < 20000; ++i) note += "*a _b [c `d ";
  for (int i = 0; i < 2000; ++i) note += "**";
  const std::vector<NoteBlock> blocks = parse_note_markdown(note);
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_GT(blocks[0].text.size(), 200000u);
  // Nesting deeper than the parser recurses: the innermost markers stay literal.
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "*_";
  deep += "x";
  for (int i = 0; i < 5000; ++i) deep += "_*";
  EXPECT_EQ(parse_note_markdown(deep).size(), 1u);
}

// --- Tags -------------------------------------------------------------------------------------

TEST(NoteTags, LowerCasedDeduplicatedInOrder) {
  EXPECT_EQ(note_tags("#Whale then #sea and #WHALE, `#code`, #1"),
            (std::vector<std::string>{"whale", "sea"}));
  EXPECT_EQ(note_tags("#История и #история, #ΕΛΛΆΔΑ #Čapek"),
            (std::vector<std::string>{"история", "ελλάδα", "čapek"}));
  EXPECT_EQ(note_tags("no tags here"), std::vector<std::string>{});
}

TEST(NoteTags, UnicodeLowerCasing) {
  EXPECT_EQ(simple_lowercase(U'A'), U'a');
  EXPECT_EQ(simple_lowercase(U'Ž'), U'ž');
  EXPECT_EQ(simple_lowercase(U'Я'), U'я');
  EXPECT_EQ(simple_lowercase(U'Ѐ'), U'ѐ');
  EXPECT_EQ(simple_lowercase(U'Ω'), U'ω');
  EXPECT_EQ(simple_lowercase(U'ѣ'), U'ѣ');
  EXPECT_EQ(simple_lowercase(U'Ѣ'), U'ѣ');
  EXPECT_EQ(simple_lowercase(U'7'), U'7');
  EXPECT_EQ(simple_lowercase(0x1F1F7), 0x1F1F7u);
  EXPECT_EQ(lowercase_utf8("Vučić ČAPEK Москва"), "vučić čapek москва");
  EXPECT_TRUE(is_letter_or_number(U'ж'));
  EXPECT_TRUE(is_letter_or_number(U'字'));
  EXPECT_TRUE(is_letter_or_number(0x0301));  // a combining mark
  EXPECT_FALSE(is_letter_or_number(U'-'));
  EXPECT_FALSE(is_letter_or_number(0x1F1F7));
}

TEST(NoteMarkdown, AUrlFollowedByManyClosingParenthesesIsReadInLinearTime) {
  std::string note = "see https://example.org/a_(b)";
  note += std::string(100000, ')');
  const std::vector<NoteBlock> blocks = parse_note_markdown(note);
  ASSERT_EQ(blocks.size(), 1u);
  ASSERT_EQ(blocks[0].spans.size(), 1u);
  EXPECT_EQ(blocks[0].spans[0].style, NoteStyle::link_url);
  EXPECT_EQ(blocks[0].spans[0].start, 4u);
  EXPECT_EQ(blocks[0].spans[0].end, 4u + 25u);  // "https://example.org/a_(b)": its own ")" only
}

TEST(NoteTags, TagsRightAfterEachOtherStaySeparate) {
  EXPECT_EQ(note_tags("#a*#b*"), (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace scholion
