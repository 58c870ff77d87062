#include "core/formats/hypothesis_format.hpp"

#include <array>
#include <unordered_set>

#include "core/text/iso8601.hpp"

namespace scholion {
namespace {

int base64url_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

Result<std::string> string_member(const Json& row, std::string_view key, const std::string& path, bool required) {
  const Json* v = find_field(row, key);
  if (v == nullptr) {
    if (required) return make_error("missing field \"" + std::string(key) + "\"", path);
    return std::string();
  }
  return read_string(*v, path_key(path, key));
}

Result<std::optional<int64_t>> time_member(const Json& row, std::string_view key, const std::string& path) {
  auto text = string_member(row, key, path, false);
  if (!text) return text.error();
  if (text->empty()) return std::optional<int64_t>();
  auto t = parse_iso8601(*text);
  if (!t) return make_error(t.error().message, path_key(path, key));
  return std::optional<int64_t>(*t);
}

struct Selectors {
  std::optional<TextQuote> quote;
  std::optional<CodePointRange> u16;  // as written: UTF-16 code units
  std::string position_path;
};

Result<Selectors> read_selectors(const Json& target, const std::string& path) {
  Selectors out;
  if (auto obj = require_object(target, path); !obj) return obj.error();
  const Json* list = find_field(target, "selector");
  if (list == nullptr) return out;
  const std::string list_path = path_key(path, "selector");
  if (!list->is_array()) return type_error("an array of selectors", *list, list_path);
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Json& s = (*list)[i];
    const std::string sp = path_index(list_path, i);
    if (auto obj = require_object(s, sp); !obj) return obj.error();
    auto type = string_member(s, "type", sp, true);
    if (!type) return type.error();
    if (*type == "TextQuoteSelector" && !out.quote) {
      TextQuote q;
      for (auto [key, dest, required] : {std::tuple{"exact", &q.exact, true}, std::tuple{"prefix", &q.prefix, false},
                                         std::tuple{"suffix", &q.suffix, false}}) {
        auto v = string_member(s, key, sp, required);
        if (!v) return v.error();
        *dest = std::move(v).value();
      }
      out.quote = std::move(q);
    } else if (*type == "TextPositionSelector" && !out.u16) {
      CodePointRange r;
      for (auto [key, dest] : {std::pair{"start", &r.start}, std::pair{"end", &r.end}}) {
        auto field = require_field(s, key, sp);
        if (!field) return field.error();
        auto v = read_offset(**field, path_key(sp, key));
        if (!v) return v.error();
        *dest = *v;
      }
      if (r.start > r.end) {
        return make_error("reversed range: start " + std::to_string(r.start) + " is after end " +
                              std::to_string(r.end),
                          sp);
      }
      out.u16 = r;
      out.position_path = sp;
    }
  }
  return out;
}

class Importer {
 public:
  explicit Importer(const ImportOptions& options)
      : options_(options), clock_(clock_or_system(options.clock)), random_(random_or_system(options.random)) {}

