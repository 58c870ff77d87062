#include "core/formats/markdown_import.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "core/text/utf8.hpp"

namespace scholion {
namespace {

// --- Inline text ----------------------------------------------------------------------

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_punct(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x80 && ((u >= 0x21 && u <= 0x2F) || (u >= 0x3A && u <= 0x40) || (u >= 0x5B && u <= 0x60) ||
                      (u >= 0x7B && u <= 0x7E));
}
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A piece of inline text: literal text, or a run of emphasis delimiters (* or _).
struct Piece {
  std::string text;
  char delim = 0;  // '*' or '_' for a delimiter run
  std::size_t count = 0;
  bool can_open = false, can_close = false;
};

// How far a link's text, destination or a tag is looked for: CommonMark caps link labels
// at 999 characters, and a cap keeps text full of unmatched brackets linear.
constexpr std::size_t kMaxSpan = 1024;

// The end of the bracketed text starting at s[open] == '[', or npos.
std::size_t closing_bracket(std::string_view s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size() && i - open < kMaxSpan; ++i) {
    if (s[i] == '\\') { ++i; continue; }
    if (s[i] == '[') ++depth;
    if (s[i] == ']' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

// The end of a link destination "( … )" starting at s[open] == '(', or npos.
std::size_t closing_paren(std::string_view s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size() && i - open < kMaxSpan; ++i) {
    if (s[i] == '\\') { ++i; continue; }
    if (s[i] == '\n' && i + 1 < s.size() && s[i + 1] == '\n') return std::string_view::npos;
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

// "&amp;" and friends at s[i]: appends the character and returns the length read, or 0.
std::size_t read_entity(std::string_view s, std::size_t i, std::string& out) {
  const std::size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) return 0;
  const std::string_view name = s.substr(i + 1, semi - i - 1);
  static constexpr std::pair<std::string_view, char32_t> kNamed[] = {
      {"amp", U'&'}, {"lt", U'<'}, {"gt", U'>'}, {"quot", U'"'}, {"apos", U'\''}, {"nbsp", U'\u00A0'},
      {"mdash", U'\u2014'}, {"ndash", U'\u2013'}, {"hellip", U'\u2026'}, {"copy", U'\u00A9'}};
  for (const auto& [n, cp] : kNamed) {
    if (name == n) {
      append_utf8(out, cp);
      return semi - i + 1;
    }
  }
  if (name.size() < 2 || name[0] != '#') return 0;
  const bool hex = name[1] == 'x' || name[1] == 'X';
  const std::string_view digits = name.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 7) return 0;
  uint32_t cp = 0;
  for (char c : digits) {
    int d = (c >= '0' && c <= '9') ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                                                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return 0;
    cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
  }
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  append_utf8(out, cp);
  return semi - i + 1;
}

// A raw HTML tag, comment or autolink at s[i] == '<': its length, and for an autolink
// the address to keep. 0 when it is a plain "<".
std::size_t read_angle(std::string_view s, std::size_t i, std::string& keep) {
  if (s.substr(i, 4) == "<!--") {
    const std::size_t end = s.substr(0, std::min(s.size(), i + kMaxSpan)).find("-->", i + 4);
    return end == std::string_view::npos ? 0 : end + 3 - i;
  }
  const std::size_t close = s.substr(0, std::min(s.size(), i + kMaxSpan)).find('>', i + 1);
  if (close == std::string_view::npos) return 0;
  const std::string_view inner = s.substr(i + 1, close - i - 1);
  if (inner.empty() || inner.find_first_of("<\n") != std::string_view::npos) return 0;
  const std::size_t colon = inner.find(':');
  if (inner.find(' ') == std::string_view::npos &&
      ((colon != std::string_view::npos && colon >= 2 && is_alpha(inner[0])) ||
       (inner.find('@') != std::string_view::npos && inner.find('@') > 0))) {
    keep = inner;  // <https://example.org>, <someone@example.org>
    return close + 1 - i;
  }
  const std::size_t name = inner[0] == '/' ? 1 : 0;
  if (name < inner.size() && is_alpha(inner[name])) return close + 1 - i;  // <em>, </span>
  return 0;
}

void to_pieces(std::string_view s, std::vector<Piece>& pieces);

void add_text(std::vector<Piece>& pieces, std::string_view text) {
  if (pieces.empty() || pieces.back().delim) pieces.push_back({});
  pieces.back().text += text;
}

void to_pieces(std::string_view s, std::vector<Piece>& pieces) {
  std::size_t i = 0;
  // Backtick run lengths known to have no closing run further on: text with many
  // unclosed runs is read in linear time.
  std::vector<bool> unclosed;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && is_punct(s[i + 1])) {
      add_text(pieces, s.substr(i + 1, 1));
      i += 2;
    } else if (c == '\\' && i + 1 < s.size() && s[i + 1] == '\n') {
      add_text(pieces, "\n");  // a hard line break
      i += 2;
    } else if (c == '`') {
      std::size_t run = 0;
      while (i + run < s.size() && s[i + run] == '`') ++run;
      // The closing run of the same length ends the code span; its content is literal.
      std::size_t j = i + run, close = std::string_view::npos;
      if (run < unclosed.size() && unclosed[run]) j = std::string_view::npos;
      while (j != std::string_view::npos && (j = s.find('`', j)) != std::string_view::npos) {
        std::size_t k = 0;
        while (j + k < s.size() && s[j + k] == '`') ++k;
        if (k == run) { close = j; break; }
        j += k;
      }
      if (close == std::string_view::npos) {
        if (unclosed.size() <= run) unclosed.resize(run + 1);
        unclosed[run] = true;
        add_text(pieces, s.substr(i, run));
        i += run;
        continue;
      }
      std::string_view code = s.substr(i + run, close - i - run);
      if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ' &&
          code.find_first_not_of(' ') != std::string_view::npos) {
        code = code.substr(1, code.size() - 2);
      }
      add_text(pieces, code);
      i = close + run;
    } else if ((c == '[' || (c == '!' && i + 1 < s.size() && s[i + 1] == '[')) &&
               closing_bracket(s, i + (c == '!')) != std::string_view::npos) {
      const std::size_t open = i + (c == '!');
      const std::size_t close = closing_bracket(s, open);
      const std::string_view label = s.substr(open + 1, close - open - 1);
      std::size_t after = std::string_view::npos;
      if (close + 1 < s.size() && s[close + 1] == '(') {
        const std::size_t end = closing_paren(s, close + 1);
        if (end != std::string_view::npos) after = end + 1;
      } else if (close + 1 < s.size() && s[close + 1] == '[') {
        const std::size_t end = s.substr(0, std::min(s.size(), close + kMaxSpan)).find(']', close + 1);
        if (end != std::string_view::npos) after = end + 1;  // [text][ref], [text][]
      }
      if (after == std::string_view::npos) {
        add_text(pieces, s.substr(i, open + 1 - i));  // not a link: the bracket is text
        i = open + 1;
        continue;
      }
      to_pieces(label, pieces);  // the link's text (an image's alt text) is what is read
      i = after;
    } else if (c == '<') {
      std::string keep;
      const std::size_t n = read_angle(s, i, keep);
      if (n == 0) {
        add_text(pieces, "<");
        ++i;
      } else {
        add_text(pieces, keep);
        i += n;
      }
    } else if (c == '&') {
      std::string ch;
      const std::size_t n = read_entity(s, i, ch);
      add_text(pieces, n ? std::string_view(ch) : std::string_view("&"));
      i += n ? n : 1;
    } else if (c == '*' || c == '_') {
      std::size_t run = 0;
      while (i + run < s.size() && s[i + run] == c) ++run;
      const char prev = i > 0 ? s[i - 1] : ' ';
      const char next = i + run < s.size() ? s[i + run] : ' ';
      const bool left = !is_space(next) && (!is_punct(next) || is_space(prev) || is_punct(prev));
      const bool right = !is_space(prev) && (!is_punct(prev) || is_space(next) || is_punct(next));
      Piece p;
      p.delim = c;
      p.count = run;
      p.can_open = c == '*' ? left : left && (!right || is_punct(prev));
      p.can_close = c == '*' ? right : right && (!left || is_punct(next));
      p.text.assign(run, c);
      pieces.push_back(std::move(p));
      i += run;
    } else {
      const std::size_t next = s.find_first_of("\\`[!<&*_", i + 1);
      add_text(pieces, s.substr(i, (next == std::string_view::npos ? s.size() : next) - i));
      i = next == std::string_view::npos ? s.size() : next;
    }
  }
}

