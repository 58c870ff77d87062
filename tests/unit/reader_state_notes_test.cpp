#include <gtest/gtest.h>

#include "annotation_notation.hpp"
#include "core/reader/reader_state.hpp"
#include "layout_support.hpp"

namespace scholion {
namespace {

using Tags = std::vector<std::string>;

// A document in the selection notation ("The [quick] brown fox"), its annotation set and
// the reader state with that selection.
class Reader {
 public:
  explicit Reader(const std::string& notation)
      : marked_(test::parse_marks(notation)),
        doc_(test::paragraphs(marked_.text)),
        set_(clock_.clock(), doc_.length()),
        state_(doc_, set_, test::counter_random()) {
    state_.select(marked_.from, marked_.to);
  }
  Reader(const Reader&) = delete;

  ReaderState& state() { return state_; }
  AnnotationSet& set() { return set_; }
  const test::TestClock& clock() const { return clock_; }
  // Highlights the selection and returns the new annotation's id.
  std::string highlighted() { return state_.highlight(Color::yellow).value().id; }
  const Annotation& stored(const std::string& id) const { return *set_.find(id); }

 private:
  test::TestClock clock_;
  test::Marked marked_;
  Document doc_;
  AnnotationSet set_;
  ReaderState state_;
};

TEST(ReaderStateNotes, SetNoteAddsANoteToAHighlight) {
  Reader r("Call me [Ishmael].");
  const std::string id = r.highlighted();
  r.clock().advance(5);
  const Result<Annotation> noted = r.state().set_note(id, "the *narrator*");
  ASSERT_TRUE(noted.ok()) << noted.error().describe();
  EXPECT_EQ(noted.value().note, "the *narrator*");
  EXPECT_FALSE(r.stored(id).is_highlight());
  EXPECT_EQ(r.stored(id).note, "the *narrator*");
  EXPECT_EQ(r.stored(id).modified, 1005);  // stamped by the set's clock
  EXPECT_EQ(r.stored(id).created, 1000);
}

TEST(ReaderStateNotes, EditingReplacesTheNote) {
  Reader r("Call me [Ishmael].");
  const std::string id = r.highlighted();
  ASSERT_TRUE(r.state().set_note(id, "first").ok());
  ASSERT_TRUE(r.state().set_note(id, "second").ok());
  EXPECT_EQ(r.stored(id).note, "second");
}

TEST(ReaderStateNotes, AWhitespaceNoteLeavesAPlainHighlight) {
  Reader r("Call me [Ishmael].");
  const std::string id = r.highlighted();
  ASSERT_TRUE(r.state().set_note(id, "a note #tag").ok());
  ASSERT_TRUE(r.state().set_note(id, " \n\t\u00A0 ").ok());
  EXPECT_TRUE(r.stored(id).is_highlight());
  EXPECT_EQ(r.stored(id).note, "");
  EXPECT_EQ(r.stored(id).tags, Tags{});  // the note's tags went with it
}

TEST(ReaderStateNotes, EachNoteIsOneUndoStep) {
  Reader r("Call me [Ishmael].");
  const std::string id = r.highlighted();
  ASSERT_TRUE(r.state().set_note(id, "one").ok());
  ASSERT_TRUE(r.state().set_note(id, "two").ok());
  ASSERT_TRUE(r.state().undo());
  EXPECT_EQ(r.stored(id).note, "one");
  ASSERT_TRUE(r.state().undo());
  EXPECT_TRUE(r.stored(id).is_highlight());
  ASSERT_TRUE(r.state().undo());
  EXPECT_EQ(r.set().find(id), nullptr);  // the highlight itself
  ASSERT_TRUE(r.state().redo());
  ASSERT_TRUE(r.state().redo());
  EXPECT_EQ(r.stored(id).note, "one");
  ASSERT_TRUE(r.state().redo());
  EXPECT_EQ(r.stored(id).note, "two");
  EXPECT_FALSE(r.state().can_redo());
}

TEST(ReaderStateNotes, AnUnchangedNoteRecordsNothing) {
  Reader r("Call me [Ishmael].");
  const std::string id = r.highlighted();
  ASSERT_TRUE(r.state().set_note(id, "same #a", {"b"}).ok());
  const Timestamp modified = r.stored(id).modified;
  r.clock().advance(100);
  ASSERT_TRUE(r.state().set_note(id, "same #a", {"B", "a"}).ok());  // the same tags, spelt otherwise
  EXPECT_EQ(r.stored(id).modified, modified);
  ASSERT_TRUE(r.state().undo());  // undoes the first note, not a no-op
  EXPECT_TRUE(r.stored(id).is_highlight());
}

TEST(ReaderStateNotes, TagsMergeExplicitOnesWithTheNotesHashTags) {
  Reader r("Call me [Ishmael].");
  const std::string id = r.highlighted();
  const Annotation a =
      r.state().set_note(id, "about #Whales and #sea, #whales again", {" #Narrator ", "sea", "", "  "}).value();
  EXPECT_EQ(a.tags, (Tags{"narrator", "sea", "whales"}));
  EXPECT_EQ(r.stored(id).tags, a.tags);
}

TEST(ReaderStateNotes, NonAsciiNotesAndTags) {
  Reader r("Говори [Vučić] 🇷🇸 dalje.");
  const std::string id = r.highlighted();
  const std::string note = "**Vučić** 🇷🇸 #История #Србија";
  const Annotation a = r.state().set_note(id, note, {"ČAPEK"}).value();
  EXPECT_EQ(a.note, note);  // kept byte for byte
  EXPECT_EQ(a.tags, (Tags{"čapek", "история", "србија"}));
  EXPECT_EQ(a.quote.exact, "Vučić");
}

TEST(ReaderStateNotes, AnUnknownIdIsAnError) {
  Reader r("Call me [Ishmael].");
  r.highlighted();
  const Result<Annotation> result = r.state().set_note("no-such-id", "note");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message, "no annotation with id \"no-such-id\"");
  EXPECT_FALSE(r.state().redo());
}

TEST(ReaderStateNotes, InvalidUtf8IsRefusedNamingTheByte) {
  Reader r("Call me [Ishmael].");
  const std::string id = r.highlighted();
  ASSERT_TRUE(r.state().set_note(id, "kept").ok());
  const Result<Annotation> bad = r.state().set_note(id, std::string("ab\xC3("));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "note: invalid UTF-8 at byte 2: 0xC3 0x28");
  const Result<Annotation> bad_tag = r.state().set_note(id, "fine", {"ok", std::string("\xFF")});
  ASSERT_FALSE(bad_tag.ok());
  EXPECT_EQ(bad_tag.error().message.rfind("tag 1: invalid UTF-8 at byte 0", 0), 0u) << bad_tag.error().message;
  EXPECT_EQ(r.stored(id).note, "kept");  // nothing lost
}

