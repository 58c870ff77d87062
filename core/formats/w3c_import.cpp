// W3C Web Annotation import; see w3c_format.hpp for what is accepted and why.
#include <algorithm>
#include <unordered_set>

#include "core/text/iso8601.hpp"
#include "core/formats/w3c_format.hpp"

namespace scholion {
namespace {

constexpr std::array<std::string_view, 4> kSetTypes = {"Choice", "List", "Composite", "Independents"};

bool is_set_type(std::string_view t) {
  return std::find(kSetTypes.begin(), kSetTypes.end(), t) != kSetTypes.end();
}

// "type" as a list: absent → empty; a string or an array of strings.
Result<std::vector<std::string>> types_of(const Json& object, const std::string& path) {
  const Json* type = find_field(object, "type");
  if (type == nullptr) return std::vector<std::string>{};
  if (type->is_string()) return std::vector<std::string>{type->get_ref<const std::string&>()};
  auto list = read_string_array(*type, path_key(path, "type"));
  if (!list) return type_error("a type name", *type, path_key(path, "type"));
  return list;
}

bool contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

Result<std::string> read_iri(const Json& value, const std::string& path) {
  if (!value.is_string() || !looks_like_iri(value.get_ref<const std::string&>())) {
    return type_error("an IRI", value, path);
  }
  return value.get_ref<const std::string&>();
}

// An IRI, or (when `list_ok`) an array of IRIs.
Checked check_iris(const Json& value, const std::string& path, bool list_ok) {
  if (list_ok && value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (auto iri = read_iri(value[i], path_index(path, i)); !iri) return iri.error();
    }
    return checked_ok();
  }
  if (auto iri = read_iri(value, path); !iri) return iri.error();
  return checked_ok();
}

// creator / generator: an IRI, an agent object, or an array of them.
Checked check_agents(const Json& value, const std::string& path) {
  if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (auto a = check_agents(value[i], path_index(path, i)); !a) return a;
    }
    return checked_ok();
  }
  if (value.is_object()) {
    if (const Json* id = find_field(value, "id")) {
      if (auto iri = read_iri(*id, path_key(path, "id")); !iri) return iri.error();
    }
    return checked_ok();
  }
  if (auto iri = read_iri(value, path); !iri) return type_error("an agent (IRI or object)", value, path);
  return checked_ok();
}

Checked check_context(const Json& object, const std::string& path, bool required) {
  const Json* context = find_field(object, "@context");
  if (context == nullptr) {
    if (required) return make_error("missing field \"@context\" (the Web Annotation context \"" +
                                    std::string(kW3cContext) + "\")", path);
    return checked_ok();
  }
  if (context->is_string() && context->get_ref<const std::string&>() == kW3cContext) return checked_ok();
  if (context->is_array()) {
    for (const Json& c : *context) {
      if (c.is_string() && c.get_ref<const std::string&>() == kW3cContext) return checked_ok();
    }
  }
  return type_error("the Web Annotation context \"" + std::string(kW3cContext) + "\"", *context,
                    path_key(path, "@context"));
}

// Properties of a body or target resource that have a fixed shape.
Checked check_resource_properties(const Json& r, const std::string& path) {
  if (const Json* format = find_field(r, "format")) {
    if (auto s = read_string(*format, path_key(path, "format")); !s) return s.error();
  }
  if (const Json* dir = find_field(r, "textDirection")) {
    const bool ok = dir->is_string() && (*dir == "ltr" || *dir == "rtl" || *dir == "auto");
    if (!ok) return type_error("\"ltr\", \"rtl\" or \"auto\"", *dir, path_key(path, "textDirection"));
  }
  if (const Json* lang = find_field(r, "processingLanguage")) {
    if (auto s = read_string(*lang, path_key(path, "processingLanguage")); !s) return s.error();
  }
  if (const Json* lang = find_field(r, "language")) {
    if (!lang->is_string()) {
      if (auto l = read_string_array(*lang, path_key(path, "language")); !l) return l.error();
    }
  }
  return checked_ok();
}

Result<std::vector<std::string>> purposes_of(const Json& r, const std::string& path) {
  const Json* purpose = find_field(r, "purpose");
  if (purpose == nullptr) return std::vector<std::string>{};
  if (purpose->is_string()) return std::vector<std::string>{purpose->get_ref<const std::string&>()};
  return read_string_array(*purpose, path_key(path, "purpose"));
}

