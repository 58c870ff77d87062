// scholion: the native command-line face of the core.
//
//   scholion info TEXT_FILE    the document a plain-text file becomes: its length in
//                              code points, UTF-16 units and bytes, its fingerprint,
//                              and its blocks.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "core/document.hpp"

namespace {

int usage() {
  std::cerr << "usage: scholion info TEXT_FILE\n";
  return 2;
}

int info(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "scholion: cannot read " << path << "\n";
    return 1;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto doc = scholion::document_from_plain_text(bytes.str(), path);
  if (!doc) {
    std::cerr << "scholion: " << path << ": " << doc.error().describe() << "\n";
    return 1;
  }
  const auto& o = doc->offsets();
  std::cout << "title: " << doc->title() << "\n"
            << "length: " << o.cp_length() << " code points, " << o.u16_length()
            << " UTF-16 units, " << o.byte_length() << " bytes\n"
            << "fingerprint: " << doc->fingerprint() << "\n"
            << "blocks: " << doc->blocks().size() << "\n";
  for (std::size_t i = 0; i < doc->blocks().size(); ++i) {
    std::cout << "  [" << doc->block_start(i) << ", " << doc->block_end(i) << ") "
              << scholion::block_kind_name(doc->blocks()[i].kind) << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "info") return info(argv[2]);
  return usage();
}