  Checked read_row(const Json& row, const std::string& path) {
    if (auto obj = require_object(row, path); !obj) return obj;
    auto id = string_member(row, "id", path, true);
    if (!id) return id.error();
    auto text = string_member(row, "text", path, false);
    if (!text) return text.error();
    auto uri = string_member(row, "uri", path, false);
    if (!uri) return uri.error();
    std::vector<std::string> tags;
    if (const Json* t = find_field(row, "tags")) {
      auto list = read_string_array(*t, path_key(path, "tags"));
      if (!list) return list.error();
      tags = std::move(list).value();
    }
    auto created = time_member(row, "created", path);
    if (!created) return created.error();
    auto updated = time_member(row, "updated", path);
    if (!updated) return updated.error();

    if (const Json* refs = find_field(row, "references")) {
      auto list = read_string_array(*refs, path_key(path, "references"));
      if (!list) return list.error();
      if (!list->empty()) {
        result.skipped.push_back({path, "a reply to another annotation has no quoted text"});
        return checked_ok();
      }
    }

    auto targets = require_field(row, "target", path);
    if (!targets) return targets.error();
    const std::string targets_path = path_key(path, "target");
    if (!(*targets)->is_array()) return type_error("an array of targets", **targets, targets_path);
    if ((*targets)->empty()) {
      result.skipped.push_back({targets_path, "a page note has no quoted text"});
      return checked_ok();
    }
    if ((*targets)->size() > 1) {
      result.skipped.push_back({targets_path, std::to_string((*targets)->size()) +
                                                  " targets; a Scholion annotation has one"});
      return checked_ok();
    }
    const std::string target_path = path_index(targets_path, 0);
    auto selectors = read_selectors((**targets)[0], target_path);
    if (!selectors) return selectors.error();
    if (!selectors->quote && !selectors->u16) {
      result.skipped.push_back({target_path, "a page note has no quoted text"});
      return checked_ok();
    }
    std::string source = *uri;
    if (const Json* s = find_field((**targets)[0], "source"); s && s->is_string()) source = s->get<std::string>();

    Annotation a;
    std::string original_id;
    if (auto uuid = uuid_from_hypothesis_id(*id)) {
      a.id = *uuid;
    } else {
      a.id = make_uuid_v4(random_);
      original_id = *id;
    }
    if (!ids_.insert(a.id).second) {
      return make_error("duplicate annotation id \"" + *id + "\"", path_key(path, "id"));
    }
    a.note = std::move(text).value();
    a.tags = std::move(tags);
    a.created = created->value_or(clock_());
    a.modified = updated->value_or(a.created);

    FoundSelectors found;
    found.quote = selectors->quote;
    found.position_path = selectors->position_path;
    std::string unusable;
    if (selectors->u16) {
      const CodePointRange& u = *selectors->u16;
      if (options_.document == nullptr) {
        unusable = "UTF-16 offsets " + std::to_string(u.start) + ".." + std::to_string(u.end) +
                   " cannot be converted without the document";
      } else {
        const TextOffsets& offsets = options_.document->offsets();
        auto start = offsets.cp_from_u16(u.start);
        auto end = offsets.cp_from_u16(u.end);
        if (start && end) found.position = CodePointRange{*start, *end};
        else unusable = (start ? end : start).error().message;
      }
    }
    if (!unusable.empty() && !found.quote) return make_error(unusable, selectors->position_path);

    auto placed = resolve_selectors(std::move(a), found, options_.document);
    if (!placed) {
      Error e = placed.error();
      if (e.path.empty()) e.path = target_path;
      return e;
    }
    placed.value().source = std::move(source);
    placed.value().original_id = std::move(original_id);
    if (!unusable.empty()) placed.value().detail = unusable;
    result.annotations.push_back(std::move(placed).value());
    return checked_ok();
  }

  ImportResult result;

 private:
  const ImportOptions& options_;
  Clock clock_;
  RandomSource random_;
  std::unordered_set<std::string> ids_;
};

}  // namespace

std::optional<std::string> uuid_from_hypothesis_id(std::string_view id) {
  if (id.size() != 22) return std::nullopt;
  std::array<uint8_t, 16> bytes{};
  uint32_t acc = 0;
  int bits = 0;
  std::size_t n = 0;
  for (char c : id) {
    const int v = base64url_value(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (n < bytes.size()) bytes[n++] = static_cast<uint8_t>((acc >> bits) & 0xFF);
    }
  }
  // 22 characters carry 132 bits: the last 4 must be zero padding.
  if (n != 16 || (acc & ((1u << bits) - 1)) != 0) return std::nullopt;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[bytes[i] >> 4]);
    out.push_back(kHex[bytes[i] & 0x0F]);
  }
  return out;
}

Result<ImportResult> import_hypothesis(std::string_view json, const ImportOptions& options) {
  auto root = parse_json(json, options.limits);
  if (!root) return root.error();
  if (auto obj = require_object(*root, "$"); !obj) return obj.error();
  Importer importer(options);
  if (const Json* rows = find_field(*root, "rows")) {
    if (!rows->is_array()) return type_error("an array of annotations", *rows, "$.rows");
    for (std::size_t i = 0; i < rows->size(); ++i) {
      if (auto r = importer.read_row((*rows)[i], path_index("$.rows", i)); !r) return r.error();
    }
    if (rows->empty()) return make_error("the search response has no rows", "$.rows");
  } else {
    if (auto r = importer.read_row(*root, "$"); !r) return r.error();
  }
  return require_some_imported(std::move(importer.result));
}

}  // namespace scholion
