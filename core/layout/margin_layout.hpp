// Placing note cards in the margin column beside the text they belong to.
//
// Each card wants to sit at the top of its highlight (desired_top). Cards keep their
// order (document order), never overlap (at least `gap` apart), never rise above
// `min_top`, and otherwise sit as close as they can to where they want to be: the total
// squared displacement is the least possible. Cards that collide form a cluster centred
// on what its cards want (the mean of their wishes, each shifted by the cards above it in
// the cluster), and clusters that then collide merge in turn: isotonic regression by
// pooling adjacent violators, with a stack of clusters, O(n).
//
// A focused card (the one being read or edited) sits exactly at its desired_top, and the
// others are placed around it: those before it above it, those after it below. Only when
// the cards before it cannot fit between min_top and its desired_top does it move down,
// just far enough for them.
//
// Units are those of the document layout (device pixels in the canvas).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace scholion {

struct MarginCard {
  float desired_top;  // document coordinates; cards come in document order
  float height;
};

// The top of each card, in the order given. Negative heights count as 0.
std::vector<float> place_margin_cards(const std::vector<MarginCard>& cards, float gap,
                                      float min_top,
                                      std::optional<std::size_t> focused = std::nullopt);

}  // namespace scholion
