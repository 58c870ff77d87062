// Light Markdown of notes, parsed for drawing in the margin: blocks of plain text with
// styled spans, the markup removed.
//
// Blocks. Paragraphs are separated by blank lines; the single line feeds inside one become
// spaces, and each line's leading and trailing spaces are dropped. A line beginning
// (after any spaces) "- ", "* " or "+ " is a bullet item, "12. " or "12) " a numbered
// item (1 to 9 digits; the number is kept as written, with its "." or ")"). Each item
// is a block of its own; the lines after it up to a blank line or the next item continue
// it. Lists do not nest: an indented item is an item like any other.
//
// Inline, innermost style wins where they nest (there is no "strong emphasis" style):
//   *x* and _x_          emphasis       `x`, ``x ` y``   code (literal inside)
//   **x** and __x__      strong         \* \_ \[ ...     the punctuation itself
//   [text](url)          "text (url)", the url part link_url (spaces not allowed in url)
//   https://… http://…   link_url, up to a space, without trailing . , ; : ! ? ' " and
//                        an unbalanced ")"
//   #tag                 tag (the '#' included)
// An opening * or _ must be followed by a non-space, a closing one preceded by one, and
// _ never opens or closes inside a word (snake_case stays literal). Markers that do not
// pair up stay literal. Nested same-marker emphasis ("*a *b* c*") pairs the first opener
// with the first closer, unlike CommonMark.
//
// Tags. '#' at the start of a block, after whitespace or after one of * _ ( [, followed
// by letters, marks, digits, '_' or '-' of any script, at least one of them neither 0-9
// nor '_' nor '-': "#1" and "#2024" are numbers, not tags, and '#' alone is literal. A
// trailing '-' is not part of the tag.
//
// Input need not be valid UTF-8: each bad byte reads as U+FFFD. Output text is valid
// UTF-8. Positions in spans are code points of NoteBlock::text. O(n log n) in the length
// of the note.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scholion {

enum class NoteStyle : uint8_t { plain, emphasis, strong, link_url, tag, code };

struct NoteSpan {
  uint32_t start, end;  // code points into NoteBlock::text, half-open
  NoteStyle style;
  bool operator==(const NoteSpan&) const = default;
};

struct NoteBlock {
  enum class Kind : uint8_t { paragraph, bullet, numbered } kind = Kind::paragraph;
  std::string marker;   // "•" or "3." for list items, empty for paragraphs
  std::string text;     // UTF-8, markup removed
  std::vector<NoteSpan> spans;  // sorted, non-overlapping; plain text has no span
};

std::vector<NoteBlock> parse_note_markdown(std::string_view note);

// The note's #tags (as parse_note_markdown finds them, so none inside `code`), lower-cased
// (Unicode simple case mapping), without '#', deduplicated, in order of appearance.
std::vector<std::string> note_tags(std::string_view note);

// Lower-cases UTF-8 text (Unicode simple case mapping); bad bytes become U+FFFD.
std::string lowercase_utf8(std::string_view text);

}  // namespace scholion
