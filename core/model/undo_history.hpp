// Changes to an annotation set as plain data, and the undo/redo history built of them.
//
// A change is a pair of states of one annotation, before and after; an absent state
// means "not in the set". Undo applies the inverse (after -> before), redo the change
// again. One undo step is a group of changes undone together, e.g. "delete these three
// highlights". The history only stores steps; AnnotationSet decides how to apply them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "core/model/annotation.hpp"

namespace scholion {

enum class ChangeKind : uint8_t { added, updated, removed };
std::string_view change_kind_name(ChangeKind kind);  // "added", "updated", "removed"

struct AnnotationChange {
  std::optional<Annotation> before;  // absent: the change adds the annotation
  std::optional<Annotation> after;   // absent: the change removes it

  // Precondition for both: at least one state is present.
  ChangeKind kind() const;
  const std::string& id() const { return after ? after->id : before->id; }
  AnnotationChange inverted() const { return {after, before}; }
  bool operator==(const AnnotationChange&) const = default;
};

using UndoStep = std::vector<AnnotationChange>;  // applied first to last

class UndoHistory {
 public:
  static constexpr std::size_t kDefaultLimit = 1000;
  explicit UndoHistory(std::size_t limit = kDefaultLimit) : limit_(limit) {}

  // A new change by the user: joins the open group (or becomes a step of its own) and
  // clears the redo stack, as any editor does.
  void record(AnnotationChange change);

  // Changes recorded between the outermost begin_group and its end_group form one step.
  // Groups nest; an empty group leaves no step.
  void begin_group();
  void end_group();
  void close_groups();  // ends every open group
  bool in_group() const { return group_depth_ > 0; }

  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  std::size_t undo_depth() const { return undo_.size(); }
  std::size_t redo_depth() const { return redo_.size(); }

  // The caller pops a step, applies it, and pushes what it applied on the other stack.
  std::optional<UndoStep> pop_undo();
  std::optional<UndoStep> pop_redo();
  void push_undo(UndoStep step);  // keeps the redo stack
  void push_redo(UndoStep step);

  // The oldest steps are dropped beyond `limit` steps (0: no undo at all).
  void set_limit(std::size_t limit);
  void clear();

 private:
  void trim();

  std::deque<UndoStep> undo_;  // back() is the most recent; a deque drops the oldest in O(1)
  std::vector<UndoStep> redo_;
  std::size_t limit_;
  int group_depth_ = 0;
  bool group_has_step_ = false;  // whether undo_.back() is the open group's step
};

}  // namespace scholion
