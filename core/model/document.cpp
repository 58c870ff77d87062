#include "core/model/document.hpp"

#include <algorithm>

#include "core/text/sha256.hpp"
#include "core/text/utf8.hpp"

namespace scholion {
namespace {

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

Result<std::monostate> check_utf8(std::string_view s, const std::string& path) {
  auto valid = validate_utf8(s);
  if (!valid) return make_error(valid.error().message, path);
  return std::monostate{};
}

}  // namespace

std::string_view block_kind_name(BlockKind kind) {
  switch (kind) {
    case BlockKind::heading: return "heading";
    case BlockKind::paragraph: return "paragraph";
    case BlockKind::quote: return "quote";
    case BlockKind::list_item: return "list_item";
    case BlockKind::preformatted: return "preformatted";
  }
  return "paragraph";
}

Result<Document> Document::make(DocumentInfo info, std::vector<Block> blocks) {
  for (auto [value, name] : {std::pair{&info.id, "id"}, std::pair{&info.title, "title"},
                             std::pair{&info.source_url, "source_url"}}) {
    if (auto r = check_utf8(*value, std::string("$.") + name); !r) return r.error();
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const std::string path = "$.blocks[" + std::to_string(i) + "]";
    if (auto r = check_utf8(blocks[i].text, path + ".text"); !r) return r.error();
    const Block& b = blocks[i];
    if (b.kind == BlockKind::heading && (b.level < 1 || b.level > 6)) {
      return make_error("heading level " + std::to_string(b.level) + " is not in 1..6",
                        path + ".level");
    }
    if (b.kind != BlockKind::heading && b.level != 0) {
      return make_error("a " + std::string(block_kind_name(b.kind)) + " has no level (got " +
                            std::to_string(b.level) + ")",
                        path + ".level");
    }
  }

  auto data = std::make_shared<Data>();
  std::size_t bytes = 0;
  for (const Block& b : blocks) bytes += b.text.size() + kBlockSeparator.size();
  data->text.reserve(bytes);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (i > 0) data->text += kBlockSeparator;
    data->text += blocks[i].text;
  }
  if (auto r = validate_utf8(data->text); !r) return r.error();  // too long for offsets
  data->offsets = TextOffsets(data->text);

  data->block_starts.reserve(blocks.size());
  uint32_t cp = 0;
  for (const Block& b : blocks) {
    data->block_starts.push_back(cp);
    cp += TextOffsets(b.text).cp_length() + static_cast<uint32_t>(kBlockSeparator.size());
  }
  data->blocks = std::move(blocks);
  data->fingerprint = "sha256:" + sha256_hex(data->text);

  Document doc;
  doc.info_ = std::make_shared<const DocumentInfo>(std::move(info));
  doc.data_ = std::move(data);
  return doc;
}

uint32_t Document::block_end(std::size_t i) const {
  const auto& starts = data_->block_starts;
  if (i + 1 < starts.size()) {
    return starts[i + 1] - static_cast<uint32_t>(kBlockSeparator.size());
  }
  return length();
}

std::size_t Document::block_at(uint32_t cp) const {
  const auto& starts = data_->block_starts;
  if (starts.empty()) return 0;
  auto it = std::upper_bound(starts.begin(), starts.end(), cp);
  return it == starts.begin() ? 0 : static_cast<std::size_t>(it - starts.begin() - 1);
}

std::string normalize_block_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (is_ascii_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string normalize_preformatted_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace scholion