// Matches emphasis openers with closers (CommonMark's delimiter stack, simplified: the
// "multiple of 3" rule is left out) and drops the matched markers.
void resolve_emphasis(std::vector<Piece>& pieces) {
  std::vector<std::size_t> openers;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    Piece& closer = pieces[i];
    if (!closer.delim) continue;
    while (closer.can_close && closer.count > 0) {
      // The nearest opener of the same kind, within the last kMaxOpeners: markers that
      // never match cannot make the text quadratic.
      constexpr std::size_t kMaxOpeners = 64;
      std::size_t at = openers.size();
      const std::size_t stop = at > kMaxOpeners ? at - kMaxOpeners : 0;
      while (at > stop && !(pieces[openers[at - 1]].delim == closer.delim && pieces[openers[at - 1]].count > 0)) --at;
      if (at == stop) break;
      Piece& opener = pieces[openers[at - 1]];
      const std::size_t used = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
      opener.count -= used;
      closer.count -= used;
      openers.resize(opener.count ? at : at - 1);  // openers in between stay literal
    }
    if (closer.can_open && closer.count > 0) openers.push_back(i);
  }
}

// --- Blocks ---------------------------------------------------------------------------

struct Line {
  std::string_view text;
  std::size_t indent = 0;  // columns of leading whitespace (tabs to multiples of 4)
  std::string_view rest;   // after the leading whitespace
  bool blank() const { return rest.empty(); }
};

