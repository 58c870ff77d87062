#include "core/formats/plain_text.hpp"

#include <utility>
#include <vector>

#include "core/text/utf8.hpp"

namespace scholion {

Result<Document> document_from_plain_text(std::string_view utf8, std::string id) {
  if (auto valid = validate_utf8(utf8); !valid) return valid.error();
  const std::string text = normalize_preformatted_text(utf8);

  std::vector<Block> blocks;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size();
    std::string block = normalize_block_text(std::string_view(text).substr(pos, end - pos));
    if (!block.empty()) {
      const bool first = blocks.empty();
      blocks.push_back(Block{first ? BlockKind::heading : BlockKind::paragraph,
                             static_cast<uint8_t>(first ? 1 : 0), std::move(block)});
    }
    pos = end + 2;
  }
  DocumentInfo info{std::move(id), blocks.empty() ? std::string() : blocks.front().text, {}};
  return Document::make(std::move(info), std::move(blocks));
}

}  // namespace scholion
