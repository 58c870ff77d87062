// Functions the standalone page calls to read documents and annotation files: Markdown
// and plain text as blocks, UTF-8 checks, and W3C / Hypothesis imports placed on the
// shown document through the anchoring engine.
#include <emscripten.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/formats/plain_text.hpp"
#include "core/anchoring/anchoring.hpp"
#include "core/formats/hypothesis_format.hpp"
#include "core/formats/markdown_import.hpp"
#include "core/formats/storage_format.hpp"
#include "core/text/utf8.hpp"
#include "core/formats/w3c_format.hpp"
#include "wasm/canvas.hpp"

namespace scholion::web {
namespace {

const char* answer(Json out) {
  return hand_over(dump_json(out));
}

// Runs of ASCII whitespace as one space, as normalize_block_text does inside a block
// (the ends are kept: a quote's context may begin or end with a space).
Json blocks_json(const std::vector<Block>& blocks) {
  Json list = Json::array();
  for (const Block& b : blocks) {
    list.push_back({{"kind", block_kind_name(b.kind)}, {"level", b.level}, {"text", b.text}});
  }
  return list;
}

}  // namespace
}  // namespace scholion::web

using namespace scholion;
using namespace scholion::web;

extern "C" {

// "" when bytes [data, data + size) are valid UTF-8, else the reason with the byte offset.
EMSCRIPTEN_KEEPALIVE const char* scholion_check_utf8(const char* data, int size) {
  auto valid = validate_utf8(std::string_view(data, static_cast<std::size_t>(size)));
  return hand_over(valid ? "" : valid.error().describe());
}

// A Markdown file as {"error": "", "title": first heading or "", "blocks": [{kind, level,
// text}]}; on invalid UTF-8 only "error" is set.
EMSCRIPTEN_KEEPALIVE const char* scholion_markdown_blocks(const char* utf8, int size) {
  auto read = import_markdown(std::string_view(utf8, static_cast<std::size_t>(size)));
  if (!read) return answer({{"error", read.error().describe()}});
  return answer({{"error", ""}, {"title", read->title}, {"blocks", blocks_json(read->blocks)}});
}

// A plain-text file as blocks, by document_from_plain_text's rules (blank lines separate
// blocks; the first is a level-1 heading): {"error", "title", "blocks"}.
EMSCRIPTEN_KEEPALIVE const char* scholion_plain_text_blocks(const char* utf8, int size) {
  auto doc = document_from_plain_text(std::string_view(utf8, static_cast<std::size_t>(size)), "plain-text");
  if (!doc) return answer({{"error", doc.error().describe()}});
  return answer({{"error", ""}, {"title", doc->title()}, {"blocks", blocks_json(doc->blocks())}});
}

// Annotations from a file placed on the shown document: `format` 0 W3C JSON-LD, 1
// Hypothesis API JSON. Each is placed where its position and quote agree, else found by
// its quote (exactly or approximately); what cannot be found is kept as an orphan, as
// stored orphans are. Returns {"error": "" or why nothing changed, "placed": n,
// "orphaned": n, "orphans": [{"id", "reason", "score"}], "skipped": [{"path", "reason"}]}.
EMSCRIPTEN_KEEPALIVE const char* scholion_import_annotations(int format, const char* json, int size) {
  Json report = {{"error", ""}, {"placed", 0}, {"orphaned", 0}, {"skipped", Json::array()}};
  if (!g->annotations || !g->reader.document()) {
    report["error"] = "no document is open";
    return answer(report);
  }
  const Document& doc = *g->reader.document();
  ImportOptions options;
  options.document = &doc;
  options.clock = now_ms;
  options.random = random64;
  const std::string_view text(json, static_cast<std::size_t>(size));
  auto imported = format == 1 ? import_hypothesis(text, options) : import_w3c(text, options);
  if (!imported) {
    report["error"] = imported.error().describe();
    return answer(report);
  }
  PlacedImport placed = place_imported(std::move(imported.value().annotations), doc);
  const std::size_t placed_count = placed.placed.size();
  auto merged = g->annotations->merge(std::move(placed.placed), {});
  if (!merged) {
    report["error"] = merged.error().describe();
    return answer(report);
  }
  Json reasons = Json::array();
  for (std::size_t i = 0; i < placed.orphans.size(); ++i) {
    const AnchorResult& r = placed.orphan_results[i];
    reasons.push_back({{"id", placed.orphans[i].id}, {"reason", orphan_reason_name(r.reason)}, {"score", r.score}});
  }
  report["placed"] = placed_count;
  report["orphaned"] = placed.orphans.size();
  report["orphans"] = std::move(reasons);
  g->orphans.drop_live(*g->annotations);
  for (Annotation& o : placed.orphans) g->orphans.keep(std::move(o), *g->annotations);
  for (const SkippedAnnotation& s : imported->skipped) {
    report["skipped"].push_back({{"path", s.path}, {"reason", s.reason}});
  }
  request_frame();
  return answer(report);
}

}  // extern "C"
