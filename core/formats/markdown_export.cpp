#include "core/formats/markdown_export.hpp"

#include <algorithm>
#include <vector>

namespace scholion {
namespace {

bool is_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Escapes one line. At its start, a line could open a heading (#), a list (- + * or
// "1." "1)"), a block quote (>), a rule or setext underline (= -), or an indented code
// block (four spaces: trimmed to keep the text, not the indentation).
std::string escape_line(std::string_view line) {
  std::size_t lead = 0;
  while (lead < line.size() && line[lead] == ' ') ++lead;
  line.remove_prefix(lead);
  std::string out;
  out.reserve(line.size() + 8);
  if (!line.empty() && (line[0] == '#' || line[0] == '+' || line[0] == '-' || line[0] == '=')) out += '\\';
  std::size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (i == digits && digits > 0 && (c == '.' || c == ')')) {
      out += '\\';
    } else if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' ||
               c == '>' || c == '|' || c == '~') {
      out += '\\';
    } else if (c == '&' && i + 1 < line.size() && (is_alnum(line[i + 1]) || line[i + 1] == '#')) {
      out += '\\';
    }
    out += c;
  }
  // Trailing spaces would make a hard line break, or vanish in an editor: drop them.
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (true) {
    const std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      lines.push_back(text.substr(pos));
      return lines;
    }
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
}

// The quote as a block quote. Blank lines (between paragraphs) stay inside the quote as
// a bare ">"; a single line break inside a paragraph (preformatted text) is kept with a
// trailing backslash, CommonMark's visible hard break.
void append_block_quote(std::string& out, std::string_view quote) {
  const std::vector<std::string_view> lines = split_lines(quote);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string line = escape_line(lines[i]);
    const bool next_is_text = i + 1 < lines.size() && !escape_line(lines[i + 1]).empty();
    if (line.empty()) {
      out += ">\n";
    } else {
      out += "> " + line + (next_is_text ? "\\\n" : "\n");
    }
  }
}

std::string tag_list(const std::vector<std::string>& tags) {
  std::string out;
  for (const std::string& tag : tags) {
    if (!out.empty()) out += ", ";
    out += "#" + escape_line(tag);
  }
  return out;
}

std::string trim_trailing_newlines(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::string escape_markdown(std::string_view text) {
  std::string out;
  const std::vector<std::string_view> lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    out += escape_line(lines[i]);
  }
  return out;
}

std::string export_markdown(const Document& document, std::span<const Annotation> annotations) {
  std::vector<const Annotation*> ordered;
  ordered.reserve(annotations.size());
  for (const Annotation& a : annotations) ordered.push_back(&a);
  std::stable_sort(ordered.begin(), ordered.end(), [](const Annotation* x, const Annotation* y) {
    if (x->start != y->start) return x->start < y->start;
    if (x->end != y->end) return x->end < y->end;
    return x->created < y->created;
  });

  std::string out;
  out += "# " + (document.title().empty() ? std::string("Untitled document") : escape_line(document.title())) + "\n\n";
  const std::string& source = document.source_url().empty() ? document.id() : document.source_url();
  if (source.find("://") != std::string::npos && source.find_first_of(" <>") == std::string::npos) {
    out += "Source: <" + source + ">\n\n";  // an autolink
  } else if (!source.empty()) {
    out += "Source: " + escape_line(source) + "\n\n";
  }
  out += std::to_string(annotations.size()) + (annotations.size() == 1 ? " annotation\n" : " annotations\n");

  for (const Annotation* a : ordered) {
    out += "\n---\n\n";
    append_block_quote(out, a->quote.exact);
    const std::string note = trim_trailing_newlines(a->note);
    if (!note.empty()) out += "\n" + note + "\n";
    out += "\n";
    if (!a->tags.empty()) out += "Tags: " + tag_list(a->tags) + " \u00B7 ";
    out += std::string(color_name(a->color)) + (a->is_highlight() && a->tags.empty() ? " highlight" : "") + "\n";
  }
  return out;
}

}  // namespace scholion
