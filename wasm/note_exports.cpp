// Functions JavaScript calls for notes and the overlap chooser.
#include <emscripten.h>

#include <string>

#include "core/formats/json_input.hpp"
#include "core/formats/storage_format.hpp"
#include "core/formats/storage_format.hpp"
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
  return hand_over(dump_json(out));
}

// Saves a note: on annotation `id`, or (id empty) on the selection, highlighted in the
// last colour, as one undo step. `tags_json` is a JSON array of strings. Returns the
// annotation as stored JSON, or {"error": reason} with nothing changed.
EMSCRIPTEN_KEEPALIVE const char* scholion_save_note(const char* id, const char* note, const char* tags_json) {
  auto answer = [](Json out) {
    return hand_over(dump_json(out));
  };
  if (!g->state) return answer({{"error", "no document is shown"}});
  std::vector<std::string> tags;
  auto parsed = parse_json(tags_json);
  if (!parsed || !parsed->is_array()) return answer({{"error", "tags must be a JSON array of strings"}});
  for (const Json& t : *parsed) {
    if (!t.is_string()) return answer({{"error", "tags must be a JSON array of strings, not " + dump_json(t)}});
    tags.push_back(t.get<std::string>());
  }
  auto saved = *id ? g->state->set_note(id, note, std::move(tags))
                   : g->state->highlight_with_note(g->state->last_color(), note, std::move(tags));
  if (!saved) return answer({{"error", saved.error().describe()}});
  return answer(annotation_to_json(*saved));
}

// The note cards on screen (CSS pixels, canvas-relative), for tests:
// [{"id", "x", "y", "width", "height"}] — empty without a notes column.
EMSCRIPTEN_KEEPALIVE const char* scholion_note_cards_json() {
  Json out = Json::array();
  if (g->annotations) {
    for (const Annotation* a : g->annotations->all()) {
      ImVec2 min, max;
      if (a->note.empty() || !g->margin.card_rect(g->reader, a->id, min, max)) continue;
      if (max.y < 0 || min.y > g->reader.viewport_height()) continue;
      Json card = rect_json(min, max);
      card["id"] = a->id;
      out.push_back(std::move(card));
    }
  }
  return hand_over(dump_json(out));
}

}  // extern "C"
