// The frame loop: a frame is drawn only when something changed (input, resize, storage,
// animation), plus the few extra frames ImGui needs to settle; an idle canvas draws
// nothing. One module instance drives one canvas; input arrives in input.cpp, the
// functions JavaScript calls are in the *_exports.cpp files.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>

#include "wasm/canvas.hpp"

namespace scholion::web {

Canvas* g = nullptr;

Timestamp now_ms() { return static_cast<Timestamp>(emscripten_date_now()); }

const char* hand_over(std::string text) {
  g->scratch = std::move(text);
  return g->scratch.c_str();
}

const char* fail(std::string message) {
  g->last_error = std::move(message);
  return g->last_error.c_str();
}

uint64_t random64() {
  uint64_t v = 0;
  getentropy(&v, sizeof v);  // crypto.getRandomValues underneath
  return v;
}

namespace {

bool inside(ImVec2 min, ImVec2 max, float x, float y) {
  return x >= min.x && x < max.x && y >= min.y && y < max.y;
}

EM_BOOL on_animation_frame(double, void*) {
  g->frame_requested = false;
  draw_frame();
  return EM_FALSE;
}

// Momentum after a flick: the scroll slows down over about a third of a second.
void step_momentum(double now) {
  if (g->velocity == 0) return;
  const double dt = std::min(50.0, now - g->last_frame_ms);
  const bool moved = g->reader.scroll_by(static_cast<float>(g->velocity * dt));
  g->velocity *= std::exp(static_cast<float>(-dt / 325.0));  // float exp: a smaller table than double's
  if (!moved || std::fabs(g->velocity) < 0.02f) g->velocity = 0;
  else request_frame(0);
}

// Draws ImGui's lists with the canvas's renderer (library_scholion.js), clipped per command.
void render(const ImDrawData& data) {
  const int width = static_cast<int>(data.DisplaySize.x), height = static_cast<int>(data.DisplaySize.y);
  scholion_gl_begin(width, height);
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    scholion_gl_buffers(list.VtxBuffer.Data, list.VtxBuffer.Size * static_cast<int>(sizeof(ImDrawVert)),
                        list.IdxBuffer.Data, list.IdxBuffer.Size * static_cast<int>(sizeof(ImDrawIdx)));
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      const int x0 = std::max(0, static_cast<int>(cmd.ClipRect.x));
      const int y0 = std::max(0, static_cast<int>(cmd.ClipRect.y));
      const int x1 = std::min(width, static_cast<int>(cmd.ClipRect.z));
      const int y1 = std::min(height, static_cast<int>(cmd.ClipRect.w));
      if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0) continue;
      scholion_gl_draw(x0, y0, x1, y1, static_cast<int>(cmd.ElemCount), static_cast<int>(cmd.IdxOffset),
                       static_cast<int>(reinterpret_cast<intptr_t>(cmd.TextureId)));
    }
  }
}

}  // namespace

void draw_frame() {
  if (!g->text.ready()) return;
  g->glyphs.begin_frame();
  const double now = emscripten_get_now();
  step_momentum(now);
  g->last_frame_ms = now;

  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(g->css_width * g->dpr, g->css_height * g->dpr);
  io.DisplayFramebufferScale = ImVec2(1, 1);  // we work in device pixels throughout
  // ImGui's font has no glyphs (labels go through the glyph cache), only a size, which
  // its own spacing follows.
  io.FontDefault->FontSize = g->text.px(Face::caption);
  io.MousePos = ImVec2(g->mouse_x, g->mouse_y);
  // ImGui 1.86 has no input queue: a press released before this frame still counts once.
  io.MouseDown[0] = g->pointer_on_ui && (g->mouse_down || g->mouse_pressed);
  g->mouse_pressed = false;

  ImGui::NewFrame();
  g->buttons.clear();
  g->reader.set_viewport(io.DisplaySize.x, io.DisplaySize.y);
  DrawOptions options;
  options.annotations = g->annotations ? &*g->annotations : nullptr;
  options.state = g->state ? &*g->state : nullptr;
  options.show_caret = g->caret_mode && g->focused;
  options.show_handles = g->touch_ui;
  const Annotation* selected = g->state ? g->state->selected_annotation() : nullptr;
  const Annotation* hovered = g->annotations && !g->hovered.empty() ? g->annotations->find(g->hovered) : nullptr;
  options.emphasised = hovered ? hovered : selected;
  // A jump from the list: the annotation glows twice and fades over 900 ms.
  if (!g->flash_id.empty()) {
    const double t = (now - g->flash_started_ms) / 900.0;
    options.flashed = g->annotations ? g->annotations->find(g->flash_id) : nullptr;
    if (t >= 1 || !options.flashed) {
      g->flash_id.clear();
      options.flashed = nullptr;
    } else {
      options.flash = static_cast<float>((1 - t) * std::fabs(std::cos(t * 2 * M_PI)));
      request_frame(0);
    }
  }
  g->lines_drawn = g->reader.draw(ImGui::GetBackgroundDrawList(), options);
  if (g->annotations && g->reader.has_layout()) {
    g->margin.draw(ImGui::GetBackgroundDrawList(), g->reader, *g->annotations, g->text, g->glyphs,
                   g->hovered, selected ? selected->id : std::string());
  }
  if (g->reader.has_layout()) {
    draw_toolbar();
    draw_chooser();
  }
  draw_notice();
  ImGui::Render();

  render(*ImGui::GetDrawData());
  ++g->frames_drawn;
  g->last_frame_cpu_ms = emscripten_get_now() - now;
  notify_selection_if_changed();

  if (g->glyphs.wants_redraw()) request_frame(0);  // the atlas was too full for this frame
  if (g->extra_frames > 0) {
    --g->extra_frames;
    request_frame(0);
  }
}


void request_frame(int extra) {
  g->extra_frames = std::max(g->extra_frames, extra);
  if (!g->frame_requested) {
    g->frame_requested = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
  }
}

bool point_on_ui(float x, float y) {
  return (g->toolbar_shown && inside(g->toolbar_min, g->toolbar_max, x, y)) ||
         (g->chooser.open && inside(g->chooser.min, g->chooser.max, x, y)) ||
         (!g->notice.empty() && inside(g->notice_min, g->notice_max, x, y));
}

}  // namespace scholion::web
