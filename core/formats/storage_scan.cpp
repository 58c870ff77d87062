// A SAX consumer for nlohmann's parser that fills a StoredDocument as the values go by.
//
// Where a value lands is its slot: set by the key before it in an object, fixed for the
// items of an array. Each open object or array is a frame holding its slot and which of
// its known keys it has seen. Values under keys we do not know are skipped, however deep.
// Every check the tree reader makes is made here too, but a failure only stops the scan.
#include "core/formats/storage_scan.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace scholion {
namespace {

enum class Slot : uint8_t {
  ignored,  // the value of a key we do not know
  root,
  // In the root object.
  schema, document, annotations, tombstones, orphans,
  // In "document".
  document_id, title, source_url, fingerprint,
  // Items of arrays.
  annotation, tag, tombstone,
  // In an annotation.
  id, start, end, quote, color, note, tags, created, modified,
  // In "quote".
  exact, prefix, suffix,
  // In a tombstone.
  tombstone_id, deleted,
};

struct Key {
  std::string_view name;
  Slot slot;
  bool required;
};

using Keys = std::span<const Key>;

constexpr Key kRootKeys[] = {{"schema", Slot::schema, true},
                             {"document", Slot::document, true},
                             {"annotations", Slot::annotations, true},
                             {"tombstones", Slot::tombstones, false},
                             {"orphans", Slot::orphans, false}};
constexpr Key kDocumentKeys[] = {{"id", Slot::document_id, true},
                                 {"title", Slot::title, true},
                                 {"source_url", Slot::source_url, true},
                                 {"fingerprint", Slot::fingerprint, true}};
constexpr Key kAnnotationKeys[] = {{"id", Slot::id, true},           {"start", Slot::start, true},
                                   {"end", Slot::end, true},         {"quote", Slot::quote, true},
                                   {"color", Slot::color, true},     {"note", Slot::note, false},
                                   {"tags", Slot::tags, false},      {"created", Slot::created, true},
                                   {"modified", Slot::modified, true}};
constexpr Key kQuoteKeys[] = {{"exact", Slot::exact, true},
                              {"prefix", Slot::prefix, false},
                              {"suffix", Slot::suffix, false}};
constexpr Key kTombstoneKeys[] = {{"id", Slot::tombstone_id, true}, {"deleted", Slot::deleted, true}};

// Bits of the keys in `keys` that must be present.
constexpr uint32_t required_bits(Keys keys) {
  uint32_t bits = 0;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].required) bits |= 1u << i;
  }
  return bits;
}

class StorageScanner {
 public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  explicit StorageScanner(unsigned max_depth) : max_depth_(max_depth) {}

  // --- Scalars ---------------------------------------------------------------------
  // Only strings and integers are ever wanted; anything else is fine only where ignored.
  bool null() { return ignoring(); }
  bool boolean(bool) { return ignoring(); }
  bool number_float(number_float_t, const string_t&) { return ignoring(); }
  bool binary(binary_t&) { return false; }  // never produced from JSON text

  bool number_unsigned(number_unsigned_t n) {
    if (ignoring()) return true;
    switch (slot()) {
      case Slot::schema: return n == static_cast<number_unsigned_t>(kStorageSchema);
      case Slot::start: return offset(n, annotation().start);
      case Slot::end: return offset(n, annotation().end);
      default: break;
    }
    if (n > static_cast<number_unsigned_t>(std::numeric_limits<int64_t>::max())) return false;
    return time(static_cast<int64_t>(n));
  }

  bool number_integer(number_integer_t n) {  // the parser's choice for negative integers
    return ignoring() || time(n);
  }

  bool string(string_t& s) {
    if (ignoring()) return true;
    switch (slot()) {
      case Slot::document_id: out_.document.id = s; return true;
      case Slot::title: out_.document.title = s; return true;
      case Slot::source_url: out_.document.source_url = s; return true;
      case Slot::fingerprint: out_.document.fingerprint = s; return true;
      case Slot::id:
        if (!is_uuid(s)) return false;
        annotation().id = s;
        return true;
      case Slot::color: {
        const auto color = color_from_name(s);
        if (!color) return false;
        annotation().color = *color;
        return true;
      }
      case Slot::note: annotation().note = s; return true;
      case Slot::tag: annotation().tags.push_back(s); return true;
      case Slot::exact: annotation().quote.exact = s; return true;
      case Slot::prefix: annotation().quote.prefix = s; return true;
      case Slot::suffix: annotation().quote.suffix = s; return true;
      case Slot::tombstone_id:
        if (!is_uuid(s)) return false;
        out_.tombstones.back().id = s;
        return true;
      default: return false;
    }
  }

