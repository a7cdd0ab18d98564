#pragma once

#include <string>
#include <string_view>

#include "diagram_graph.h"

namespace flowprint {

/// The text of a Mermaid label for any name: entity codes for the characters
/// the flowchart syntax or HTML give a meaning (`"`, `#`, `&`, `<`, `>`,
/// brackets, braces, `|`, `;`, the backtick), `<br/>` for a line break, so
/// that the whole text stays one label on one line.
std::string mermaid_label(std::string_view text);

/// The graph as a Mermaid flowchart (`graph TD`, one node per line, then one
/// edge per line, then the classes of dashed nodes), without a final newline.
/// Every line is a complete statement.
std::string write_mermaid(const DiagramGraph& graph);

}  // namespace flowprint
