#include "core/formats/storage_format.hpp"

#include <unordered_set>

#include "core/formats/storage_scan.hpp"

namespace scholion {
namespace {

Result<std::string> string_field(const Json& object, std::string_view key, const std::string& path,
                                 bool required = true) {
  const Json* value = find_field(object, key);
  if (value == nullptr) {
    if (required) return make_error("missing field \"" + std::string(key) + "\"", path);
    return std::string();
  }
  return read_string(*value, path_key(path, key));
}

Result<std::string> uuid_field(const Json& object, const std::string& path) {
  auto id = string_field(object, "id", path);
  if (!id) return id;
  if (!is_uuid(*id)) {
    return make_error("expected a UUID, got " + describe_json(Json(*id)), path_key(path, "id"));
  }
  return id;
}

Result<int64_t> time_field(const Json& object, std::string_view key, const std::string& path) {
  auto value = require_field(object, key, path);
  if (!value) return value.error();
  return read_int64(**value, path_key(path, key));
}

Result<StoredDocumentInfo> read_document_info(const Json& root) {
  auto doc = require_field(root, "document", "$");
  if (!doc) return doc.error();
  const std::string path = "$.document";
  if (auto obj = require_object(**doc, path); !obj) return obj.error();
  StoredDocumentInfo info;
  for (auto [key, out] : {std::pair{"id", &info.id}, std::pair{"title", &info.title},
                          std::pair{"source_url", &info.source_url},
                          std::pair{"fingerprint", &info.fingerprint}}) {
    auto s = string_field(**doc, key, path);
    if (!s) return s.error();
    *out = std::move(s).value();
  }
  return info;
}

Result<TextQuote> read_quote(const Json& annotation, const std::string& path) {
  auto quote = require_field(annotation, "quote", path);
  if (!quote) return quote.error();
  const std::string qpath = path_key(path, "quote");
  if (auto obj = require_object(**quote, qpath); !obj) return obj.error();
  TextQuote q;
  auto exact = string_field(**quote, "exact", qpath);
  if (!exact) return exact.error();
  auto prefix = string_field(**quote, "prefix", qpath, false);
  if (!prefix) return prefix.error();
  auto suffix = string_field(**quote, "suffix", qpath, false);
  if (!suffix) return suffix.error();
  return TextQuote{std::move(exact).value(), std::move(prefix).value(), std::move(suffix).value()};
}

Result<Annotation> read_annotation(const Json& value, const std::string& path) {
  if (auto obj = require_object(value, path); !obj) return obj.error();
  Annotation a;
  auto id = uuid_field(value, path);
  if (!id) return id.error();
  a.id = std::move(id).value();

  for (auto [key, out] : {std::pair{"start", &a.start}, std::pair{"end", &a.end}}) {
    auto field = require_field(value, key, path);
    if (!field) return field.error();
    auto offset = read_offset(**field, path_key(path, key));
    if (!offset) return offset.error();
    *out = *offset;
  }
  if (a.start > a.end) {
    return make_error("reversed range: start " + std::to_string(a.start) + " is after end " +
                          std::to_string(a.end),
                      path_key(path, "start"));
  }

  auto quote = read_quote(value, path);
  if (!quote) return quote.error();
  a.quote = std::move(quote).value();

  auto color = string_field(value, "color", path);
  if (!color) return color.error();
  auto known = color_from_name(*color);
  if (!known) {
    return make_error("unknown colour " + describe_json(Json(*color)) +
                          " (expected yellow, green, blue, pink or purple)",
                      path_key(path, "color"));
  }
  a.color = *known;

  auto note = string_field(value, "note", path, false);
  if (!note) return note.error();
  a.note = std::move(note).value();

  if (const Json* tags = find_field(value, "tags")) {
    auto list = read_string_array(*tags, path_key(path, "tags"));
    if (!list) return list.error();
    a.tags = std::move(list).value();
  }

  auto created = time_field(value, "created", path);
  if (!created) return created.error();
  a.created = *created;
  auto modified = time_field(value, "modified", path);
  if (!modified) return modified.error();
  a.modified = *modified;
  return a;
}

// The list `key` of the root ("annotations", or "orphans", which may be absent).
Result<std::vector<Annotation>> read_annotations(const Json& root, const char* key, bool required) {
  std::vector<Annotation> out;
  const std::string list_path = std::string("$.") + key;
  if (!required && !root.contains(key)) return out;
  auto list = require_field(root, key, "$");
  if (!list) return list.error();
  if (!(*list)->is_array()) return type_error("an array", **list, list_path);
  out.reserve((*list)->size());
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < (*list)->size(); ++i) {
    const std::string path = path_index(list_path, i);
    auto a = read_annotation((**list)[i], path);
    if (!a) return a.error();
    if (!seen.insert(a->id).second) {
      return make_error("duplicate annotation id \"" + a->id + "\"", path_key(path, "id"));
    }
    out.push_back(std::move(a).value());
  }
  return out;
}

Result<std::vector<Tombstone>> read_tombstones(const Json& root) {
  std::vector<Tombstone> out;
  const Json* list = find_field(root, "tombstones");
  if (list == nullptr) return out;
  if (!list->is_array()) return type_error("an array", *list, "$.tombstones");
  out.reserve(list->size());
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = path_index("$.tombstones", i);
    const Json& t = (*list)[i];
    if (auto obj = require_object(t, path); !obj) return obj.error();
    auto id = uuid_field(t, path);
    if (!id) return id.error();
    auto deleted = time_field(t, "deleted", path);
    if (!deleted) return deleted.error();
    out.push_back({std::move(id).value(), *deleted});
  }
  return out;
}