  // --- Objects and arrays ---------------------------------------------------------------
  bool start_object(std::size_t) {
    if (!deeper()) return false;
    if (ignoring()) return true;
    switch (slot()) {
      case Slot::root: return open(kRootKeys);
      case Slot::document: return open(kDocumentKeys);
      case Slot::annotation:
        out_.annotations.emplace_back();
        return open(kAnnotationKeys);
      case Slot::quote: return open(kQuoteKeys);
      case Slot::tombstone:
        out_.tombstones.emplace_back();
        return open(kTombstoneKeys);
      default: return false;
    }
  }

  bool key(string_t& name) {
    if (skipped_ > 0) return true;
    Frame& f = frames_.back();
    for (std::size_t i = 0; i < f.keys.size(); ++i) {
      if (f.keys[i].name != name) continue;
      const uint32_t bit = 1u << i;
      if (f.seen & bit) return false;  // given twice: the tree reader takes the last one
      f.seen |= bit;
      f.slot = f.keys[i].slot;
      return true;
    }
    f.slot = Slot::ignored;
    return true;
  }

  bool end_object() {
    if (skipped_ > 0) {
      --skipped_;
      return true;
    }
    const Frame& f = frames_.back();
    if ((f.seen & f.required) != f.required) return false;
    if (f.keys.data() == kAnnotationKeys && annotation().start > annotation().end) return false;
    frames_.pop_back();
    return true;
  }

  bool start_array(std::size_t) {
    if (!deeper()) return false;
    if (ignoring()) return true;
    switch (slot()) {
      case Slot::annotations: return open({}, Slot::annotation);
      case Slot::tags: return open({}, Slot::tag);
      case Slot::tombstones: return open({}, Slot::tombstone);
      // Orphans are rare: their documents are read by the tree reader.
      case Slot::orphans: return false;
      default: return false;
    }
  }

  bool end_array() {
    if (skipped_ > 0) {
      --skipped_;
      return true;
    }
    frames_.pop_back();
    return true;
  }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }

  // The document, once the parser has accepted the whole text (which, since every other
  // top-level value was refused, is an object).
  std::optional<StoredDocument> finish() {
    // Duplicate annotation ids are an error the tree reader reports by position.
    std::vector<std::string_view> ids;
    ids.reserve(out_.annotations.size());
    for (const Annotation& a : out_.annotations) ids.push_back(a.id);
    std::sort(ids.begin(), ids.end());
    if (std::adjacent_find(ids.begin(), ids.end()) != ids.end()) return std::nullopt;
    return std::move(out_);
  }

 private:
  struct Frame {
    Keys keys;          // for an object: the keys it may have; empty for an array
    Slot slot;          // where the next value goes
    uint32_t seen;      // bits of `keys` given so far
    uint32_t required;  // bits of `keys` that must be given
  };

  Slot slot() const { return frames_.empty() ? Slot::root : frames_.back().slot; }

  // Whether the value now being read is (inside) one to be ignored.
  bool ignoring() const { return skipped_ > 0 || slot() == Slot::ignored; }

  // Enters one more level of [ or {, within the depth limit; inside an ignored value
  // (or as one) only counts it.
  bool deeper() {
    if (frames_.size() + skipped_ + 1 > max_depth_) return false;
    if (ignoring()) ++skipped_;
    return true;
  }

  bool open(Keys keys, Slot items = Slot::ignored) {
    frames_.push_back({keys, keys.empty() ? items : Slot::ignored, 0, required_bits(keys)});
    return true;
  }

  Annotation& annotation() { return out_.annotations.back(); }

  bool offset(number_unsigned_t n, uint32_t& out) {
    if (n > std::numeric_limits<uint32_t>::max()) return false;
    out = static_cast<uint32_t>(n);
    return true;
  }

  bool time(int64_t t) {
    switch (slot()) {
      case Slot::created: annotation().created = t; return true;
      case Slot::modified: annotation().modified = t; return true;
      case Slot::deleted: out_.tombstones.back().deleted = t; return true;
      default: return false;
    }
  }

  unsigned max_depth_;
  std::vector<Frame> frames_;
  std::size_t skipped_ = 0;  // levels open inside an ignored value
  StoredDocument out_;
};

}  // namespace

std::optional<StoredDocument> scan_storage_json(std::string_view text, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) return std::nullopt;
  StorageScanner scanner(limits.max_depth);
  if (!Json::sax_parse(text.begin(), text.end(), &scanner)) return std::nullopt;
  return scanner.finish();
}

}  // namespace scholion