struct BodyRead {
  std::vector<std::string> notes;
  std::vector<std::string> tags;
  std::string skip_reason;
  std::string skip_path;
  void skip(std::string path, std::string reason) {
    if (skip_reason.empty()) {
      skip_reason = std::move(reason);
      skip_path = std::move(path);
    }
  }
};

Checked read_body(const Json& body, const std::string& path, BodyRead& out) {
  if (body.is_string()) {
    auto iri = read_iri(body, path);
    if (!iri) return iri.error();
    out.notes.push_back("<" + *iri + ">");  // an external comment: keep the link
    return checked_ok();
  }
  if (!body.is_object()) return type_error("a body (IRI or object)", body, path);
  auto types = types_of(body, path);
  if (!types) return types.error();
  const auto set_types = std::count_if(types->begin(), types->end(), is_set_type);
  if (set_types > 1) return make_error("a body cannot be several kinds of set at once", path_key(path, "type"));
  if (set_types == 1) {
    out.skip(path, "a body of type " + *std::find_if(types->begin(), types->end(), is_set_type) + " is not supported");
    return checked_ok();
  }
  if (find_field(body, "items") != nullptr) {
    return make_error("body has items but no type (Choice, List, Composite or Independents)", path);
  }
  if (auto props = check_resource_properties(body, path); !props) return props;
  auto purposes = purposes_of(body, path);
  if (!purposes) return purposes.error();
  const bool tagging = contains(*purposes, "tagging");

  if (contains(*types, "TextualBody") || find_field(body, "value") != nullptr) {
    auto value = require_field(body, "value", path);
    if (!value) return value.error();
    auto text = read_string(**value, path_key(path, "value"));
    if (!text) return text.error();
    if (const Json* format = find_field(body, "format")) {
      const std::string& f = format->get_ref<const std::string&>();
      if (f != "text/plain" && f != "text/markdown") {
        out.skip(path_key(path, "format"),
                 "a note in " + f + " is not supported (text/plain or text/markdown)");
        return checked_ok();
      }
    }
    (tagging ? out.tags : out.notes).push_back(std::move(text).value());
    return checked_ok();
  }
  std::string iri;
  if (const Json* id = find_field(body, "id")) {
    auto r = read_iri(*id, path_key(path, "id"));
    if (!r) return r.error();
    iri = *r;
  } else if (const Json* source = find_field(body, "source")) {
    const Json* source_id = source->is_object() ? find_field(*source, "id") : source;
    if (source_id == nullptr) return make_error("missing field \"id\"", path_key(path, "source"));
    auto r = read_iri(*source_id, path_key(path, "source"));
    if (!r) return r.error();
    iri = *r;
  } else {
    return make_error("body has neither a value nor an id", path);
  }
  if (tagging) out.tags.push_back(iri);
  else out.notes.push_back("<" + iri + ">");
  return checked_ok();
}

struct TargetRead {
  FoundSelectors selectors;
  std::string source;
  std::optional<Color> color;
  std::string skip_reason;
  std::string skip_path;
};

// Whether a refinement chain holds a text selector (which we cannot resolve inside the
// selector it refines).
const Json* text_selector_in_refinement(const Json& selector, int depth = 0) {
  const Json* refined = find_field(selector, "refinedBy");
  if (refined == nullptr || depth > 8) return nullptr;
  auto check = [&](const Json& r) -> const Json* {
    if (!r.is_object()) return nullptr;
    const Json* type = find_field(r, "type");
    if (type && (*type == "TextQuoteSelector" || *type == "TextPositionSelector")) return &r;
    return text_selector_in_refinement(r, depth + 1);
  };
  if (refined->is_array()) {
    for (const Json& r : *refined) {
      if (const Json* found = check(r)) return found;
    }
    return nullptr;
  }
  return check(*refined);
}

