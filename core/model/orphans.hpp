// Orphans: annotations that could not be placed in the shown text (DESIGN.md: "An
// annotation never silently moves to other text"). They are kept with their quote, note
// and original position, listed apart, saved and exported — never drawn on other text.
//
// An annotation is live (in the AnnotationSet) or an orphan, never both. Orphans follow
// the set they belong to:
//   - one that becomes live (attached in another tab, imported again) is let go;
//   - one deleted (here or in a copy merged in: a tombstone at or after its last
//     modification) is not kept again;
//   - attached to text by the reader, it becomes a live annotation; undoing the attach
//     makes it an orphan again, as it was, and redoing attaches it again.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/annotation.hpp"
#include "core/model/annotation_set.hpp"

namespace scholion {

class Orphans {
 public:
  // In the order they were kept.
  const std::vector<Annotation>& all() const { return orphans_; }
  const Annotation* find(std::string_view id) const;
  bool empty() const { return orphans_.empty(); }
  std::size_t size() const { return orphans_.size(); }

  // Keeps `orphan` unless it is one already, is live in `set`, or was deleted there at or
  // after its last modification. True if kept.
  bool keep(Annotation orphan, const AnnotationSet& set);
  // Lets go of every orphan that is live in `set`.
  void drop_live(const AnnotationSet& set);
  // Forgets the orphan `id` for good; false if there is none.
  bool remove(std::string_view id);
  // Forgets every orphan and every attach remembered (a new document is shown).
  void clear();

  // Takes the orphan `id` out to attach it to text; remembered as it was, so that undoing
  // the attach brings it back (follow()). Nothing if there is no such orphan.
  std::optional<Annotation> take_for_attach(std::string_view id);
  // Puts back an orphan taken for an attach that failed, at its old place in the list.
  void untake(Annotation orphan);

  // Follows a change of the set: the undo of an attach makes the annotation an orphan
  // again (modified at `now`, so it is newer than the tombstone the undo left), its redo
  // lets it go again.
  void follow(const ChangeEvent& change, const AnnotationSet& set, Timestamp now);

 private:
  std::vector<Annotation> orphans_;
  std::vector<Annotation> attached_;  // as they were before their attach
  std::size_t taken_at_ = 0;          // index of the last orphan taken, for untake()
};

}  // namespace scholion