Result<int> read_schema(const Json& root) {
  auto schema = require_field(root, "schema", "$");
  if (!schema) return schema.error();
  if (!(*schema)->is_number_integer()) return type_error("an integer", **schema, "$.schema");
  const auto n = (*schema)->get<int64_t>();
  if (n < 0 || n > 1'000'000) return make_error("no schema " + std::to_string(n) + " exists", "$.schema");
  return static_cast<int>(n);
}

// Runs the steps from `schema` up to kStorageSchema.
Result<Json> migrate(Json root, int schema, std::span<const StorageMigration> migrations) {
  const int oldest = kStorageSchema - static_cast<int>(migrations.size());
  if (schema > kStorageSchema) {
    return make_error("schema " + std::to_string(schema) + " was written by a newer Scholion; this one reads up to schema " +
                          std::to_string(kStorageSchema),
                      "$.schema");
  }
  if (schema < oldest) {
    return make_error("schema " + std::to_string(schema) + " is older than any this version can read (" +
                          std::to_string(oldest) + ")",
                      "$.schema");
  }
  for (int from = schema; from < kStorageSchema; ++from) {
    auto next = migrations[static_cast<std::size_t>(from - oldest)](std::move(root));
    if (!next) {
      Error e = next.error();
      e.message = "upgrading schema " + std::to_string(from) + " to " + std::to_string(from + 1) + ": " + e.message;
      return e;
    }
    root = std::move(next).value();
    auto now = read_schema(root);
    if (!now) return now.error();
    if (*now != from + 1) {
      return make_error("the upgrade from schema " + std::to_string(from) + " produced schema " +
                            std::to_string(*now),
                        "$.schema");
    }
  }
  return root;
}

}  // namespace

std::span<const StorageMigration> storage_migrations() {
  // Schema 1 is the first: nothing to upgrade yet. Step k upgrades schema k+1 to k+2.
  return {};
}

Json annotation_to_json(const Annotation& a) {
  return {{"id", a.id},
                           {"start", a.start},
                           {"end", a.end},
                           {"quote", {{"exact", a.quote.exact}, {"prefix", a.quote.prefix}, {"suffix", a.quote.suffix}}},
                           {"color", std::string(color_name(a.color))},
                           {"note", a.note},
                           {"tags", a.tags},
                           {"created", a.created},
                           {"modified", a.modified}};
}

Json storage_to_json(const StoredDocument& stored) {
  Json annotations = Json::array();
  for (const Annotation& a : stored.annotations) annotations.push_back(annotation_to_json(a));
  Json tombstones = Json::array();
  for (const Tombstone& t : stored.tombstones) tombstones.push_back({{"id", t.id}, {"deleted", t.deleted}});
  const StoredDocumentInfo& d = stored.document;
  Json out = {{"schema", kStorageSchema},
              {"document", {{"id", d.id}, {"title", d.title}, {"source_url", d.source_url}, {"fingerprint", d.fingerprint}}},
              {"annotations", std::move(annotations)},
              {"tombstones", std::move(tombstones)}};
  if (!stored.orphans.empty()) {
    Json orphans = Json::array();
    for (const Annotation& a : stored.orphans) orphans.push_back(annotation_to_json(a));
    out["orphans"] = std::move(orphans);
  }
  return out;
}

std::string write_storage_json(const StoredDocument& stored) { return dump_json(storage_to_json(stored)); }

Result<StoredDocument> read_storage_json(std::string_view text) {
  return read_storage_json(text, storage_migrations());
}

Result<StoredDocument> read_storage_json(std::string_view text, std::span<const StorageMigration> migrations) {
  // why: the scan reads the common case (current schema, nothing wrong) several times
  // faster than building a tree; for anything else the tree reader names the problem.
  if (auto scanned = scan_storage_json(text)) return std::move(*scanned);
  auto parsed = parse_json(text);
  if (!parsed) return parsed.error();
  return storage_from_json(std::move(parsed).value(), migrations);
}

Result<StoredDocument> storage_from_json(Json value, std::span<const StorageMigration> migrations) {
  if (auto obj = require_object(value, "$"); !obj) return obj.error();
  auto schema = read_schema(value);
  if (!schema) return schema.error();
  auto root = migrate(std::move(value), *schema, migrations);
  if (!root) return root.error();

  StoredDocument out;
  auto info = read_document_info(*root);
  if (!info) return info.error();
  out.document = std::move(info).value();
  auto annotations = read_annotations(*root, "annotations", true);
  if (!annotations) return annotations.error();
  out.annotations = std::move(annotations).value();
  auto orphans = read_annotations(*root, "orphans", false);
  if (!orphans) return orphans.error();
  out.orphans = std::move(orphans).value();
  auto tombstones = read_tombstones(*root);
  if (!tombstones) return tombstones.error();
  out.tombstones = std::move(tombstones).value();
  return out;
}

}  // namespace scholion
