// scholion: the native command-line face of the core. Other tools rely on this contract:
//
//   scholion describe TEXT_FILE START END [--units cp|utf16]
//       One W3C `target` object ({"selector": [TextQuoteSelector, TextPositionSelector]}).
//   scholion anchor TEXT_FILE ANNOTATIONS_FILE [--units cp|utf16]
//       A JSON array, one object per input annotation in input order:
//       {"id", "status": "anchored"|"orphan", "start", "end", "score", "method"}
//       (start/end omitted for orphans). ANNOTATIONS_FILE holds one W3C annotation, an
//       array of them, an AnnotationPage or AnnotationCollection, or a Hypothesis search
//       response {"rows": [...]} / annotation.
//   scholion convert IN_FILE --to w3c|markdown|storage [--text TEXT_FILE]
//       IN_FILE is storage JSON, W3C or Hypothesis JSON. With --text, annotations are
//       anchored in that text first.
//   scholion info TEXT_FILE
//       The document a plain-text file becomes: lengths, fingerprint, blocks.
//
// --units says which unit positions use, in the input selectors and in the output
// (default cp, Unicode code points). Hypothesis files always count UTF-16 units (that is
// their format); --units still governs the output. Text files are UTF-8; a leading
// byte-order mark is stripped before counting. Bad input of any kind: exit status 2 and
// one line on stderr naming the problem; nothing on stdout.
#include <charconv>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/anchoring/anchoring.hpp"
#include "core/formats/plain_text.hpp"
#include "core/model/document.hpp"
#include "core/formats/hypothesis_format.hpp"
#include "core/formats/json_input.hpp"
#include "core/formats/markdown_export.hpp"
#include "core/text/utf8.hpp"
#include "core/formats/storage_format.hpp"
#include "core/formats/w3c_format.hpp"

namespace scholion::cli {
namespace {

constexpr int kBadInput = 2;

// Bad input: the message goes to stderr as one line, and the program exits with 2.
struct Failure {
  std::string message;
};

[[noreturn]] void fail(std::string message) { throw Failure{std::move(message)}; }

template <class T>
T must(Result<T> r, const std::string& context) {
  if (!r) fail(context + ": " + r.error().describe());
  return std::move(r).value();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string read_text_file(const std::string& path) {
  std::string text = read_file(path);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  if (auto valid = validate_utf8(text); !valid) fail(path + ": " + valid.error().message);
  return text;
}

// The text exactly as the file has it, as a one-block document (no normalisation), so
// positions count the file's own characters.
Document document_of(const std::string& text, const std::string& path) {
  return must(Document::make({path, {}, {}}, {Block{BlockKind::preformatted, 0, text}}), path);
}

enum class Units { cp, utf16 };

struct Args {
  std::vector<std::string> positional;
  Units units = Units::cp;
  std::string to;
  std::string text_file;
};

Args parse_args(int argc, char** argv) {
  Args args;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) fail("option " + a + " needs a value");
      return argv[++i];
    };
    if (a == "--units") {
      const std::string u = value();
      if (u == "cp") args.units = Units::cp;
      else if (u == "utf16") args.units = Units::utf16;
      else fail("--units must be cp or utf16, not \"" + u + "\"");
    } else if (a == "--to") {
      args.to = value();
    } else if (a == "--text") {
      args.text_file = value();
    } else if (a.rfind("--", 0) == 0) {
      fail("unknown option " + a);
    } else {
      args.positional.push_back(a);
    }
  }
  return args;
}

uint32_t parse_offset(const std::string& s, const char* name) {
  uint32_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) {
    fail(std::string(name) + " must be a non-negative integer, not \"" + s + "\"");
  }
  return v;
}

uint32_t to_cp(const TextOffsets& offsets, uint32_t pos, Units units, const char* name) {
  auto r = units == Units::utf16 ? offsets.cp_from_u16(pos) : offsets.byte_from_cp(pos);
  if (!r) fail(std::string(name) + ": " + r.error().message);
  return units == Units::utf16 ? *r : pos;
}

