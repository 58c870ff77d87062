// Functions JavaScript calls for notes and the overlap chooser.
#include <emscripten.h>

#include <string>

#include "core/json_input.hpp"
#include "core/storage_format.hpp"
#include "wasm/canvas.hpp"

using namespace scholion;
using namespace scholion::web;

namespace {

Json rect_json(ImVec2 min, ImVec2 max) {
  const float k = 1 / g->dpr;
  return {{"x", min.x * k}, {"y", min.y * k}, {"width", (max.x - min.x) * k}, {"height", (max.y - min.y) * k}};
}

}  // namespace

extern "C" {

// The overlap chooser as last drawn (CSS pixels, canvas-relative), or null when closed:
// {"x", "y", "width", "height", "items": [{"id", "x", "y", "width", "height"}, …]}.
EMSCRIPTEN_KEEPALIVE const char* scholion_chooser_json() {
  const Canvas::Chooser& c = g->chooser;
  if (!c.open || c.items.size() != c.ids.size()) return "null";
  Json out = rect_json(c.min, c.max);
  out["items"] = Json::array();
  for (std::size_t i = 0; i < c.ids.size(); ++i) {
    Json item = rect_json(c.items[i].first, c.items[i].second);
    item["id"] = c.ids[i];
    out["items"].push_back(std::move(item));
  }
  g->scratch = dump_json(out);
  return g->scratch.c_str();
}

}  // extern "C"
