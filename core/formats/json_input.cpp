#include "core/formats/json_input.hpp"

#include <limits>

#include <utf8/core.h>

#include "core/text/utf8.hpp"

namespace scholion {
namespace {

// Replaces bytes that are not valid UTF-8 with '?', so a message quoting bad input is
// itself valid text.
std::string sanitize_utf8(std::string_view bytes) {
  std::string out;
  while (!bytes.empty()) {
    auto bad = utf8::find_invalid(bytes.begin(), bytes.end());
    out.append(bytes.begin(), bad);
    if (bad == bytes.end()) break;
    out += '?';
    bytes.remove_prefix(static_cast<std::size_t>(bad - bytes.begin()) + 1);
  }
  return out;
}

// Finds the first place where [ and { nest deeper than `max_depth`, outside strings.
// Linear and allocation-free, so a 10,000-deep document is refused before the parser
// (or a recursive destructor) ever sees it.
Checked check_depth(std::string_view text, unsigned max_depth) {
  unsigned depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) {
        return make_error("JSON nests deeper than " + std::to_string(max_depth) +
                              " levels (at byte " + std::to_string(i) + ")",
                          "$");
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return checked_ok();
}

// A SAX consumer that only tracks where the parser is, so that a parse error can name
// the JSON path of the value being read. Used on the error path only.
class PathTracker {
 public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  bool null() { return value(); }
  bool boolean(bool) { return value(); }
  bool number_integer(number_integer_t) { return value(); }
  bool number_unsigned(number_unsigned_t) { return value(); }
  bool number_float(number_float_t, const string_t&) { return value(); }
  bool string(string_t&) { return value(); }
  bool binary(binary_t&) { return value(); }
  bool start_object(std::size_t) { frames_.push_back({false, 0, {}, false}); return true; }
  bool key(string_t& k) {
    frames_.back().key = k;
    frames_.back().has_key = true;
    return true;
  }
  bool end_object() { frames_.pop_back(); return value(); }
  bool start_array(std::size_t) { frames_.push_back({true, 0, {}, false}); return true; }
  bool end_array() { frames_.pop_back(); return value(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    error_position = position;
    std::string what = e.what();
    if (auto close = what.find("] "); what.rfind("[json.exception", 0) == 0 && close != std::string::npos) {
      what.erase(0, close + 2);
    }
    message = sanitize_utf8(what);
    return false;
  }

  std::string path() const {
    std::string p = "$";
    for (const Frame& f : frames_) {
      if (f.array) p = path_index(p, f.index);
      else if (f.has_key) p = path_key(p, f.key);
    }
    return p;
  }

  std::size_t error_position = 0;
  std::string message;

 private:
  struct Frame {
    bool array;
    std::size_t index;
    std::string key;
    bool has_key;
  };
  bool value() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    return true;
  }
  std::vector<Frame> frames_;
};

bool is_identifier(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '@';
    if (!ok) return false;
  }
  return !(key[0] >= '0' && key[0] <= '9');
}

}  // namespace

Result<Json> parse_json(std::string_view text, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return make_error("input of " + std::to_string(text.size()) + " bytes is larger than the limit of " +
                          std::to_string(limits.max_bytes) + " bytes",
                      "$");
  }
  if (auto depth = check_depth(text, limits.max_depth); !depth) return depth.error();

  Json parsed = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_discarded()) return parsed;

  // Parse again, tracking the path, to say where it failed.
  PathTracker tracker;
  Json::sax_parse(text.begin(), text.end(), &tracker);
  if (auto utf8 = validate_utf8(text); !utf8) return make_error(utf8.error().message, tracker.path());
  if (tracker.message.empty()) tracker.message = "invalid JSON";
  return make_error("invalid JSON: " + tracker.message, tracker.path());
}

std::string dump_json(const Json& value, int indent) {
  return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

std::string path_key(std::string_view path, std::string_view key) {
  if (is_identifier(key)) return std::string(path) + "." + std::string(key);
  return std::string(path) + "[" + dump_json(Json(std::string(key))) + "]";
}

std::string path_index(std::string_view path, std::size_t i) {
  return std::string(path) + "[" + std::to_string(i) + "]";
}

std::string describe_json(const Json& value) {
  constexpr std::size_t kMaxShown = 60;
  switch (value.type()) {
    case Json::value_t::object: return value.empty() ? "an empty object" : "an object";
    case Json::value_t::array:
      return value.empty() ? "an empty array" : "an array of " + std::to_string(value.size());
    case Json::value_t::string: {
      const std::string& s = value.get_ref<const std::string&>();
      if (s.size() <= kMaxShown) return dump_json(value);
      std::size_t cut = kMaxShown;
      while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
      std::string shown = dump_json(Json(s.substr(0, cut)));
      shown.insert(shown.size() - 1, "\u2026");
      return shown + " (" + std::to_string(s.size()) + " bytes)";
    }
    default: return dump_json(value);
  }
}

Error type_error(std::string_view what, const Json& got, std::string path) {
  return make_error("expected " + std::string(what) + ", got " + describe_json(got), std::move(path));
}

Result<std::string> read_string(const Json& value, const std::string& path) {
  if (!value.is_string()) return type_error("a string", value, path);
  return value.get_ref<const std::string&>();
}

Result<uint32_t> read_offset(const Json& value, const std::string& path) {
  if (value.is_number_unsigned()) {
    const auto v = value.get<Json::number_unsigned_t>();
    if (v <= std::numeric_limits<uint32_t>::max()) return static_cast<uint32_t>(v);
    return make_error("offset " + describe_json(value) + " is too large (limit 4294967295)", path);
  }
  return type_error("a non-negative integer", value, path);
}

Result<int64_t> read_int64(const Json& value, const std::string& path) {
  if (value.is_number_integer() && !value.is_number_unsigned()) return value.get<int64_t>();
  if (value.is_number_unsigned()) {
    const auto v = value.get<Json::number_unsigned_t>();
    if (v <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return static_cast<int64_t>(v);
  }
  return type_error("an integer", value, path);
}

Result<std::vector<std::string>> read_string_array(const Json& value, const std::string& path) {
  if (!value.is_array()) return type_error("an array of strings", value, path);
  std::vector<std::string> out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    auto s = read_string(value[i], path_index(path, i));
    if (!s) return s.error();
    out.push_back(std::move(s).value());
  }
  return out;
}

Checked require_object(const Json& value, const std::string& path) {
  if (!value.is_object()) return type_error("an object", value, path);
  return checked_ok();
}

Result<const Json*> require_field(const Json& object, std::string_view key, const std::string& path) {
  if (auto obj = require_object(object, path); !obj) return obj.error();
  const Json* field = find_field(object, key);
  if (field == nullptr) return make_error("missing field \"" + std::string(key) + "\"", path);
  return field;
}

const Json* find_field(const Json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

}  // namespace scholion