uint32_t from_cp(const TextOffsets& offsets, uint32_t cp, Units units) {
  return units == Units::utf16 ? offsets.u16_at(cp) : cp;
}

int describe_command(const Args& args) {
  if (args.positional.size() != 3) fail("usage: scholion describe TEXT_FILE START END [--units cp|utf16]");
  const std::string text = read_text_file(args.positional[0]);
  const Document doc = document_of(text, args.positional[0]);
  const TextOffsets& offsets = doc.offsets();
  const uint32_t start = to_cp(offsets, parse_offset(args.positional[1], "START"), args.units, "START");
  const uint32_t end = to_cp(offsets, parse_offset(args.positional[2], "END"), args.units, "END");
  const FoundSelectors s = must(describe(doc, start, end), "describe");
  Json quote = {{"type", "TextQuoteSelector"}, {"exact", s.quote->exact}};
  if (!s.quote->prefix.empty()) quote["prefix"] = s.quote->prefix;
  if (!s.quote->suffix.empty()) quote["suffix"] = s.quote->suffix;
  const Json position = {{"type", "TextPositionSelector"},
                         {"start", from_cp(offsets, s.position->start, args.units)},
                         {"end", from_cp(offsets, s.position->end, args.units)}};
  std::cout << dump_json(Json{{"selector", Json::array({quote, position})}}) << "\n";
  return 0;
}

bool is_hypothesis(const Json& json) {
  if (!json.is_object() || json.contains("@context")) return false;
  if (json.contains("rows")) return true;
  const auto target = json.find("target");
  return json.contains("uri") && target != json.end() && target->is_array();
}

// The annotation objects of a file, in file order, whatever its shape.
std::vector<const Json*> listed_annotations(const Json& json) {
  const Json* list = &json;
  if (json.is_object()) {
    if (auto it = json.find("rows"); it != json.end()) list = &*it;
    else if (auto items = json.find("items"); items != json.end()) list = &*items;
    else if (auto first = json.find("first"); first != json.end() && first->is_object() &&
                                                first->contains("items")) list = &(*first)["items"];
  }
  std::vector<const Json*> out;
  if (list->is_array()) {
    for (const Json& item : *list) out.push_back(&item);
  } else {
    out.push_back(list);
  }
  return out;
}

// Position of an entry within its file's list ("$.rows[3]" → 3), for input order.
std::size_t entry_index(const std::string& path) {
  const auto open = path.find('[');
  if (open == std::string::npos) return 0;
  std::size_t v = 0;
  std::from_chars(path.data() + open + 1, path.data() + path.size(), v);
  return v;
}

struct Entry {
  std::size_t index = 0;
  std::string id;
  FoundSelectors selectors;  // positions in code points
  Annotation annotation;
};

// The targets that `describe` prints have no "source" (they describe a text file, not a
// resource); the W3C model requires one, so targets here get the text file as source.
void give_targets_a_source(Json& json, const std::string& source) {
  if (json.is_array()) {
    for (Json& item : json) give_targets_a_source(item, source);
    return;
  }
  if (!json.is_object()) return;
  for (const char* list : {"items", "first"}) {
    if (auto it = json.find(list); it != json.end()) give_targets_a_source(*it, source);
  }
  if (auto target = json.find("target"); target != json.end() && target->is_object() &&
                                         !target->contains("source") && target->contains("selector")) {
    (*target)["source"] = source;
  }
}

