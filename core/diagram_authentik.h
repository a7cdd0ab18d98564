#pragma once

#include <string>
#include <vector>

#include "diagram_graph.h"
#include "flow_index.h"

namespace flowprint {

/// A flow diagram as text, and the labels in it that are guesses (stages or
/// policies the set refers to but does not define). The graph holds the same
/// nodes and edges, for the other output formats.
struct Diagram {
    std::string text;
    std::vector<std::string> guessed_labels;
    DiagramGraph graph;
};

/// The Mermaid diagram authentik's own flow-diagram API returns for the flow,
/// byte for byte (SPEC 5.1), without the final newline, and its graph as
/// Mermaid reads it.
Diagram render_authentik_diagram(const FlowIndex& index, ObjectId flow);

}  // namespace flowprint
