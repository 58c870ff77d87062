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
std::string collapse_whitespace(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    const bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (ws && space) continue;
    out += ws ? ' ' : c;
    space = ws;
  }
  return out;
}

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
  const AnchorText anchor_text(doc);
  std::vector<Annotation> placed;
  std::vector<Annotation> orphans;
  Json reasons = Json::array();
  for (ImportedAnnotation& item : imported.value().annotations) {
    Annotation a = std::move(item.annotation);
    if (!item.has_range()) {
      // The file's text may keep whitespace the document collapsed (Hypothesis records
      // the page's raw textContent): the quote is searched with runs of whitespace as one
      // space. Its position counts in that other text, so it is a hint only: when the
      // quote does not anchor near it, the quote and its context are tried alone.
      FoundSelectors found;
      if (!a.quote.exact.empty()) {
        found.quote = TextQuote{collapse_whitespace(a.quote.exact), collapse_whitespace(a.quote.prefix),
                                collapse_whitespace(a.quote.suffix)};
      }
      found.position = item.position;
      AnchorResult r = anchor(found, anchor_text);
      if (!r.anchored() && found.quote && found.position) {
        found.position.reset();
        r = anchor(found, anchor_text);
      }
      if (!r.anchored()) {
        if (item.position) {
          a.start = item.position->start;
          a.end = item.position->end;
        }
        reasons.push_back({{"id", a.id}, {"reason", orphan_reason_name(r.reason)}, {"score", r.score}});
        orphans.push_back(std::move(a));
        continue;
      }
      a.start = r.start;
      a.end = r.end;
      a.quote = quote_at(doc.offsets(), {r.start, r.end});
    }
    placed.push_back(std::move(a));
  }
  const std::size_t placed_count = placed.size();
  auto merged = g->annotations->merge(std::move(placed), {});
  if (!merged) {
    report["error"] = merged.error().describe();
    return answer(report);
  }
  drop_live_orphans();
  for (Annotation& o : orphans) keep_orphan(std::move(o));
  report["placed"] = placed_count;
  report["orphaned"] = orphans.size();
  report["orphans"] = std::move(reasons);
  for (const SkippedAnnotation& s : imported->skipped) {
    report["skipped"].push_back({{"path", s.path}, {"reason", s.reason}});
  }
  request_frame();
  return answer(report);
}

}  // extern "C"
