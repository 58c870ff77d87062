#include "core/model/note_markdown.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>

#include "core/text/unicode_properties.hpp"
#include "core/text/utf8.hpp"

namespace scholion {
namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
// Why a limit: each level of nested markup is a level of recursion, and the wasm stack is
// small. Deeper markers stay literal.
constexpr int kMaxNesting = 32;

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool is_ascii_punctuation(char32_t cp) {
  return (cp >= '!' && cp <= '/') || (cp >= ':' && cp <= '@') || (cp >= '[' && cp <= '`') ||
         (cp >= '{' && cp <= '~');
}

bool is_ascii_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// Each byte of a sequence that is not well-formed reads as U+FFFD.
std::u32string decode_lenient(std::string_view bytes) {
  if (validate_utf8(bytes)) return to_utf32(bytes);
  std::u32string out;
  for (std::size_t i = 0; i < bytes.size();) {
    const unsigned length = utf8_sequence_length(static_cast<unsigned char>(bytes[i]));
    if (i + length <= bytes.size() && validate_utf8(bytes.substr(i, length))) {
      out.push_back(next_code_point(bytes, i));
    } else {
      out.push_back(0xFFFD);
      ++i;
    }
  }
  return out;
}

bool starts_with_at(const std::u32string& s, uint32_t i, std::u32string_view prefix) {
  return s.size() - i >= prefix.size() && std::u32string_view(s).substr(i, prefix.size()) == prefix;
}

// A closing run of * or _ usable for a marker of length L: the content before it ends at
// `content_end`, the text after it resumes at `after`.
struct Closer {
  uint32_t content_end;
  uint32_t after;
};

// Inline markup of one block's source text into plain text with a style per code point.
class InlineParser {
 public:
  explicit InlineParser(const std::u32string& src) : src_(src), n_(static_cast<uint32_t>(src.size())) {
    find_escapes_and_code_spans();
    index_brackets_and_spaces();
    index_closers();
  }

  void run() { parse(0, n_, 0); }

  NoteBlock finish(NoteBlock block) && {
    block.text = to_utf8(out_);
    for (uint32_t i = 0; i < out_.size();) {
      uint32_t j = i + 1;
      // Each tag is a span of its own, even right after another ("#a#b" is not one tag).
      while (j < out_.size() && styles_[j] == styles_[i] &&
             !(styles_[i] == NoteStyle::tag && out_[j] == U'#')) {
        ++j;
      }
      if (styles_[i] != NoteStyle::plain) block.spans.push_back({i, j, styles_[i]});
      i = j;
    }
    return block;
  }

 private:
  void find_escapes_and_code_spans() {
    escaped_.assign(n_, false);
    code_close_.assign(n_, kNone);
    in_code_.assign(n_, false);
    struct Run {
      uint32_t pos, length;
    };
    std::vector<Run> runs;
    for (uint32_t i = 0; i < n_; ++i) {
      if (src_[i] == '\\' && i + 1 < n_ && is_ascii_punctuation(src_[i + 1])) {
        escaped_[++i] = true;
        continue;
      }
      if (src_[i] != '`') continue;
      uint32_t j = i;
      while (j < n_ && src_[j] == '`') ++j;
      runs.push_back({i, j - i});
      i = j - 1;
    }
    // A run pairs with the next run of the same length; what lies between is code.
    std::vector<std::size_t> next_same(runs.size(), runs.size());
    std::vector<std::pair<uint32_t, std::size_t>> last_of_length;  // (length, run index)
    for (std::size_t r = runs.size(); r-- > 0;) {
      auto it = std::find_if(last_of_length.begin(), last_of_length.end(),
                             [&](const auto& e) { return e.first == runs[r].length; });
      if (it != last_of_length.end()) {
        next_same[r] = it->second;
        it->second = r;
      } else {
        last_of_length.push_back({runs[r].length, r});
      }
    }
    for (std::size_t r = 0; r < runs.size();) {
      if (next_same[r] == runs.size()) {
        ++r;
        continue;
      }
      const Run open = runs[r];
      const Run close = runs[next_same[r]];
      code_close_[open.pos] = close.pos;
      std::fill(in_code_.begin() + open.pos, in_code_.begin() + close.pos + close.length, true);
      r = next_same[r] + 1;
    }
  }