Checked read_selector(const Json& s, const std::string& path, TargetRead& out) {
  if (s.is_string()) return checked_ok();  // a selector by reference: not a text selector
  if (auto obj = require_object(s, path); !obj) return obj;
  auto type_field = require_field(s, "type", path);
  if (!type_field) return type_field.error();
  auto type = read_string(**type_field, path_key(path, "type"));
  if (!type) return type.error();

  if (*type == "TextQuoteSelector" || *type == "TextPositionSelector") {
    if (find_field(s, "refinedBy") != nullptr) {
      if (out.skip_reason.empty()) {
        out.skip_reason = "a refined " + *type + " is not supported";
        out.skip_path = path_key(path, "refinedBy");
      }
      return checked_ok();
    }
  }
  if (*type == "TextQuoteSelector") {
    TextQuote q;
    for (auto [key, dest, required] : {std::tuple{"exact", &q.exact, true}, std::tuple{"prefix", &q.prefix, false},
                                       std::tuple{"suffix", &q.suffix, false}}) {
      const Json* field = find_field(s, key);
      if (field == nullptr) {
        if (required) return make_error("missing field \"exact\"", path);
        continue;
      }
      auto v = read_string(*field, path_key(path, key));
      if (!v) return v.error();
      *dest = std::move(v).value();
    }
    if (!out.selectors.quote) out.selectors.quote = std::move(q);  // the first one wins (REC §4.2)
  } else if (*type == "TextPositionSelector") {
    CodePointRange r;
    for (auto [key, dest] : {std::pair{"start", &r.start}, std::pair{"end", &r.end}}) {
      auto field = require_field(s, key, path);
      if (!field) return field.error();
      auto v = read_offset(**field, path_key(path, key));
      if (!v) return v.error();
      *dest = *v;
    }
    if (!out.selectors.position) {
      out.selectors.position = r;
      out.selectors.position_path = path;
    }
  } else if (*type == "FragmentSelector") {
    auto value = require_field(s, "value", path);
    if (!value) return value.error();
    if (auto v = read_string(**value, path_key(path, "value")); !v) return v.error();
    if (const Json* conforms = find_field(s, "conformsTo")) {
      if (auto c = read_iri(*conforms, path_key(path, "conformsTo")); !c) return c.error();
    }
  }
  if (const Json* inner = text_selector_in_refinement(s); inner && out.skip_reason.empty()) {
    out.skip_reason = "the text selector refines a " + *type + ", which Scholion cannot resolve";
    out.skip_path = path_key(path, "refinedBy");
  }
  return checked_ok();
}

Checked read_target(const Json& target, const std::string& path, TargetRead& out) {
  if (target.is_string()) {
    auto iri = read_iri(target, path);
    if (!iri) return iri.error();
    out.skip_reason = "target has no text selector (it is the whole resource \"" + *iri + "\")";
    out.skip_path = path;
    return checked_ok();
  }
  if (target.is_array()) {
    if (target.empty()) return make_error("expected at least one target, got an empty array", path);
    if (target.size() > 1) {
      out.skip_reason = std::to_string(target.size()) + " targets; a Scholion annotation has one";
      out.skip_path = path;
      return checked_ok();
    }
    return read_target(target[0], path_index(path, 0), out);
  }
  if (!target.is_object()) return type_error("a target (IRI or object)", target, path);
  auto types = types_of(target, path);
  if (!types) return types.error();
  for (const std::string& t : *types) {
    if (is_set_type(t)) {
      out.skip_reason = "a target of type " + t + " is not supported";
      out.skip_path = path;
      return checked_ok();
    }
  }
  if (auto props = check_resource_properties(target, path); !props) return props;

  const Json* source = find_field(target, "source");
  if (source == nullptr) {
    if (contains(*types, "SpecificResource") || find_field(target, "selector") != nullptr) {
      return make_error("missing field \"source\"", path);
    }
    const Json* id = find_field(target, "id");
    if (id == nullptr) return make_error("target has neither a source nor an id", path);
    auto iri = read_iri(*id, path_key(path, "id"));
    if (!iri) return iri.error();
    out.skip_reason = "target has no text selector (it is the whole resource \"" + *iri + "\")";
    out.skip_path = path;
    return checked_ok();
  }
  const Json* source_id = source->is_object() ? find_field(*source, "id") : source;
  if (source_id == nullptr || !source_id->is_string() || source_id->get_ref<const std::string&>().empty()) {
    return type_error("a source IRI", source_id ? *source_id : *source, path_key(path, "source"));
  }
  out.source = source_id->get_ref<const std::string&>();

  if (const Json* style = find_field(target, "styleClass")) {
    auto classes = style->is_string() ? Result<std::vector<std::string>>(std::vector<std::string>{style->get<std::string>()})
                                      : read_string_array(*style, path_key(path, "styleClass"));
    if (!classes) return classes.error();
    for (const std::string& c : *classes) {
      if (c.rfind(kW3cStyleClassPrefix, 0) != 0) continue;
      if (auto color = color_from_name(std::string_view(c).substr(kW3cStyleClassPrefix.size()))) {
        out.color = color;
        break;
      }
    }
  }

  const Json* selector = find_field(target, "selector");
  if (selector != nullptr) {
    if (selector->is_array()) {
      for (std::size_t i = 0; i < selector->size(); ++i) {
        if (auto s = read_selector((*selector)[i], path_index(path_key(path, "selector"), i), out); !s) return s;
      }
    } else {
      if (auto s = read_selector(*selector, path_key(path, "selector"), out); !s) return s;
    }
  }
  if (!out.selectors.quote && !out.selectors.position && out.skip_reason.empty()) {
    out.skip_reason = "target has no text selector";
    out.skip_path = path;
  }
  return checked_ok();
}