Line make_line(std::string_view text) {
  Line line;
  line.text = text;
  std::size_t i = 0;
  for (; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) {
    line.indent = text[i] == '\t' ? line.indent + 4 - line.indent % 4 : line.indent + 1;
  }
  line.rest = text.substr(i);
  while (!line.rest.empty() && (line.rest.back() == ' ' || line.rest.back() == '\t')) {
    line.rest.remove_suffix(1);
  }
  return line;
}

// The text after `columns` columns of indentation (fewer if the line has fewer).
std::string_view strip_indent(std::string_view text, std::size_t columns) {
  std::size_t col = 0, i = 0;
  while (i < text.size() && col < columns && (text[i] == ' ' || text[i] == '\t')) {
    col = text[i] == '\t' ? col + 4 - col % 4 : col + 1;
    ++i;
  }
  return text.substr(i);
}

bool is_thematic_break(std::string_view rest) {
  if (rest.empty() || (rest[0] != '-' && rest[0] != '*' && rest[0] != '_')) return false;
  std::size_t n = 0;
  for (char c : rest) {
    if (c == rest[0]) ++n;
    else if (c != ' ' && c != '\t') return false;
  }
  return n >= 3;
}

// "# Title ##" → level 1, "Title"; nullopt when not an ATX heading.
std::optional<std::pair<int, std::string_view>> atx_heading(std::string_view rest) {
  std::size_t level = 0;
  while (level < rest.size() && rest[level] == '#') ++level;
  if (level == 0 || level > 6 || (level < rest.size() && rest[level] != ' ' && rest[level] != '\t')) {
    return std::nullopt;
  }
  std::string_view text = rest.substr(level);
  // A closing run of '#' preceded by a space (or making up the whole text) is dropped.
  std::size_t end = text.size();
  while (end > 0 && text[end - 1] == '#') --end;
  if (end == 0 || text[end - 1] == ' ' || text[end - 1] == '\t') text = text.substr(0, end);
  return std::pair{static_cast<int>(level), text};
}