// Reads the annotations of a W3C or Hypothesis file, with selectors in code points.
std::vector<Entry> read_annotations(const std::string& path, const Document& doc, Units units) {
  Json json = must(parse_json(read_file(path)), path);
  const bool hypothesis = is_hypothesis(json);
  if (!hypothesis) give_targets_a_source(json, "file:" + doc.id());
  const std::string json_text = dump_json(json);
  ImportOptions options;
  // W3C positions are read as written and converted below; Hypothesis ones are UTF-16
  // by definition and converted by its importer through the document.
  options.document = hypothesis ? &doc : nullptr;
  const ImportResult imported = must(hypothesis ? import_hypothesis(json_text, options)
                                                : import_w3c(json_text, options), path);
  std::vector<Entry> entries;
  std::size_t k = 0;
  for (const ImportedAnnotation& a : imported.annotations) {
    Entry e;
    e.index = k++;
    e.id = !a.original_id.empty() ? a.original_id
                                  : (hypothesis ? a.annotation.id : "urn:uuid:" + a.annotation.id);
    e.annotation = a.annotation;
    if (!a.annotation.quote.exact.empty()) e.selectors.quote = a.annotation.quote;
    std::optional<CodePointRange> pos = a.position;
    if (!pos && a.has_range()) pos = CodePointRange{a.annotation.start, a.annotation.end};
    if (pos && !hypothesis) {
      // Positions as written, in --units: convert, or drop a position that cannot be.
      auto s = units == Units::utf16 ? doc.offsets().cp_from_u16(pos->start) : Result<uint32_t>(pos->start);
      auto t = units == Units::utf16 ? doc.offsets().cp_from_u16(pos->end) : Result<uint32_t>(pos->end);
      pos = s && t ? std::optional(CodePointRange{*s, *t}) : std::nullopt;
    }
    e.selectors.position = pos;
    entries.push_back(std::move(e));
  }
  // Annotations the importer could not represent still get their line of output, as
  // orphans, in their place in the file.
  std::vector<Entry> skipped;
  const auto listed = listed_annotations(json);
  for (const SkippedAnnotation& s : imported.skipped) {
    Entry e;
    e.index = entry_index(s.path);
    const Json* entry = e.index < listed.size() ? listed[e.index] : nullptr;
    e.id = s.path;
    if (entry && entry->is_object()) {
      if (auto id = entry->find("id"); id != entry->end() && id->is_string()) e.id = id->get<std::string>();
    }
    skipped.push_back(std::move(e));
  }
  if (!skipped.empty()) {
    // Re-number the imported entries by their own file positions where known.
    std::vector<Entry> all;
    std::size_t next_skipped = 0, i = 0;
    for (std::size_t pos = 0; i < entries.size() || next_skipped < skipped.size(); ++pos) {
      if (next_skipped < skipped.size() && skipped[next_skipped].index == pos) {
        all.push_back(std::move(skipped[next_skipped++]));
      } else if (i < entries.size()) {
        all.push_back(std::move(entries[i++]));
      } else {
        all.push_back(std::move(skipped[next_skipped++]));
      }
    }
    entries = std::move(all);
  }
  return entries;
}

int anchor_command(const Args& args) {
  if (args.positional.size() != 2) {
    fail("usage: scholion anchor TEXT_FILE ANNOTATIONS_FILE [--units cp|utf16]");
  }
  const std::string text = read_text_file(args.positional[0]);
  const Document doc = document_of(text, args.positional[0]);
  const AnchorText anchor_text(doc);
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Entry& e : read_annotations(args.positional[1], doc, args.units)) {
    const AnchorResult r = anchor_foreign(e.selectors, anchor_text);
    nlohmann::ordered_json item = {{"id", e.id}, {"status", anchor_status_name(r.status)}};
    if (r.anchored()) {
      item["start"] = from_cp(doc.offsets(), r.start, args.units);
      item["end"] = from_cp(doc.offsets(), r.end, args.units);
    }
    item["score"] = r.score;
    item["method"] = anchor_method_name(r.method);
    if (!r.anchored()) item["reason"] = orphan_reason_name(r.reason);
    out.push_back(std::move(item));
  }
  std::cout << out.dump(1) << "\n";
  return 0;
}

