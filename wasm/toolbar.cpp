// The selection's toolbar and the notice bar, drawn with ImGui over the text.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "wasm/canvas.hpp"
#include "wasm/palette.hpp"

namespace scholion::web {

// Next to a selection: five colours and "Copy quote" (and "Delete" on a highlight).
// Above the selection, or below it on touch, where the system's own menu does not go.
void draw_toolbar() {
  g->toolbar_shown = false;
  if (!g->state || g->dragging || g->touch == TouchMode::handle_from ||
      g->touch == TouchMode::handle_to) {
    return;
  }
  const Selection& sel = g->state->selection();
  if (sel.empty()) return;
  const Layout& layout = g->reader.layout();
  const Rect top = layout.caret_rect(sel.from(), Affinity::downstream);
  const Rect bottom = layout.caret_rect(sel.to(), Affinity::upstream);
  const float s = g->dpr;
  const float swatch = 22 * s;
  const ImVec2 size(5 * (swatch + 6 * s) + 190 * s + (g->state->selected_annotation() ? 70 * s : 0),
                    swatch + 14 * s);
  const float view_h = g->reader.viewport_height();
  float y = g->touch_ui ? g->reader.to_screen_y(bottom.bottom()) + 2.6f * g->reader.handle_radius()
                        : g->reader.to_screen_y(top.y) - size.y - 6 * s;
  if (y < 4 * s) y = g->reader.to_screen_y(bottom.bottom()) + 8 * s;
  y = std::clamp(y, 4 * s, std::max(4 * s, view_h - size.y - 4 * s));
  const float x = std::clamp(top.x - 8 * s, 4 * s, std::max(4 * s, ImGui::GetIO().DisplaySize.x - size.x - 4 * s));

  ImGui::SetNextWindowPos(ImVec2(x, y));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(7 * s, 7 * s));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 8 * s);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(6 * s, 6 * s));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 5 * s);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0x24, 0x29, 0x2F, 0xF4));
  ImGui::Begin("##toolbar", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
  for (std::size_t i = 0; i < kPalette.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (i > 0) ImGui::SameLine();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("colour", ImVec2(swatch, swatch))) {
      g->state->set_last_color(kPalette[i]);
      report(g->state->highlight(kPalette[i]));
    }
    const bool current = g->state->selected_annotation() && g->state->selected_annotation()->color == kPalette[i];
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 c(at.x + swatch / 2, at.y + swatch / 2);
    list->AddCircleFilled(c, swatch / 2 - (ImGui::IsItemHovered() ? 0 : 2 * s), kSwatch[i]);
    if (current) list->AddCircle(c, swatch / 2, IM_COL32_WHITE, 0, 2 * s);
    ImGui::PopID();
  }
  ImGui::SameLine();
  if (ui_button("##copy", "Copy quote")) scholion_js_copy(g->state->quote_with_citation().c_str());
  const Annotation* selected = g->state->selected_annotation();
  ImGui::SameLine();
  if (ui_button("##note", selected && !selected->note.empty() ? "Edit note" : "Note")) scholion_js_note_requested();
  if (selected) {
    ImGui::SameLine();
    if (ui_button("##delete", "Delete")) report(g->state->delete_selected_annotation());
  }
  g->toolbar_min = ImGui::GetWindowPos();
  g->toolbar_max = ImVec2(g->toolbar_min.x + ImGui::GetWindowSize().x, g->toolbar_min.y + ImGui::GetWindowSize().y);
  g->toolbar_shown = true;
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(4);
}

// A bar across the top of the canvas with the current notice, if any.
void draw_notice() {
  if (g->notice.empty()) return;
  const ImGuiIO& io = ImGui::GetIO();
  const float pad = 10 * g->dpr;
  ImGui::SetNextWindowPos(ImVec2(pad, pad));
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x - 2 * pad, 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0x7A, 0x1F, 0x1F, 0xF2));
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0xFF, 0xFF, 0xFF, 0xFF));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad * 0.8f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 6 * g->dpr);
  ImGui::Begin("##notice", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
  ui_wrapped(g->notice, IM_COL32(0xFF, 0xFF, 0xFF, 0xFF));
  if (g->notice_can_export && ui_button("##export", "Export annotations")) scholion_js_export_requested();
  g->notice_min = ImGui::GetWindowPos();
  g->notice_max = ImVec2(g->notice_min.x + ImGui::GetWindowSize().x, g->notice_min.y + ImGui::GetWindowSize().y);
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
}

}  // namespace scholion::web
