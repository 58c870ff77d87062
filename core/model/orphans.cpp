#include "core/model/orphans.hpp"

#include <algorithm>

namespace scholion {
namespace {

auto with_id(std::string_view id) {
  return [id](const Annotation& a) { return a.id == id; };
}

}  // namespace

const Annotation* Orphans::find(std::string_view id) const {
  const auto it = std::find_if(orphans_.begin(), orphans_.end(), with_id(id));
  return it == orphans_.end() ? nullptr : &*it;
}

bool Orphans::keep(Annotation orphan, const AnnotationSet& set) {
  if (find(orphan.id) || set.find(orphan.id)) return false;
  for (const Tombstone& t : set.tombstones()) {
    if (t.id == orphan.id && t.deleted >= orphan.modified) return false;
  }
  orphans_.push_back(std::move(orphan));
  return true;
}

void Orphans::drop_live(const AnnotationSet& set) {
  std::erase_if(orphans_, [&](const Annotation& o) { return set.find(o.id) != nullptr; });
}

bool Orphans::remove(std::string_view id) {
  return std::erase_if(orphans_, with_id(id)) > 0;
}

void Orphans::clear() {
  orphans_.clear();
  attached_.clear();
}

std::optional<Annotation> Orphans::take_for_attach(std::string_view id) {
  const auto it = std::find_if(orphans_.begin(), orphans_.end(), with_id(id));
  if (it == orphans_.end()) return std::nullopt;
  Annotation orphan = std::move(*it);
  taken_at_ = static_cast<std::size_t>(it - orphans_.begin());
  orphans_.erase(it);
  std::erase_if(attached_, with_id(id));
  attached_.push_back(orphan);
  return orphan;
}

void Orphans::untake(Annotation orphan) {
  std::erase_if(attached_, with_id(orphan.id));
  const std::size_t at = std::min(taken_at_, orphans_.size());
  orphans_.insert(orphans_.begin() + static_cast<std::ptrdiff_t>(at), std::move(orphan));
}

void Orphans::follow(const ChangeEvent& change, const AnnotationSet& set, Timestamp now) {
  const auto it = std::find_if(attached_.begin(), attached_.end(), with_id(change.annotation.id));
  if (it == attached_.end()) return;
  if (change.origin == ChangeOrigin::undo && change.kind == ChangeKind::removed) {
    Annotation orphan = *it;
    orphan.modified = std::max(orphan.modified, now + 1);
    keep(std::move(orphan), set);
  } else if (change.origin == ChangeOrigin::redo && change.kind == ChangeKind::added) {
    drop_live(set);
  }
}

}  // namespace scholion
