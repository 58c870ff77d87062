#include "core/model/undo_history.hpp"

#include <utility>

namespace scholion {

std::string_view change_kind_name(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::added: return "added";
    case ChangeKind::updated: return "updated";
    case ChangeKind::removed: return "removed";
  }
  return {};
}

ChangeKind AnnotationChange::kind() const {
  if (!before) return ChangeKind::added;
  if (!after) return ChangeKind::removed;
  return ChangeKind::updated;
}

void UndoHistory::record(AnnotationChange change) {
  redo_.clear();
  if (limit_ == 0) return;
  if (in_group() && group_has_step_) {
    undo_.back().push_back(std::move(change));
    return;
  }
  undo_.push_back(UndoStep{std::move(change)});
  if (in_group()) group_has_step_ = true;
  trim();
}

void UndoHistory::begin_group() {
  if (group_depth_++ == 0) group_has_step_ = false;
}

void UndoHistory::end_group() {
  if (group_depth_ > 0 && --group_depth_ == 0) group_has_step_ = false;
}

void UndoHistory::close_groups() {
  group_depth_ = 0;
  group_has_step_ = false;
}

std::optional<UndoStep> UndoHistory::pop_undo() {
  // why: undoing in the middle of a group would let later changes join a step that is
  // no longer on the stack; undo ends the group first.
  close_groups();
  if (undo_.empty()) return std::nullopt;
  UndoStep step = std::move(undo_.back());
  undo_.pop_back();
  return step;
}

std::optional<UndoStep> UndoHistory::pop_redo() {
  close_groups();
  if (redo_.empty()) return std::nullopt;
  UndoStep step = std::move(redo_.back());
  redo_.pop_back();
  return step;
}

void UndoHistory::push_undo(UndoStep step) {
  if (limit_ == 0 || step.empty()) return;
  undo_.push_back(std::move(step));
  trim();
}

void UndoHistory::push_redo(UndoStep step) {
  if (step.empty()) return;
  redo_.push_back(std::move(step));
}

void UndoHistory::set_limit(std::size_t limit) {
  limit_ = limit;
  trim();
}

void UndoHistory::clear() {
  undo_.clear();
  redo_.clear();
  close_groups();
}

void UndoHistory::trim() {
  while (undo_.size() > limit_) undo_.pop_front();
  // why: only a limit of 0 drops the open group's step (the back); then later changes
  // must not try to join it.
  if (undo_.empty()) group_has_step_ = false;
}

}  // namespace scholion
