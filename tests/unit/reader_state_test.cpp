#include "core/reader/reader_state.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "annotation_notation.hpp"
#include "layout_support.hpp"

namespace scholion {
namespace {

using test::mark;
using test::parse_marks;

// A document in the selection notation ("The [quick] brown fox"), its annotation set, the
// reader state with that selection, and a monospace layout `columns` wide.
class Reader {
 public:
  explicit Reader(const std::string& notation, float columns = 80)
      : marked_(parse_marks(notation)),
        doc_(test::paragraphs(marked_.text, "Moby-Dick", "https://example.org/moby")),
        set_(clock_.clock(), doc_.length()),
        state_(doc_, set_, test::counter_random()),
        layout_(test::monospace(doc_, columns)) {
    state_.select(marked_.from, marked_.to);
  }
  Reader(const Reader&) = delete;

  ReaderState& state() { return state_; }
  AnnotationSet& set() { return set_; }
  const Layout& layout() const { return layout_; }
  const test::TestClock& clock() const { return clock_; }
  std::string shown() const { return mark(doc_, state_.selection().from(), state_.selection().to()); }
  void move(Motion motion, bool extend = false) { state_.move(layout_, motion, extend); }
  std::string moved(Motion motion, bool extend = false) {
    move(motion, extend);
    return shown();
  }

