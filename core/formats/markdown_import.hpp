// Markdown import: a Markdown file read as a document's blocks, the way a reader sees it
// rendered. The block structure follows CommonMark where it matters for reading:
//
//   ATX (# …) and setext (underlined) headings   → heading, level 1-6
//   paragraphs (lines joined by spaces)           → paragraph
//   block quotes (> …), one block per paragraph   → quote
//   list items (-, *, +, 1., 1)), nested or not   → list_item, one per item
//   fenced (``` / ~~~) and indented code          → preformatted, spaces kept
//   thematic breaks, link reference definitions   → dropped
//
// Inline markup is removed and its text kept: emphasis markers, code-span backticks,
// links and images (their text / alt text), autolinks, raw HTML tags, backslash escapes
// and the common character references (&amp; &lt; &gt; &quot; &#39; &nbsp; &#NN; &#xNN;).
// Block text is then normalised as the DOM's would be (normalize_block_text).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model/document.hpp"
#include "core/text/result.hpp"

namespace scholion {

struct MarkdownImport {
  std::string title;          // the first heading's text; empty when there is none
  std::vector<Block> blocks;  // in reading order, none empty
};

// Fails only on invalid UTF-8 (the error names the byte offset). A leading byte-order
// mark is skipped.
Result<MarkdownImport> import_markdown(std::string_view utf8);

// The inline text of one Markdown block (markup removed, as described above); exposed
// for tests.
std::string markdown_inline_text(std::string_view markdown);

}  // namespace scholion
