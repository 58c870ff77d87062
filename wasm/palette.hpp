// Colours the canvas draws with in more than one place (device-independent RGBA).
#pragma once

#include <array>
#include <cstddef>

#include <imgui.h>

#include "core/model/annotation.hpp"

namespace scholion::web {

inline constexpr ImU32 kInk = IM_COL32(0x1F, 0x23, 0x28, 0xFF);    // text
inline constexpr ImU32 kMuted = IM_COL32(0x5C, 0x63, 0x6E, 0xFF);  // list markers

// Each colour's own tone, indexed by Color: the toolbar's swatches, and (translucent) the
// highlights themselves.
inline constexpr std::array<ImU32, 5> kSwatch = {
    IM_COL32(0xFF, 0xD4, 0x3B, 0xFF), IM_COL32(0x69, 0xDB, 0x7C, 0xFF),
    IM_COL32(0x74, 0xC0, 0xFC, 0xFF), IM_COL32(0xF7, 0x83, 0xAC, 0xFF),
    IM_COL32(0xB1, 0x97, 0xFC, 0xFF)};

// A highlight's fill: translucent, so that overlapping highlights blend and each stays
// visible (yellow, the lightest, a little stronger).
inline ImU32 highlight_fill(Color color) {
  const auto i = static_cast<std::size_t>(color) < kSwatch.size() ? static_cast<std::size_t>(color) : 0;
  const ImU32 alpha = i == 0 ? 0x80 : 0x70;
  return (kSwatch[i] & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

// The palette's strong tones, indexed by Color: a note card's edge and connector, the
// overlap chooser's dots.
inline constexpr std::array<ImU32, 5> kTone = {
    IM_COL32(0xE0, 0xA8, 0x00, 0xFF), IM_COL32(0x2F, 0xB3, 0x4A, 0xFF),
    IM_COL32(0x2E, 0x8F, 0xE0, 0xFF), IM_COL32(0xE0, 0x4C, 0x86, 0xFF),
    IM_COL32(0x84, 0x5E, 0xF7, 0xFF)};

inline ImU32 tone(Color color) {
  const auto i = static_cast<std::size_t>(color);
  return kTone[i < kTone.size() ? i : 0];
}

}  // namespace scholion::web