Result<int64_t> read_time(const Json& annotation, std::string_view key, const std::string& path, bool& present) {
  const Json* value = find_field(annotation, key);
  present = value != nullptr;
  if (!present) return int64_t{0};
  const std::string field_path = path_key(path, key);
  if (!value->is_string()) return type_error("an ISO 8601 date-time string", *value, field_path);
  auto t = parse_iso8601(value->get_ref<const std::string&>());
  if (!t) return make_error(t.error().message, field_path);
  return t;
}

class Importer {
 public:
  explicit Importer(const ImportOptions& options)
      : options_(options), clock_(clock_or_system(options.clock)), random_(random_or_system(options.random)) {}

  Checked read_root(const Json& root) {
    if (root.is_array()) return read_items(root, "$");
    if (auto obj = require_object(root, "$"); !obj) return obj;
    if (auto c = check_context(root, "$", true); !c) return c;
    auto types = types_of(root, "$");
    if (!types) return types.error();
    if (types->empty()) return make_error("missing field \"type\"", "$");
    if (contains(*types, "Annotation")) return read_annotation(root, "$");
    if (contains(*types, "AnnotationPage")) return read_page(root, "$");
    if (contains(*types, "AnnotationCollection")) return read_collection(root);
    return type_error("type \"Annotation\", \"AnnotationPage\" or \"AnnotationCollection\"",
                      *find_field(root, "type"), "$.type");
  }

  ImportResult result;

 private:
  Checked read_collection(const Json& root) {
    auto first = require_field(root, "first", "$");
    if (!first) return first.error();
    if ((*first)->is_string()) {
      result.skipped.push_back({"$.first", "the collection's first page is not embedded (" +
                                               describe_json(**first) + "); import its pages instead"});
      return checked_ok();
    }
    const std::size_t before = result.annotations.size() + result.skipped.size();
    if (auto page = read_page(**first, "$.first"); !page) return page;
    if (const Json* total = find_field(root, "total")) {
      auto n = read_offset(*total, "$.total");
      if (!n) return n.error();
      const std::size_t read = result.annotations.size() + result.skipped.size() - before;
      if (*n > read) {
        result.skipped.push_back({"$.first.next", std::to_string(*n - read) +
                                                      " annotations are on pages that are not embedded"});
      }
    }
    return checked_ok();
  }

  Checked read_page(const Json& page, const std::string& path) {
    if (auto obj = require_object(page, path); !obj) return obj;
    auto types = types_of(page, path);
    if (!types) return types.error();
    if (!types->empty() && !contains(*types, "AnnotationPage")) {
      return type_error("type \"AnnotationPage\"", *find_field(page, "type"), path_key(path, "type"));
    }
    auto items = require_field(page, "items", path);
    if (!items) return items.error();
    if (auto r = read_items(**items, path_key(path, "items")); !r) return r;
    if (const Json* next = find_field(page, "next"); next != nullptr && path == "$") {
      result.skipped.push_back({"$.next", "the next page is not embedded (" + describe_json(*next) +
                                              "); import it separately"});
    }
    return checked_ok();
  }

