// ReaderState::attach: an orphan (an annotation that lost its text) re-attached to the
// reader's selection.
#include <gtest/gtest.h>

#include "annotation_notation.hpp"
#include "core/reader/reader_state.hpp"
#include "layout_support.hpp"

namespace scholion {
namespace {

class Attach : public ::testing::Test {
 protected:
  Attach()
      : doc_(test::paragraphs("Vučić spoke \U0001F1F7\U0001F1F8 today.\n\nSecond block here.")),
        set_(clock_.clock(), doc_.length()),
        state_(doc_, set_, test::counter_random()) {}

  static Annotation orphan() {
    Annotation a;
    a.id = "0b6b4e0e-1c1f-4a55-8f43-3f5a8e1c2d10";
    a.start = 400;  // where it was in the old text: beyond this one
    a.end = 420;
    a.quote = {"a sentence that was removed", "old ", " text"};
    a.color = Color::pink;
    a.note = "Ćirilica: Србија";
    a.tags = {"politics", "flag"};
    a.created = 77;
    return a;
  }

  test::TestClock clock_;
  Document doc_;
  AnnotationSet set_;
  ReaderState state_;
};

TEST_F(Attach, TakesTheTrimmedSelectionAndAFreshQuoteKeepingTheRest) {
  state_.select(11, 16);  // " 🇷🇸 t": spaces trimmed, the flag kept whole
  auto attached = state_.attach(orphan());
  ASSERT_TRUE(attached.ok()) << attached.error().describe();
  const Annotation* a = set_.find(orphan().id);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->start, 12u);
  EXPECT_EQ(a->end, 16u);
  EXPECT_EQ(a->quote.exact, "\U0001F1F7\U0001F1F8 t");
  EXPECT_EQ(a->quote.prefix, "Vučić spoke ");
  EXPECT_EQ(a->quote.suffix.substr(0, 6), "oday.\n");
  EXPECT_EQ(a->color, Color::pink);
  EXPECT_EQ(a->note, "Ćirilica: Србија");
  EXPECT_EQ(a->tags, (std::vector<std::string>{"politics", "flag"}));
  EXPECT_EQ(a->created, 77);
  ASSERT_NE(state_.selected_annotation(), nullptr);
  EXPECT_EQ(state_.selected_annotation()->id, orphan().id);
}

TEST_F(Attach, IsOneUndoStep) {
  state_.select(0, 5);
  ASSERT_TRUE(state_.attach(orphan()).ok());
  EXPECT_EQ(set_.size(), 1u);
  EXPECT_TRUE(state_.undo());
  EXPECT_TRUE(set_.empty());
  EXPECT_TRUE(state_.redo());
  EXPECT_NE(set_.find(orphan().id), nullptr);
}

TEST_F(Attach, FailsWithoutASelectionAndChangesNothing) {
  state_.set_caret(3);
  auto attached = state_.attach(orphan());
  ASSERT_FALSE(attached.ok());
  EXPECT_NE(attached.error().describe().find("nothing is selected"), std::string::npos);
  state_.select(5, 6);  // only a space
  attached = state_.attach(orphan());
  ASSERT_FALSE(attached.ok());
  EXPECT_NE(attached.error().describe().find("whitespace"), std::string::npos);
  EXPECT_TRUE(set_.empty());
  EXPECT_FALSE(state_.can_undo());
}

TEST_F(Attach, FailsWhenTheIdIsAlreadyLive) {
  state_.select(0, 5);
  ASSERT_TRUE(state_.attach(orphan()).ok());
  state_.select(20, 26);
  auto again = state_.attach(orphan());
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().describe().find(orphan().id), std::string::npos);
  EXPECT_EQ(set_.find(orphan().id)->start, 0u);
}

}  // namespace
}  // namespace scholion