  bool active(uint32_t i) const { return !escaped_[i] && !in_code_[i]; }

  void index_brackets_and_spaces() {
    next_bracket_.assign(n_ + 1, kNone);
    next_paren_.assign(n_ + 1, kNone);
    next_space_.assign(n_ + 1, n_);
    for (uint32_t i = n_; i-- > 0;) {
      next_bracket_[i] = src_[i] == ']' && active(i) ? i : next_bracket_[i + 1];
      next_paren_[i] = src_[i] == ')' ? i : next_paren_[i + 1];
      next_space_[i] = is_space(src_[i]) ? i : next_space_[i + 1];
    }
  }

  bool word_char_at(uint32_t i) const { return i < n_ && is_letter_or_number(src_[i]); }

  void index_closers() {
    for (uint32_t j = 0; j < n_; ++j) {
      const char32_t c = src_[j];
      if ((c != '*' && c != '_') || !active(j) || (j > 0 && src_[j - 1] == c && active(j - 1))) continue;
      uint32_t end = j;
      while (end < n_ && src_[end] == c && active(end)) ++end;
      const uint32_t length = end - j;
      const bool right_flanking = j > 0 && !is_space(src_[j - 1]) && (c == '*' || !word_char_at(end));
      if (!right_flanking) continue;
      const bool is_underscore = c == '_';
      if (length == 1) closers_[is_underscore][0].push_back({j, end});
      if (length == 2) closers_[is_underscore][1].push_back({j, end});
      if (length == 3) {
        // "***x***" is strong around emphasis, and "*a***" emphasis then "**": a run of
        // three closes emphasis with its first or last marker, strong with its last two.
        closers_[is_underscore][0].push_back({j, j + 1});
        closers_[is_underscore][0].push_back({end - 1, end});
        closers_[is_underscore][1].push_back({end - 2, end});
      }
    }
  }

  void emit(char32_t cp, NoteStyle style = NoteStyle::plain) {
    out_.push_back(cp);
    styles_.push_back(style);
  }

  void emit_range(uint32_t from, uint32_t to, NoteStyle style) {
    for (uint32_t i = from; i < to; ++i) emit(src_[i], style);
  }

  // Styles what was emitted since `mark` and is still plain: inner markup wins.
  void style_since(std::size_t mark, NoteStyle style) {
    for (std::size_t i = mark; i < styles_.size(); ++i) {
      if (styles_[i] == NoteStyle::plain) styles_[i] = style;
    }
  }

  void parse(uint32_t from, uint32_t limit, int depth) {
    for (uint32_t i = from; i < limit;) i = step(i, limit, depth);
  }

  // Emits what starts at `i` and returns where to continue.
  uint32_t step(uint32_t i, uint32_t limit, int depth) {
    const char32_t c = src_[i];
    if (c == '\\' && i + 1 < limit && escaped_[i + 1]) {
      emit(src_[i + 1]);
      return i + 2;
    }
    if (c == '`' && !escaped_[i] && code_close_[i] != kNone) return code_span(i);
    if (!active(i) || depth >= kMaxNesting) {
      emit(c);
      return i + 1;
    }
    if (c == '*' || c == '_') {
      if (const uint32_t next = emphasis(i, limit, depth); next != kNone) return next;
    } else if (c == '[') {
      if (const uint32_t next = link(i, limit, depth); next != kNone) return next;
    } else if (c == '#') {
      if (const uint32_t next = tag(i, limit); next != kNone) return next;
    } else if (c == 'h') {
      if (const uint32_t next = bare_url(i, limit); next != kNone) return next;
    }
    emit(c);
    return i + 1;
  }