// A list marker: "- ", "* ", "+ ", "1. ", "1) ". Returns the length of marker and the
// space after it, or 0.
std::size_t list_marker(std::string_view rest) {
  std::size_t i = 0;
  if (!rest.empty() && (rest[0] == '-' || rest[0] == '*' || rest[0] == '+')) {
    i = 1;
  } else {
    while (i < rest.size() && i < 9 && rest[i] >= '0' && rest[i] <= '9') ++i;
    if (i == 0 || i >= rest.size() || (rest[i] != '.' && rest[i] != ')')) return 0;
    ++i;
  }
  if (i == rest.size()) return i;
  if (rest[i] != ' ' && rest[i] != '\t') return 0;
  return i + 1;
}

bool is_reference_definition(std::string_view rest) {
  if (rest.empty() || rest[0] != '[') return false;
  const std::size_t close = rest.find("]:");
  return close != std::string_view::npos && close > 1 && rest.find(']') == close;
}

std::optional<std::pair<char, std::size_t>> fence_open(std::string_view rest) {
  if (rest.size() < 3 || (rest[0] != '`' && rest[0] != '~')) return std::nullopt;
  std::size_t n = 0;
  while (n < rest.size() && rest[n] == rest[0]) ++n;
  if (n < 3 || (rest[0] == '`' && rest.find('`', n) != std::string_view::npos)) return std::nullopt;
  return std::pair{rest[0], n};
}

class BlockReader {
 public:
  std::vector<Block> blocks;
  std::string title;

