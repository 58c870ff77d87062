#include "core/text/iso8601.hpp"
#include "core/formats/w3c_format.hpp"

namespace scholion {
namespace {

// A light tint per palette colour, for clients that render the stylesheet. Scholion
// itself reads the class name only.
std::string_view css_tint(Color color) {
  switch (color) {
    case Color::yellow: return "#fff59d";
    case Color::green: return "#c5e1a5";
    case Color::blue: return "#b3d4fc";
    case Color::pink: return "#f8bbd0";
    case Color::purple: return "#d1c4e9";
  }
  return "#fff59d";
}

}  // namespace

bool looks_like_iri(std::string_view s) {
  const auto colon = s.find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = s[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return s.find(' ') == std::string_view::npos;
}

Json annotation_to_w3c(const Annotation& a, std::string_view source, bool with_context) {
  const std::string style_class = std::string(kW3cStyleClassPrefix) + std::string(color_name(a.color));
  Json out = Json::object();
  if (with_context) out["@context"] = kW3cContext;
  out["id"] = "urn:uuid:" + a.id;
  out["type"] = "Annotation";
  out["motivation"] = a.is_highlight() ? "highlighting" : "commenting";
  out["created"] = format_iso8601(a.created);
  out["modified"] = format_iso8601(a.modified);

  Json body = Json::array();
  if (!a.note.empty()) {
    body.push_back({{"type", "TextualBody"}, {"purpose", "commenting"}, {"format", "text/markdown"}, {"value", a.note}});
  }
  for (const std::string& tag : a.tags) {
    body.push_back({{"type", "TextualBody"}, {"purpose", "tagging"}, {"value", tag}});
  }
  if (!body.empty()) out["body"] = std::move(body);

  out["target"] = {
      {"source", source},
      {"styleClass", style_class},
      {"selector",
       Json::array({{{"type", "TextQuoteSelector"}, {"exact", a.quote.exact}, {"prefix", a.quote.prefix}, {"suffix", a.quote.suffix}},
                    {{"type", "TextPositionSelector"}, {"start", a.start}, {"end", a.end}}})}};
  out["stylesheet"] = {{"type", "CssStylesheet"},
                       {"value", "." + style_class + " { background-color: " + std::string(css_tint(a.color)) + "; }"}};
  return out;
}

std::string export_w3c_annotation(const Annotation& annotation, std::string_view source) {
  return dump_json(annotation_to_w3c(annotation, source), 2);
}

Json annotations_to_w3c_collection(const Document& document, std::span<const Annotation> annotations) {
  Json items = Json::array();
  for (const Annotation& a : annotations) items.push_back(annotation_to_w3c(a, document.id(), false));
  Json page = Json::object();
  Json collection = Json::object();
  collection["@context"] = kW3cContext;
  // Containers MUST have an IRI; one derived from the document's is stable across exports.
  if (looks_like_iri(document.id())) {
    collection["id"] = document.id() + "#scholion-annotations";
    page["id"] = document.id() + "#scholion-annotations-page-1";
  }
  collection["type"] = "AnnotationCollection";
  collection["label"] = document.title();
  collection["total"] = annotations.size();
  page["type"] = "AnnotationPage";
  page["startIndex"] = 0;
  page["items"] = std::move(items);
  collection["first"] = std::move(page);
  return collection;
}

std::string export_w3c_collection(const Document& document, std::span<const Annotation> annotations) {
  return dump_json(annotations_to_w3c_collection(document, annotations), 2);
}

}  // namespace scholion