  uint32_t code_span(uint32_t i) {
    uint32_t open_end = i;
    while (open_end < n_ && src_[open_end] == '`') ++open_end;
    const uint32_t close = code_close_[i];
    uint32_t from = open_end;
    uint32_t to = close;
    // One space on each side is padding, so "`` `x` ``" can show backticks.
    if (to - from >= 2 && src_[from] == ' ' && src_[to - 1] == ' ') {
      ++from;
      --to;
    }
    emit_range(from, to, NoteStyle::code);
    return close + (open_end - i);
  }

  uint32_t emphasis(uint32_t i, uint32_t limit, int depth) {
    const char32_t c = src_[i];
    uint32_t run_end = i;
    while (run_end < limit && src_[run_end] == c && active(run_end)) ++run_end;
    const bool left_flanking = run_end < limit && !is_space(src_[run_end]) &&
                               (c == '*' || i == 0 || !is_letter_or_number(src_[i - 1]));
    if (!left_flanking) return kNone;
    const uint32_t marker = run_end - i >= 2 ? 2 : 1;
    const std::vector<Closer>& closers = closers_[c == '_'][marker - 1];
    const auto it = std::lower_bound(closers.begin(), closers.end(), i + marker + 1,
                                     [](const Closer& k, uint32_t p) { return k.content_end < p; });
    if (it == closers.end() || it->after > limit) return kNone;
    const std::size_t mark = out_.size();
    parse(i + marker, it->content_end, depth + 1);
    style_since(mark, marker == 2 ? NoteStyle::strong : NoteStyle::emphasis);
    return it->after;
  }

  uint32_t link(uint32_t i, uint32_t limit, int depth) {
    const uint32_t close = next_bracket_[i + 1];
    if (close == kNone || close + 2 >= limit || src_[close + 1] != '(') return kNone;
    const uint32_t url = close + 2;
    const uint32_t paren = next_paren_[url];
    if (paren == kNone || paren >= limit || paren == url || next_space_[url] < paren) return kNone;
    const std::u32string_view text(src_.data() + i + 1, close - i - 1);
    const std::u32string_view target(src_.data() + url, paren - url);
    if (text != target && !text.empty()) {
      parse(i + 1, close, depth + 1);
      emit(' ');
      emit('(');
      emit_range(url, paren, NoteStyle::link_url);
      emit(')');
    } else {
      emit_range(url, paren, NoteStyle::link_url);
    }
    return paren + 1;
  }

  uint32_t tag(uint32_t i, uint32_t limit) {
    if (i > 0 && !is_space(src_[i - 1]) && std::u32string_view(U"*_([").find(src_[i - 1]) == std::u32string_view::npos) {
      return kNone;
    }
    uint32_t end = i + 1;
    bool has_non_digit = false;
    while (end < limit && active(end) &&
           (is_letter_or_number(src_[end]) || src_[end] == '_' || src_[end] == '-')) {
      if (is_letter_or_number(src_[end]) && !is_ascii_digit(src_[end])) has_non_digit = true;
      ++end;
    }
    while (end > i + 1 && src_[end - 1] == '-') --end;
    if (!has_non_digit) return kNone;
    emit_range(i, end, NoteStyle::tag);
    return end;
  }

  uint32_t bare_url(uint32_t i, uint32_t limit) {
    if (i > 0 && !is_space(src_[i - 1]) && src_[i - 1] != '(' && src_[i - 1] != '<') return kNone;
    uint32_t body;
    if (starts_with_at(src_, i, U"https://")) {
      body = i + 8;
    } else if (starts_with_at(src_, i, U"http://")) {
      body = i + 7;
    } else {
      return kNone;
    }
    uint32_t end = std::min(next_space_[i], limit);
    // Parentheses are counted once; dropping a trailing ")" updates the count. O(length).
    auto balance = std::count(src_.begin() + i, src_.begin() + end, U'(') -
                   std::count(src_.begin() + i, src_.begin() + end, U')');
    for (;;) {  // trailing punctuation belongs to the sentence
      if (end <= body) return kNone;
      const char32_t last = src_[end - 1];
      if (last == ')') {
        if (balance >= 0) break;  // closes one opened inside the URL
        ++balance;
      } else if (std::u32string_view(U".,;:!?'\"*>").find(last) == std::u32string_view::npos) {
        break;
      }
      --end;
    }
    emit_range(i, end, NoteStyle::link_url);
    return end;
  }