int convert_command(const Args& args) {
  if (args.positional.size() != 1 || (args.to != "w3c" && args.to != "markdown" && args.to != "storage")) {
    fail("usage: scholion convert IN_FILE --to w3c|markdown|storage [--text TEXT_FILE]");
  }
  const std::string& in = args.positional[0];
  std::optional<Document> text_doc;
  if (!args.text_file.empty()) {
    text_doc = must(document_from_plain_text(read_text_file(args.text_file), args.text_file),
                    args.text_file);
  }
  StoredDocument stored;
  const std::string json_text = read_file(in);
  const Json json = must(parse_json(json_text), in);
  if (json.is_object() && json.contains("schema")) {
    stored = must(read_storage_json(json_text), in);
  } else {
    const Document& doc = text_doc ? *text_doc : document_of("", in);
    for (Entry& e : read_annotations(in, doc, Units::cp)) {
      if (e.annotation.id.empty()) continue;  // not representable (listed by the importer)
      stored.annotations.push_back(std::move(e.annotation));
    }
  }
  if (text_doc) {
    // Place every annotation in the given text; orphans keep their quote.
    const AnchorText anchor_text(*text_doc);
    for (Annotation& a : stored.annotations) {
      const AnchorResult r = anchor(selectors_of(a), anchor_text);
      a.start = r.anchored() ? r.start : 0;
      a.end = r.anchored() ? r.end : 0;
    }
    stored.document = {text_doc->id(), text_doc->title(), text_doc->source_url(), text_doc->fingerprint()};
  }
  const Document doc = text_doc ? *text_doc
                                : must(Document::make({stored.document.id, stored.document.title,
                                                       stored.document.source_url}, {}), in);
  if (args.to == "storage") std::cout << write_storage_json(stored) << "\n";
  else if (args.to == "w3c") std::cout << export_w3c_collection(doc, stored.annotations) << "\n";
  else std::cout << export_markdown(doc, stored.annotations);
  return 0;
}

int info_command(const Args& args) {
  if (args.positional.size() != 1) fail("usage: scholion info TEXT_FILE");
  const std::string& path = args.positional[0];
  const Document doc = must(document_from_plain_text(read_text_file(path), path), path);
  const auto& o = doc.offsets();
  std::cout << "title: " << doc.title() << "\n"
            << "length: " << o.cp_length() << " code points, " << o.u16_length()
            << " UTF-16 units, " << o.byte_length() << " bytes\n"
            << "fingerprint: " << doc.fingerprint() << "\n"
            << "blocks: " << doc.blocks().size() << "\n";
  for (std::size_t i = 0; i < doc.blocks().size(); ++i) {
    std::cout << "  [" << doc.block_start(i) << ", " << doc.block_end(i) << ") "
              << block_kind_name(doc.blocks()[i].kind) << "\n";
  }
  return 0;
}

}  // namespace
}  // namespace scholion::cli

int main(int argc, char** argv) {
  using namespace scholion::cli;
  // Output is built fully before it is written, so a failure leaves stdout empty.
  std::ostringstream buffer;
  std::streambuf* real_out = std::cout.rdbuf(buffer.rdbuf());
  int status = kBadInput;
  try {
    if (argc < 2) fail("usage: scholion describe|anchor|convert|info ... (see the README)");
    const std::string command = argv[1];
    const Args args = parse_args(argc, argv);
    if (command == "describe") status = describe_command(args);
    else if (command == "anchor") status = anchor_command(args);
    else if (command == "convert") status = convert_command(args);
    else if (command == "info") status = info_command(args);
    else fail("unknown command \"" + command + "\" (describe, anchor, convert, info)");
  } catch (const Failure& f) {
    std::cout.rdbuf(real_out);
    std::cerr << "scholion: " << f.message << "\n";
    return kBadInput;
  }
  std::cout.rdbuf(real_out);
  std::cout << buffer.str();
  return status;
}
