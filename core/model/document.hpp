// A document: a title and a list of blocks. Its plain text, the text every selector
// refers to, is the blocks' texts joined by "\n\n". Documents are immutable values:
// build one with Document::make, which validates every string.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/result.hpp"
#include "core/text/text_offsets.hpp"

namespace scholion {

enum class BlockKind : uint8_t { heading, paragraph, quote, list_item, preformatted };

std::string_view block_kind_name(BlockKind kind);  // "heading", "paragraph", ...

struct Block {
  BlockKind kind = BlockKind::paragraph;
  uint8_t level = 0;  // 1-6 for headings, 0 otherwise
  std::string text;   // UTF-8, already normalised

  bool operator==(const Block&) const = default;
};

struct DocumentInfo {
  std::string id;          // default: the page's canonical URL
  std::string title;
  std::string source_url;  // may be empty
};

class Document {
 public:
  static constexpr std::string_view kBlockSeparator = "\n\n";

  // Validates UTF-8 in every string and heading levels; on error names the block.
  static Result<Document> make(DocumentInfo info, std::vector<Block> blocks);

  const std::string& id() const { return info_->id; }
  const std::string& title() const { return info_->title; }
  const std::string& source_url() const { return info_->source_url; }
  const std::vector<Block>& blocks() const { return data_->blocks; }

  // The blocks joined by "\n\n" (UTF-8) and its offset index.
  const std::string& text() const { return data_->text; }
  const TextOffsets& offsets() const { return data_->offsets; }
  uint32_t length() const { return data_->offsets.cp_length(); }  // in code points

  // Code point where block `i` starts; its end is start + its length.
  uint32_t block_start(std::size_t i) const { return data_->block_starts[i]; }
  uint32_t block_end(std::size_t i) const;
  // Index of the block containing code point `cp`; a position in a separator belongs
  // to the block before it. O(log blocks).
  std::size_t block_at(uint32_t cp) const;

  // "sha256:" + the lowercase hex SHA-256 of text() in UTF-8. Depends on the text only,
  // not on id, title or block kinds: it tells whether selectors still fit.
  const std::string& fingerprint() const { return data_->fingerprint; }

 private:
  struct Data {
    std::vector<Block> blocks;
    std::string text;
    TextOffsets offsets;  // views `text`, so Data never moves once built
    std::vector<uint32_t> block_starts;
    std::string fingerprint;
  };
  Document() = default;

  std::shared_ptr<const DocumentInfo> info_;
  std::shared_ptr<const Data> data_;
};

// Text as a browser renders it outside <pre>: runs of ASCII whitespace (space, tab,
// CR, LF, form feed) become one space, and the ends are trimmed. U+00A0, U+2060 and
// typographic characters are kept as they are. Input must be valid UTF-8.
std::string normalize_block_text(std::string_view text);

// Preformatted text keeps its spaces; only CR LF and lone CR become LF.
std::string normalize_preformatted_text(std::string_view text);

}  // namespace scholion
