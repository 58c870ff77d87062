// An annotation: a highlight over a range of a document's plain text, with an optional
// note and tags. A highlight is an annotation without a note. Plain value type.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scholion {

// The named palette. Stored and exported by name ("yellow"), never by RGB.
enum class Color : uint8_t { yellow, green, blue, pink, purple };
inline constexpr std::array<Color, 5> kPalette = {Color::yellow, Color::green, Color::blue,
                                                  Color::pink, Color::purple};
std::string_view color_name(Color color);
std::optional<Color> color_from_name(std::string_view name);

// W3C TextQuoteSelector: the quoted text with some context on either side.
struct TextQuote {
  std::string exact;
  std::string prefix;
  std::string suffix;
  bool operator==(const TextQuote&) const = default;
};

// Milliseconds since the Unix epoch, UTC.
using Timestamp = int64_t;

struct Annotation {
  std::string id;       // UUID v4, lowercase, "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
  uint32_t start = 0;   // code points into Document::text(); also the TextPositionSelector
  uint32_t end = 0;     // exclusive; start <= end
  TextQuote quote;      // what re-finds the range when the text changes
  Color color = Color::yellow;
  std::string note;     // plain text with light Markdown; empty for a highlight
  std::vector<std::string> tags;
  Timestamp created = 0;
  Timestamp modified = 0;

  bool is_highlight() const { return note.empty(); }
  bool operator==(const Annotation&) const = default;
};

// Sources of time and randomness, injectable so tests are deterministic.
using Clock = std::function<Timestamp()>;
using RandomSource = std::function<uint64_t()>;

// A random (version 4, variant 1) UUID drawn from `random`: two calls, 122 random bits,
// lowercase hex "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" with y in 8, 9, a, b.
std::string make_uuid_v4(const RandomSource& random);
// True for the 36-character 8-4-4-4-12 hex form of any UUID version, hex digits in
// either case; no "urn:uuid:" prefix, no braces.
bool is_uuid(std::string_view s);

}  // namespace scholion