  Checked read_items(const Json& items, const std::string& path) {
    if (!items.is_array()) return type_error("an array of annotations", items, path);
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string item_path = path_index(path, i);
      if (auto obj = require_object(items[i], item_path); !obj) return obj;
      if (auto c = check_context(items[i], item_path, false); !c) return c;
      auto types = types_of(items[i], item_path);
      if (!types) return types.error();
      if (!contains(*types, "Annotation")) {
        const Json* type = find_field(items[i], "type");
        if (type == nullptr) return make_error("missing field \"type\"", item_path);
        return type_error("type \"Annotation\"", *type, path_key(item_path, "type"));
      }
      if (auto a = read_annotation(items[i], item_path); !a) return a;
    }
    return checked_ok();
  }

  Checked read_annotation(const Json& a, const std::string& path) {
    if (auto c = check_context(a, path, path == "$"); !c) return c;
    Annotation annotation;
    std::string original_id;
    if (const Json* id = find_field(a, "id")) {
      auto iri = read_iri(*id, path_key(path, "id"));
      if (!iri) return iri.error();
      std::string uuid = iri->size() > 9 ? iri->substr(9) : std::string();
      std::string scheme = iri->substr(0, std::min<std::size_t>(9, iri->size()));
      std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
      if (scheme == "urn:uuid:" && is_uuid(uuid)) {
        std::transform(uuid.begin(), uuid.end(), uuid.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
        annotation.id = std::move(uuid);
      } else {
        original_id = *iri;
      }
    }
    for (std::string_view key : {"creator", "generator"}) {
      if (const Json* agent = find_field(a, key)) {
        if (auto c = check_agents(*agent, path_key(path, key)); !c) return c;
      }
    }
    for (auto [key, list_ok] : {std::pair{"rights", true}, std::pair{"via", true}, std::pair{"canonical", false}}) {
      if (const Json* v = find_field(a, key)) {
        if (auto c = check_iris(*v, path_key(path, key), list_ok); !c) return c;
      }
    }
    if (const Json* motivation = find_field(a, "motivation"); motivation && !motivation->is_string()) {
      if (auto m = read_string_array(*motivation, path_key(path, "motivation")); !m) return m.error();
    }
    bool has_created = false, has_modified = false, has_generated = false;
    auto created = read_time(a, "created", path, has_created);
    if (!created) return created.error();
    auto modified = read_time(a, "modified", path, has_modified);
    if (!modified) return modified.error();
    if (auto generated = read_time(a, "generated", path, has_generated); !generated) return generated.error();

    BodyRead body;
    const Json* body_json = find_field(a, "body");
    const Json* body_value = find_field(a, "bodyValue");
    if (body_json && body_value) return make_error("an annotation has either body or bodyValue, not both", path);
    if (body_value) {
      auto text = read_string(*body_value, path_key(path, "bodyValue"));
      if (!text) return text.error();
      body.notes.push_back(std::move(text).value());
    } else if (body_json && body_json->is_array()) {
      for (std::size_t i = 0; i < body_json->size(); ++i) {
        if (auto b = read_body((*body_json)[i], path_index(path_key(path, "body"), i), body); !b) return b;
      }
    } else if (body_json) {
      if (auto b = read_body(*body_json, path_key(path, "body"), body); !b) return b;
    }

    auto target_json = require_field(a, "target", path);
    if (!target_json) return target_json.error();
    TargetRead target;
    if (auto t = read_target(**target_json, path_key(path, "target"), target); !t) return t;

    if (!target.skip_reason.empty()) {
      result.skipped.push_back({target.skip_path, target.skip_reason});
      return checked_ok();
    }
    if (!body.skip_reason.empty()) {
      result.skipped.push_back({body.skip_path, body.skip_reason});
      return checked_ok();
    }

    if (annotation.id.empty()) annotation.id = make_uuid_v4(random_);
    if (!ids_.insert(annotation.id).second) {
      return make_error("duplicate annotation id \"urn:uuid:" + annotation.id + "\"", path_key(path, "id"));
    }
    annotation.created = has_created ? *created : clock_();
    annotation.modified = has_modified ? *modified : annotation.created;
    annotation.color = target.color.value_or(Color::yellow);
    for (std::size_t i = 0; i < body.notes.size(); ++i) {
      if (i > 0) annotation.note += "\n\n";
      annotation.note += body.notes[i];
    }
    annotation.tags = std::move(body.tags);

    auto placed = resolve_selectors(std::move(annotation), target.selectors, options_.document);
    if (!placed) {
      Error e = placed.error();
      if (e.path.empty()) e.path = path_key(path, "target");
      return e;
    }
    placed.value().source = std::move(target.source);
    placed.value().original_id = std::move(original_id);
    result.annotations.push_back(std::move(placed).value());
    return checked_ok();
  }

  const ImportOptions& options_;
  Clock clock_;
  RandomSource random_;
  std::unordered_set<std::string> ids_;
};

}  // namespace

Result<ImportResult> import_w3c(std::string_view json, const ImportOptions& options) {
  auto root = parse_json(json, options.limits);
  if (!root) return root.error();
  Importer importer(options);
  if (auto r = importer.read_root(*root); !r) return r.error();
  return require_some_imported(std::move(importer.result));
}

}  // namespace scholion