  const std::u32string& src_;
  const uint32_t n_;
  std::vector<bool> escaped_;      // preceded by a backslash that escapes it
  std::vector<bool> in_code_;      // inside a code span, its backticks included
  std::vector<uint32_t> code_close_;  // at an opening backtick run: its closing run
  std::vector<uint32_t> next_bracket_;  // first active ']' at or after i
  std::vector<uint32_t> next_paren_;
  std::vector<uint32_t> next_space_;
  std::array<std::array<std::vector<Closer>, 2>, 2> closers_;  // [is '_'][marker length - 1]
  std::u32string out_;
  std::vector<NoteStyle> styles_;
};

// The list marker a line starts with, and where its text begins.
struct ListItem {
  NoteBlock::Kind kind;
  std::u32string marker;
  std::size_t text_start;
};

std::optional<ListItem> list_item(std::u32string_view line) {
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') &&
      (line[1] == ' ' || line[1] == '\t')) {
    return ListItem{NoteBlock::Kind::bullet, U"\u2022", 2};
  }
  std::size_t digits = 0;
  while (digits < line.size() && is_ascii_digit(line[digits])) ++digits;
  if (digits == 0 || digits > 9 || digits + 2 > line.size()) return std::nullopt;
  if ((line[digits] == '.' || line[digits] == ')') &&
      (line[digits + 1] == ' ' || line[digits + 1] == '\t')) {
    return ListItem{NoteBlock::Kind::numbered, std::u32string(line.substr(0, digits + 1)), digits + 2};
  }
  return std::nullopt;
}

std::u32string_view trim(std::u32string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<NoteBlock> parse_note_markdown(std::string_view note) {
  const std::u32string text = decode_lenient(note);
  struct Pending {
    NoteBlock block;
    std::u32string source;
  };
  std::vector<NoteBlock> blocks;
  std::optional<Pending> open;
  auto close = [&] {
    if (!open) return;
    InlineParser parser(open->source);
    parser.run();
    blocks.push_back(std::move(parser).finish(std::move(open->block)));
    open.reset();
  };

  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find_first_of(U"\n\r", pos);
    if (end == std::u32string::npos) end = text.size();
    const std::u32string_view line = trim(std::u32string_view(text).substr(pos, end - pos));
    pos = end + (end + 1 < text.size() && text[end] == '\r' && text[end + 1] == '\n' ? 2 : 1);
    if (line.empty()) {
      close();
      continue;
    }
    if (const std::optional<ListItem> item = list_item(line)) {
      close();
      open.emplace();
      open->block.kind = item->kind;
      open->block.marker = to_utf8(item->marker);
      open->source = std::u32string(trim(line.substr(item->text_start)));
      continue;
    }
    if (open) {
      open->source.push_back(' ');
      open->source.append(line);
    } else {
      open.emplace();
      open->source = std::u32string(line);
    }
  }
  close();
  return blocks;
}

std::string lowercase_utf8(std::string_view text) {
  std::u32string cps = decode_lenient(text);
  for (char32_t& cp : cps) cp = simple_lowercase(cp);
  return to_utf8(cps);
}

std::vector<std::string> note_tags(std::string_view note) {
  std::vector<std::string> tags;
  for (const NoteBlock& block : parse_note_markdown(note)) {
    const std::u32string text = to_utf32(block.text);
    for (const NoteSpan& span : block.spans) {
      if (span.style != NoteStyle::tag) continue;
      std::u32string tag = text.substr(span.start + 1, span.end - span.start - 1);
      for (char32_t& cp : tag) cp = simple_lowercase(cp);
      std::string utf8 = to_utf8(tag);
      if (std::find(tags.begin(), tags.end(), utf8) == tags.end()) tags.push_back(std::move(utf8));
    }
  }
  return tags;
}

}  // namespace scholion
