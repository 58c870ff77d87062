// The canvas's own labels (toolbar buttons, the chooser, the notice bar) drawn like the
// article's text: shaped runs in the caption face from the glyph cache. ImGui lays them
// out as items of the measured size; it has no font of its own.
#include <string>
#include <vector>

#include <imgui.h>

#include "core/layout/note_layout.hpp"
#include "core/text/utf8.hpp"
#include "wasm/canvas.hpp"

namespace scholion::web {

ImVec2 ui_text_size(std::string_view label) {
  return ImVec2(g->text.measure_utf8(label, Face::caption), g->text.text_height(Face::caption));
}

void ui_text(ImDrawList* list, ImVec2 top_left, std::string_view label, ImU32 colour) {
  g->glyphs.draw_utf8(list, label, Face::caption, top_left.x, top_left.y + g->text.ascent(Face::caption), colour);
}

void ui_label(std::string_view label, ImU32 colour) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ui_text_size(label));
  ui_text(ImGui::GetWindowDrawList(), at, label, colour);
}

bool ui_button(const char* id, std::string_view label) {
  const float s = g->dpr;
  const ImVec2 pad(7 * s, 3 * s);
  const ImVec2 text = ui_text_size(label);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 size(text.x + 2 * pad.x, text.y + 2 * pad.y);
  const bool pressed = ImGui::InvisibleButton(id, size);
  g->buttons.push_back({std::string(label), at, ImVec2(at.x + size.x, at.y + size.y)});
  const ImGuiCol fill = ImGui::IsItemActive()    ? ImGuiCol_ButtonActive
                        : ImGui::IsItemHovered() ? ImGuiCol_ButtonHovered
                                                 : ImGuiCol_Button;
  ImDrawList* list = ImGui::GetWindowDrawList();
  list->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), ImGui::GetColorU32(fill),
                      ImGui::GetStyle().FrameRounding);
  ui_text(list, ImVec2(at.x + pad.x, at.y + pad.y), label, ImGui::GetColorU32(ImGuiCol_Text));
  return pressed;
}

void ui_wrapped(std::string_view text, ImU32 colour) {
  const float width = ImGui::GetContentRegionAvail().x;
  std::vector<NoteBlock> blocks(1);
  blocks[0].text = std::string(text);
  const NoteLayout lines = layout_note(blocks, g->text, width, 0, TextStyle::caption);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(width, lines.height));
  const std::u32string code_points = to_utf32(text);
  const float ascent = g->text.ascent(Face::caption), descent = g->text.descent(Face::caption);
  ImDrawList* list = ImGui::GetWindowDrawList();
  for (std::size_t k = 0; k < lines.lines.size(); ++k) {
    const float base = at.y + lines.lines[k].y + (lines.line_height + ascent - descent) / 2;
    const auto [first, end] = lines.run_ranges[k];
    for (uint32_t r = first; r < end; ++r) {
      const GlyphRun& run = lines.runs[r];
      const std::u32string_view piece = std::u32string_view(code_points).substr(run.start, run.end - run.start);
      g->glyphs.draw(list, piece, Face::caption, at.x + run.x, base, colour, run.rtl);
    }
  }
}

}  // namespace scholion::web