TEST(ReaderStateNotes, AnOverlongNoteIsRefused) {
  Reader r("Call me [Ishmael].");
  const std::string id = r.highlighted();
  EXPECT_TRUE(r.state().set_note(id, std::string(kMaxNoteBytes, 'a')).ok());
  const Result<Annotation> bad = r.state().set_note(id, std::string(kMaxNoteBytes + 1, 'b'));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "the note is 100001 bytes long; at most 100000 are kept");
  EXPECT_EQ(r.stored(id).note.size(), kMaxNoteBytes);
}

TEST(ReaderStateNotes, HighlightWithNoteIsOneUndoStep) {
  Reader r("Call me [Ishmael].");
  const Result<Annotation> made = r.state().highlight_with_note(Color::blue, "who? #name");
  ASSERT_TRUE(made.ok()) << made.error().describe();
  EXPECT_EQ(made.value().color, Color::blue);
  EXPECT_EQ(made.value().quote.exact, "Ishmael");
  EXPECT_EQ(made.value().tags, Tags{"name"});
  EXPECT_EQ(r.stored(made.value().id), made.value());
  EXPECT_EQ(r.state().selected_annotation()->id, made.value().id);
  ASSERT_TRUE(r.state().undo());
  EXPECT_TRUE(r.set().empty());
  EXPECT_FALSE(r.state().can_undo());
  ASSERT_TRUE(r.state().redo());
  EXPECT_EQ(r.stored(made.value().id).note, "who? #name");
}

TEST(ReaderStateNotes, HighlightWithABadNoteHighlightsNothing) {
  Reader r("Call me [Ishmael].");
  const Result<Annotation> bad = r.state().highlight_with_note(Color::blue, std::string("\xC0\xAF"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message.rfind("note: invalid UTF-8 at byte 0", 0), 0u) << bad.error().message;
  EXPECT_TRUE(r.set().empty());
  EXPECT_FALSE(r.state().can_undo());
  Reader nothing("Call me| Ishmael.");
  EXPECT_EQ(nothing.state().highlight_with_note(Color::blue, "x").error().message,
            "nothing is selected to highlight");
}

TEST(ReaderStateNotes, HighlightWithNoteOnAnExistingHighlightReplacesItsNote) {
  Reader r("Call me [Ishmael].");
  const std::string id = r.highlighted();
  ASSERT_TRUE(r.state().set_note(id, "old").ok());
  const Annotation a = r.state().highlight_with_note(Color::pink, "new").value();
  EXPECT_EQ(a.id, id);
  EXPECT_EQ(r.set().size(), 1u);
  EXPECT_EQ(a.note, "new");
  EXPECT_EQ(a.color, Color::pink);
  ASSERT_TRUE(r.state().undo());  // colour and note together
  EXPECT_EQ(r.stored(id).note, "old");
  EXPECT_EQ(r.stored(id).color, Color::yellow);
}

}  // namespace
}  // namespace scholion