 private:
  test::TestClock clock_;
  test::Marked marked_;
  Document doc_;
  AnnotationSet set_;
  ReaderState state_;
  Layout layout_;
};

// --- Selection ------------------------------------------------------------------------

TEST(ReaderState, TheNotationRoundTrips) {
  EXPECT_EQ(Reader("The qu|ick").shown(), "The qu|ick");
  EXPECT_EQ(Reader("The [quick] fox").shown(), "The [quick] fox");
}

TEST(ReaderState, PositionsSnapToGraphemesAndOutOfBlockSeparators) {
  Reader r("a|\U0001F1F7\U0001F1F8b\n\ncd");
  r.state().set_caret(2);  // between the two regional indicators
  EXPECT_EQ(r.shown(), "a|\U0001F1F7\U0001F1F8b\n\ncd");
  r.state().set_caret(5);  // between the two line feeds
  EXPECT_EQ(r.shown(), "a\U0001F1F7\U0001F1F8b|\n\ncd");
  r.state().select(0, 1000);
  EXPECT_EQ(r.state().selection(), (Selection{0, 8}));
}

TEST(ReaderState, DoubleClickSelectsAWord) {
  Reader r("The qu|ick brown fox.");
  r.state().select_word_at(r.state().selection().head);
  EXPECT_EQ(r.shown(), "The [quick] brown fox.");
  r.state().select_word_at(19);  // between "fox" and "."
  EXPECT_EQ(r.shown(), "The quick brown [fox].");
  Reader apostrophe("I do|n\u2019t know");
  apostrophe.state().select_word_at(4);
  EXPECT_EQ(apostrophe.shown(), "I [don\u2019t] know");
}

TEST(ReaderState, TripleClickSelectsTheBlock) {
  Reader r("One two.\n\nThr|ee four.\n\nFive.");
  r.state().select_block_at(r.state().selection().head);
  EXPECT_EQ(r.shown(), "One two.\n\n[Three four.]\n\nFive.");
  EXPECT_EQ(r.state().selected_text(), "Three four.");
}

TEST(ReaderState, ShiftClickExtendsFromTheAnchor) {
  Reader r("The |quick brown");
  r.state().extend_to(9);
  EXPECT_EQ(r.shown(), "The [quick] brown");
  r.state().extend_to(0);
  EXPECT_EQ(r.shown(), "[The ]quick brown");
  EXPECT_EQ(r.state().selection(), (Selection{4, 0}));
}

TEST(ReaderState, DraggingAfterADoubleClickExtendsByWords) {
  Reader r("The quick brown fox");
  r.state().select_word_at(6);
  r.state().extend_to(12);  // inside "brown"
  EXPECT_EQ(r.shown(), "The [quick brown] fox");
  r.state().extend_to(1);  // inside "The": the anchor moves to the end of "quick"
  EXPECT_EQ(r.shown(), "[The quick] brown fox");
  EXPECT_EQ(r.state().selection().anchor, 9u);
  r.state().extend_to(7);  // back inside the first word: just that word
  EXPECT_EQ(r.shown(), "The [quick] brown fox");
}

TEST(ReaderState, DraggingAfterATripleClickExtendsByBlocks) {
  Reader r("One.\n\nTwo.\n\nThree.");
  r.state().select_block_at(7);
  r.state().extend_to(14);
  EXPECT_EQ(r.shown(), "One.\n\n[Two.\n\nThree.]");
}

TEST(ReaderState, ArrowsMoveByGraphemeAndCrossABlockBreakInOneStep) {
  Reader r("|a\U0001F1F7\U0001F1F8e\u0301\n\nb");
  EXPECT_EQ(r.moved(Motion::grapheme_right), "a|\U0001F1F7\U0001F1F8e\u0301\n\nb");
  EXPECT_EQ(r.moved(Motion::grapheme_right), "a\U0001F1F7\U0001F1F8|e\u0301\n\nb");
  EXPECT_EQ(r.moved(Motion::grapheme_right), "a\U0001F1F7\U0001F1F8e\u0301|\n\nb");
  EXPECT_EQ(r.moved(Motion::grapheme_right), "a\U0001F1F7\U0001F1F8e\u0301\n\n|b");
  EXPECT_EQ(r.moved(Motion::grapheme_right), "a\U0001F1F7\U0001F1F8e\u0301\n\nb|");
  EXPECT_EQ(r.moved(Motion::grapheme_right), "a\U0001F1F7\U0001F1F8e\u0301\n\nb|");
  r.move(Motion::grapheme_left);
  EXPECT_EQ(r.moved(Motion::grapheme_left), "a\U0001F1F7\U0001F1F8e\u0301|\n\nb");
  EXPECT_EQ(r.moved(Motion::grapheme_left), "a\U0001F1F7\U0001F1F8|e\u0301\n\nb");
  EXPECT_EQ(r.moved(Motion::document_start), "|a\U0001F1F7\U0001F1F8e\u0301\n\nb");
  EXPECT_EQ(r.moved(Motion::grapheme_left), "|a\U0001F1F7\U0001F1F8e\u0301\n\nb");
}

TEST(ReaderState, ArrowsCollapseASelectionToItsEdge) {
  Reader r("The [quick] fox");
  EXPECT_EQ(r.moved(Motion::grapheme_right), "The quick| fox");
  Reader l("The [quick] fox");
  EXPECT_EQ(l.moved(Motion::grapheme_left), "The |quick fox");
}

TEST(ReaderState, ShiftArrowsMoveOnlyTheHead) {
  Reader r("The |quick");
  r.move(Motion::grapheme_right, true);
  EXPECT_EQ(r.moved(Motion::grapheme_right, true), "The [qu]ick");
  r.move(Motion::grapheme_left, true);
  r.move(Motion::grapheme_left, true);
  EXPECT_EQ(r.moved(Motion::grapheme_left, true), "The[ ]quick");
  EXPECT_EQ(r.state().selection(), (Selection{4, 3}));
}

TEST(ReaderState, WordMotionsSkipSpacesAndPunctuation) {
  Reader r("The qu|ick brown, fox.");
  EXPECT_EQ(r.moved(Motion::word_right), "The quick| brown, fox.");
  EXPECT_EQ(r.moved(Motion::word_right), "The quick brown|, fox.");
  EXPECT_EQ(r.moved(Motion::word_right), "The quick brown, fox|.");
  EXPECT_EQ(r.moved(Motion::word_right), "The quick brown, fox.|");
  EXPECT_EQ(r.moved(Motion::word_left), "The quick brown, |fox.");
  EXPECT_EQ(r.moved(Motion::word_left), "The quick |brown, fox.");
  EXPECT_EQ(r.moved(Motion::word_left, true), "The [quick ]brown, fox.");
}

TEST(ReaderState, UpAndDownKeepTheGoalColumn) {
  // Lines of 10 columns: "aaaa bbbb " / "cc " / "dddddddd"
  Reader r("aaaa bbb|b cc dddddddd", 10);
  EXPECT_EQ(r.moved(Motion::line_down), "aaaa bbbb cc| dddddddd");  // the short line's end
  EXPECT_EQ(r.moved(Motion::line_down), "aaaa bbbb cc dddddddd|");  // back at column 8
  EXPECT_EQ(r.moved(Motion::line_up), "aaaa bbbb cc| dddddddd");
  EXPECT_EQ(r.moved(Motion::line_up), "aaaa bbb|b cc dddddddd");
  EXPECT_EQ(r.moved(Motion::line_up), "|aaaa bbbb cc dddddddd");  // above the first line
  r.move(Motion::grapheme_right);  // a horizontal move forgets the goal
  EXPECT_EQ(r.moved(Motion::line_down), "aaaa bbbb c|c dddddddd");
  EXPECT_EQ(r.moved(Motion::line_down, true), "aaaa bbbb c[c d]ddddddd");
}

TEST(ReaderState, HomeAndEndStayOnTheVisualLine) {
  Reader r("E|U-facilitated talks", 11);  // "EU-" / "facilitated " / "talks"
  r.move(Motion::line_end);
  EXPECT_EQ(r.shown(), "EU-|facilitated talks");
  EXPECT_EQ(r.state().selection().affinity, Affinity::upstream);  // after the hyphen, not on line 2
  EXPECT_FLOAT_EQ(r.layout().caret_rect(3, r.state().selection().affinity).y, r.layout().lines()[0].y);
  EXPECT_EQ(r.moved(Motion::line_start), "|EU-facilitated talks");
  r.state().set_caret(5);
  EXPECT_EQ(r.moved(Motion::line_end), "EU-facilitated| talks");  // before the hanging space
  EXPECT_EQ(r.moved(Motion::line_start, true), "EU-[facilitated] talks");
  EXPECT_EQ(r.moved(Motion::document_end, true), "EU-facilitated[ talks]");
}

TEST(ReaderState, AClickKeepsTheSideOfASoftBreakItWasMadeOn) {
  Reader r("EU-facilitated", 11);
  const Hit hit = r.layout().hit_test(10, r.layout().lines()[0].y + 1);  // right of "EU-"
  r.state().set_caret(hit.caret);
  EXPECT_EQ(r.state().selection(), (Selection{3, 3, Affinity::upstream}));
  r.state().select(0, 0);
  r.state().extend_to(hit.caret);
  EXPECT_EQ(r.state().selection(), (Selection{0, 3, Affinity::upstream}));
}

TEST(ReaderState, SelectedTextAndCopyQuote) {
  Reader r("Call me [Ishmael]. Some years ago");
  EXPECT_EQ(r.state().selected_text(), "Ishmael");
  EXPECT_EQ(r.state().quote_with_citation(),
            "\u201CIshmael\u201D\n\u2014 Moby-Dick, https://example.org/moby");
  r.state().select_all();
  EXPECT_EQ(r.state().selected_text(), "Call me Ishmael. Some years ago");
}

// --- Highlights -----------------------------------------------------------------------

TEST(ReaderState, HighlightCreatesAnAnnotationWithQuoteAndContext) {
  Reader r("The [quick] brown fox");
  const Result<Annotation> made = r.state().highlight(Color::green);
  ASSERT_TRUE(made.ok()) << made.error().describe();
  const Annotation& a = made.value();
  EXPECT_TRUE(is_uuid(a.id));
  EXPECT_EQ(a.start, 4u);
  EXPECT_EQ(a.end, 9u);
  EXPECT_EQ(a.quote, (TextQuote{"quick", "The ", " brown fox"}));
  EXPECT_EQ(a.color, Color::green);
  EXPECT_TRUE(a.is_highlight());
  EXPECT_EQ(r.set().size(), 1u);
  ASSERT_NE(r.state().selected_annotation(), nullptr);
  EXPECT_EQ(r.state().selected_annotation()->id, a.id);
  EXPECT_EQ(r.shown(), "The [quick] brown fox");
}

TEST(ReaderState, HighlightContextIsThirtyTwoCodePoints) {
  const std::string before(40, 'a');
  const std::string after(40, 'z');
  Reader r(before + "\u00E9[\U0001F1F7\U0001F1F8]\u00E9" + after);
  const Annotation a = r.state().highlight(Color::yellow).value();
  EXPECT_EQ(a.quote.exact, "\U0001F1F7\U0001F1F8");
  EXPECT_EQ(a.quote.prefix, std::string(31, 'a') + "\u00E9");
  EXPECT_EQ(a.quote.suffix, "\u00E9" + std::string(31, 'z'));
}

TEST(ReaderState, HighlightTrimsWhitespaceAtTheEdges) {
  Reader r("The[ quick ]brown");
  EXPECT_EQ(r.state().highlight(Color::blue).value().quote.exact, "quick");
  EXPECT_EQ(r.shown(), "The [quick] brown");
}

TEST(ReaderState, HighlightNeedsSomethingToHighlight) {
  Reader caret("The |quick");
  EXPECT_EQ(caret.state().highlight(Color::blue).error().message, "nothing is selected to highlight");
  Reader spaces("The[ ]quick");
  EXPECT_EQ(spaces.state().highlight(Color::blue).error().message,
            "the selection [3, 4) holds only whitespace");
  EXPECT_TRUE(spaces.set().empty());
  EXPECT_FALSE(spaces.state().can_undo());
}

TEST(ReaderState, HighlightIsOneUndoStepAndRemembersItsColour) {
  Reader r("The [quick] brown fox");
  const std::string id = r.state().highlight(Color::pink).value().id;
  EXPECT_EQ(r.state().last_color(), Color::pink);
  EXPECT_TRUE(r.state().undo());
  EXPECT_TRUE(r.set().empty());
  EXPECT_EQ(r.state().selected_annotation(), nullptr);
  EXPECT_TRUE(r.state().redo());
  ASSERT_NE(r.set().find(id), nullptr);
  EXPECT_EQ(r.set().find(id)->color, Color::pink);

  r.state().select(10, 15);
  EXPECT_EQ(r.state().highlight().value().color, Color::pink);  // keyboard `H`
}

TEST(ReaderState, HighlightingTheSameRangeAgainRecolours) {
  Reader r("The [quick] brown fox");
  const std::string id = r.state().highlight(Color::yellow).value().id;
  r.clock().advance();
  r.state().select(4, 9);  // the same words, selected afresh
  const Annotation recoloured = r.state().highlight(Color::blue).value();
  EXPECT_EQ(recoloured.id, id);
  EXPECT_EQ(r.set().size(), 1u);
  EXPECT_EQ(r.set().find(id)->color, Color::blue);
  EXPECT_TRUE(r.state().undo());
  EXPECT_EQ(r.set().find(id)->color, Color::yellow);
}

// --- Annotations ------------------------------------------------------------------------

void add(Reader& r, const std::string& notation) {
  for (Annotation& a : test::spans(notation)) ASSERT_TRUE(r.set().add(std::move(a)).ok()) << notation;
}

TEST(ReaderState, ClickingAHighlightSelectsTheInnermostThenCycles) {
  Reader r("The quick brown fox jumps over");
  add(r, "a[4,15) b[10,19)");
  EXPECT_EQ(test::ids(r.state().annotations_at(12)), "a b");
  EXPECT_EQ(r.state().select_annotation_at(12)->id, "b");  // the shorter one
  EXPECT_EQ(r.shown(), "The quick [brown fox] jumps over");
  EXPECT_EQ(r.state().select_annotation_at(12)->id, "a");
  EXPECT_EQ(r.state().select_annotation_at(12)->id, "b");
  EXPECT_EQ(r.state().select_annotation_at(2), nullptr);
  EXPECT_EQ(r.state().selected_annotation()->id, "b");  // unchanged
  r.move(Motion::grapheme_right);
  EXPECT_EQ(r.state().selected_annotation(), nullptr);  // moving lets go of it
}

TEST(ReaderState, SelectingAnAnnotationSelectsItsTextUntilTheSelectionChanges) {
  Reader r("The quick brown fox");
  add(r, "a[4,9)");
  ASSERT_TRUE(r.state().select_annotation("a"));
  EXPECT_EQ(r.shown(), "The [quick] brown fox");
  EXPECT_EQ(r.state().quote_with_citation(), "\u201Cquick\u201D\n\u2014 Moby-Dick, https://example.org/moby");
  r.move(Motion::grapheme_right, true);
  EXPECT_EQ(r.shown(), "The [quick ]brown fox");
  EXPECT_EQ(r.state().selected_annotation(), nullptr);
}

TEST(ReaderState, HighlightingASelectedAnnotationRecoloursIt) {
  Reader r("The quick brown fox");
  add(r, "a[4,9) b[4,9)");
  ASSERT_TRUE(r.state().select_annotation("b"));
  EXPECT_EQ(r.state().highlight(Color::purple).value().id, "b");
  EXPECT_EQ(r.set().find("a")->color, Color::yellow);
  EXPECT_EQ(r.set().find("b")->color, Color::purple);
}

TEST(ReaderState, DeletingTheSelectedAnnotationIsUndoable) {
  Reader r("The quick brown fox");
  EXPECT_FALSE(r.state().delete_selected_annotation().ok());
  add(r, "a[4,9)");
  ASSERT_TRUE(r.state().select_annotation("a"));
  ASSERT_TRUE(r.state().delete_selected_annotation().ok());
  EXPECT_TRUE(r.set().empty());
  EXPECT_EQ(r.shown(), "The |quick brown fox");
  EXPECT_TRUE(r.state().undo());
  EXPECT_NE(r.set().find("a"), nullptr);
  EXPECT_FALSE(r.state().select_annotation("missing"));
}

TEST(ReaderState, TabWalksAnnotationsInDocumentOrder) {
  Reader r("|0123456789abcdefghij");
  add(r, "d[10,12) b[0,7) a[0,5) c[3,3)");
  std::string walk;
  while (const Annotation* a = r.state().select_next_annotation()) walk += a->id;
  EXPECT_EQ(walk, "abcd");
  EXPECT_EQ(r.state().selected_annotation()->id, "d");  // stays on the last one
  walk.clear();
  while (const Annotation* a = r.state().select_previous_annotation()) walk += a->id;
  EXPECT_EQ(walk, "cba");

  r.state().set_caret(6);  // nothing selected: from the caret
  EXPECT_EQ(r.state().next_annotation()->id, "d");
  EXPECT_EQ(r.state().previous_annotation()->id, "c");
  r.state().set_caret(0);
  EXPECT_EQ(r.state().previous_annotation(), nullptr);
}

TEST(ReaderState, TabWalksEveryAnnotationOfALargeSetInOrder) {
  Reader r("|" + std::string(100000, 'x'));
  std::mt19937 rng(11);
  std::uniform_int_distribution<uint32_t> start(0, 99000);
  std::uniform_int_distribution<uint32_t> length(0, 900);
  std::vector<Annotation> all;
  for (int i = 0; i < 300; ++i) {
    const uint32_t s = i % 50 == 0 ? 500 : start(rng);  // some share a start
    all.push_back(test::span("n" + std::to_string(i), s, s + length(rng)));
    ASSERT_TRUE(r.set().add(all.back()).ok());
  }
  std::sort(all.begin(), all.end(), [](const Annotation& a, const Annotation& b) {
    return std::tie(a.start, a.end, a.id) < std::tie(b.start, b.end, b.id);
  });
  std::vector<std::string> forward;
  while (const Annotation* a = r.state().select_next_annotation()) forward.push_back(a->id);
  std::vector<std::string> backward{forward.back()};
  while (const Annotation* a = r.state().select_previous_annotation()) backward.push_back(a->id);
  ASSERT_EQ(forward.size(), all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(forward[i], all[i].id) << i;
    EXPECT_EQ(backward[all.size() - 1 - i], all[i].id) << i;
  }
}

}  // namespace
}  // namespace scholion