  void read(std::string_view text) {
    std::vector<std::string_view> lines;
    for (std::size_t pos = 0; pos <= text.size();) {
      std::size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(pos, end - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (end < text.size() || !line.empty()) lines.push_back(line);
      pos = end + 1;
    }
    for (std::size_t i = 0; i < lines.size(); ++i) i = line(lines, i);
    flush();
  }

 private:
  BlockKind kind_ = BlockKind::paragraph;
  std::string pending_;     // the open block's lines, joined by '\n'
  bool open_ = false;
  bool in_list_ = false;    // since the last list item, until a line that ends the list
  bool after_blank_ = true;

  void flush() {
    if (!open_) return;
    emit(kind_, 0, pending_);
    pending_.clear();
    open_ = false;
  }

  void emit(BlockKind kind, int level, std::string_view markdown) {
    std::string text = kind == BlockKind::preformatted ? normalize_preformatted_text(markdown)
                                                       : normalize_block_text(markdown_inline_text(markdown));
    if (text.find_first_not_of(" \t\n") == std::string::npos) return;
    if (kind == BlockKind::heading && title.empty()) title = text;
    blocks.push_back(Block{kind, static_cast<uint8_t>(level), std::move(text)});
  }

  void start(BlockKind kind, std::string_view text) {
    flush();
    kind_ = kind;
    pending_ = text;
    open_ = true;
  }

  void append(std::string_view text) {
    pending_ += '\n';
    pending_ += text;
  }

  // Reads the line at `i` (and, for code, the lines after it); returns the last index read.
  std::size_t line(const std::vector<std::string_view>& lines, std::size_t i) {
    const Line l = make_line(lines[i]);
    const bool was_blank = after_blank_;
    after_blank_ = l.blank();
    if (l.blank()) {
      flush();
      return i;
    }
    // Indented code: not inside a paragraph or a list.
    if (l.indent >= 4 && !open_ && !in_list_) {
      std::string code;
      std::size_t j = i, last = i;
      for (; j < lines.size(); ++j) {
        const Line c = make_line(lines[j]);
        if (!c.blank() && c.indent < 4) break;
        if (!c.blank()) last = j;
      }
      for (std::size_t k = i; k <= last; ++k) {
        if (k > i) code += '\n';
        code += strip_indent(lines[k], 4);
      }
      emit(BlockKind::preformatted, 0, code);
      after_blank_ = true;
      return last;
    }
    const std::size_t indent = l.indent;
    std::string_view rest = l.rest;
    if (const auto fence = fence_open(rest); fence && (indent < 4 || in_list_)) {
      flush();
      std::string code;
      std::size_t j = i + 1;
      for (; j < lines.size(); ++j) {
        const Line c = make_line(lines[j]);
        std::size_t n = 0;
        while (n < c.rest.size() && c.rest[n] == fence->first) ++n;
        if (n >= fence->second && n == c.rest.size()) break;
        if (j > i + 1) code += '\n';
        code += strip_indent(lines[j], indent);
      }
      emit(BlockKind::preformatted, 0, code);
      after_blank_ = true;
      return std::min(j, lines.size() - 1);
    }
    // Setext underline: turns the open paragraph into a heading.
    if (open_ && kind_ == BlockKind::paragraph && indent < 4 && !rest.empty() &&
        (rest[0] == '=' || rest[0] == '-') && rest.find_first_not_of(rest[0]) == std::string_view::npos) {
      emit(BlockKind::heading, rest[0] == '=' ? 1 : 2, pending_);
      pending_.clear();
      open_ = false;
      return i;
    }
    if (indent < 4 && is_thematic_break(rest)) {
      flush();
      in_list_ = false;
      return i;
    }
    if (indent < 4) {
      if (const auto h = atx_heading(rest)) {
        flush();
        in_list_ = false;
        emit(BlockKind::heading, h->first, h->second);
        return i;
      }
    }
    if (indent < 4 && rest[0] == '>') {
      // A quote line: '>' markers and one space after each are removed; block markers
      // inside the quote are dropped, its paragraphs stay apart.
      while (!rest.empty() && rest[0] == '>') {
        rest.remove_prefix(1);
        if (!rest.empty() && (rest[0] == ' ' || rest[0] == '\t')) rest.remove_prefix(1);
        while (!rest.empty() && (rest[0] == ' ') && rest.size() > 1 && rest[1] == '>') rest.remove_prefix(1);
      }
      const Line inner = make_line(rest);
      in_list_ = false;
      if (inner.blank()) {
        flush();
        return i;
      }
      std::string_view content = inner.rest;
      if (const auto h = atx_heading(content)) content = h->second;
      else if (const std::size_t m = list_marker(content)) content = content.substr(m);
      if (open_ && kind_ == BlockKind::quote) append(content);
      else start(BlockKind::quote, content);
      return i;
    }
    if (const std::size_t m = list_marker(rest); m && (indent < 4 || in_list_) &&
                                                 (m < rest.size() || !open_)) {
      in_list_ = true;
      start(BlockKind::list_item, rest.substr(m));
      return i;
    }
    if (!open_ && indent < 4 && is_reference_definition(rest)) return i;
    if (open_ && !was_blank) {
      append(rest);  // a continuation line (lazy or indented)
      return i;
    }
    // A new paragraph; inside a list, an indented one still belongs to the list.
    if (in_list_ && indent == 0) in_list_ = false;
    start(BlockKind::paragraph, rest);
    return i;
  }
};

}  // namespace

std::string markdown_inline_text(std::string_view markdown) {
  std::vector<Piece> pieces;
  to_pieces(markdown, pieces);
  resolve_emphasis(pieces);
  std::string out;
  for (const Piece& p : pieces) {
    if (p.delim) out.append(p.count, p.delim);
    else out += p.text;
  }
  return out;
}

Result<MarkdownImport> import_markdown(std::string_view utf8) {
  auto valid = validate_utf8(utf8);
  if (!valid) return valid.error();
  if (utf8.substr(0, 3) == "\xEF\xBB\xBF") utf8.remove_prefix(3);
  BlockReader reader;
  reader.read(utf8);
  return MarkdownImport{std::move(reader.title), std::move(reader.blocks)};
}

}  // namespace scholion
