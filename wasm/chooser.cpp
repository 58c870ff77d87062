// The overlap chooser: where several annotations overlap, a click or tap selects the
// innermost one and lists them all next to the pointer, so each stays reachable.
#include <algorithm>
#include <array>
#include <string>

#include <imgui.h>

#include "core/text/grapheme_clusters.hpp"
#include "core/text/utf8.hpp"
#include "wasm/canvas.hpp"
#include "wasm/palette.hpp"

namespace scholion::web {
namespace {

// About the first `limit` code points of a quote, cut at a grapheme boundary (never
// inside 🇷🇸), with an ellipsis when cut.
std::string excerpt(const std::string& quote, uint32_t limit) {
  const std::u32string text = to_utf32(quote);
  if (text.size() <= limit) return quote;
  return to_utf8(std::u32string_view(text).substr(0, prev_grapheme_boundary(text, limit + 1))) + "…";
}

}  // namespace

bool pick_annotations_at(uint32_t position, float x, float y) {
  close_chooser();
  if (!g->state->select_annotation_at(position)) return false;
  const auto here = g->state->annotations_at(position);
  if (here.size() > 1) {
    g->chooser.open = true;
    g->chooser.at = ImVec2(x, y + 14 * g->dpr);
    for (const Annotation* a : here) g->chooser.ids.push_back(a->id);
  }
  return true;
}

void close_chooser() {
  if (!g->chooser.open) return;
  g->chooser = {};
  request_frame();
}

void draw_chooser() {
  Canvas::Chooser& c = g->chooser;
  if (!c.open || !g->state) return;
  // Undo, another tab or a deletion may have taken some away.
  std::erase_if(c.ids, [](const std::string& id) { return !g->annotations->find(id); });
  if (c.ids.size() < 2) {
    close_chooser();
    return;
  }
  const float s = g->dpr;
  const ImGuiIO& io = ImGui::GetIO();
  const float width = 300 * s;
  const ImVec2 pos(std::clamp(c.at.x - 20 * s, 4 * s, std::max(4 * s, io.DisplaySize.x - width - 4 * s)),
                   std::clamp(c.at.y, 4 * s, std::max(4 * s, io.DisplaySize.y - 40 * s * c.ids.size())));
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6 * s, 6 * s));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 8 * s);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(4 * s, 4 * s));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0xFF, 0xFF, 0xFF, 0xFA));
  ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(0, 0, 0, 0x40));
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0x1F, 0x23, 0x28, 0xFF));
  ImGui::PushStyleColor(ImGuiCol_Header, IM_COL32(0xE8, 0xF0, 0xFE, 0xFF));
  ImGui::PushStyleColor(ImGuiCol_HeaderHovered, IM_COL32(0xDD, 0xE7, 0xF7, 0xFF));
  ImGui::PushStyleColor(ImGuiCol_HeaderActive, IM_COL32(0xCF, 0xDD, 0xF2, 0xFF));
  ImGui::Begin("##chooser", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
  ui_label(std::to_string(c.ids.size()) + " overlapping annotations", IM_COL32(0x1F, 0x23, 0x28, 0x90));
  c.items.clear();
  const Annotation* selected = g->state->selected_annotation();
  std::string chosen;
  for (const std::string& id : c.ids) {
    const Annotation* a = g->annotations->find(id);
    ImGui::PushID(id.c_str());
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float row = g->text.text_height(Face::caption) + 8 * s;
    std::string label = excerpt(a->quote.exact, 34);
    if (!a->note.empty()) label += "  · note";
    if (ImGui::Selectable("##row", selected == a, 0, ImVec2(0, row))) chosen = id;
    const ImVec2 end(at.x + ImGui::GetContentRegionAvail().x, at.y + row);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddCircleFilled(ImVec2(at.x + 9 * s, at.y + row / 2), 5 * s,
                          tone(a->color));
    ui_text(list, ImVec2(at.x + 22 * s, at.y + 4 * s), label, ImGui::GetColorU32(ImGuiCol_Text));
    c.items.emplace_back(at, end);
    ImGui::PopID();
  }
  c.min = ImGui::GetWindowPos();
  c.max = ImVec2(c.min.x + ImGui::GetWindowSize().x, c.min.y + ImGui::GetWindowSize().y);
  ImGui::End();
  ImGui::PopStyleColor(6);
  ImGui::PopStyleVar(3);
  if (!chosen.empty()) {
    g->state->select_annotation(chosen);
    close_chooser();
  }
}

}  // namespace scholion::web
