// Helpers shared by the unit tests: reading the shared corpus (read-only).
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace scholion::test {

inline std::filesystem::path shared_dir() {
  if (const char* env = std::getenv("SCHOLION_SHARED_DIR")) return env;
  return SCHOLION_SHARED_DIR;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every .txt file under corpus/texts/ (the licence files excluded), sorted.
inline std::vector<std::filesystem::path> corpus_texts() {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(shared_dir() / "corpus/texts")) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && e.path().extension() == ".txt" && name.rfind("LICENSE", 0) != 0 &&
        name != "SOURCES.txt") {
      out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline std::filesystem::path news_article() {
  return shared_dir() / "corpus/news/nato-stoltenberg-vucic.txt";
}

}  // namespace scholion::test
