#pragma once

#include <string>
#include <string_view>

#include "diagram_graph.h"

namespace flowprint {

/// The text of a Graphviz quoted string (without the quotes) for any text:
/// `\` and `"` escaped, a line break as `\n`.
std::string dot_string(std::string_view text);

/// The graph as a Graphviz `digraph` named after the flow, without a final
/// newline: the same nodes, labels and edges as the Mermaid writer draws,
/// disabled and never-evaluated bindings dashed.
std::string write_dot(const DiagramGraph& graph, std::string_view name);

}  // namespace flowprint
