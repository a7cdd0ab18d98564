#pragma once

#include <string_view>

#include "diagram_authentik.h"
#include "flow_index.h"

namespace flowprint {

/// Which diagram: authentik's own (SPEC 5.1) or the detailed one (SPEC 5.2).
enum class DiagramStyle { authentik, detailed };
/// How it is written (SPEC 5.3): a Mermaid diagram, a Markdown section with a
/// fenced Mermaid block, or a Graphviz digraph.
enum class DiagramFormat { mermaid, markdown, dot };

/// What to draw for each flow.
struct DiagramRequest {
    DiagramStyle style = DiagramStyle::authentik;
    DiagramFormat format = DiagramFormat::mermaid;
    bool show_disabled = false;
};

/// The flow's diagram in the requested style and format, without a final
/// newline. The Markdown heading is the flow's name (its slug when it has
/// none); the Graphviz graph is named after the slug.
Diagram render_diagram(const FlowIndex& index, ObjectId flow, const DiagramRequest& request);

/// The file name extension of a format, with its dot: `.mmd`, `.md`, `.dot`.
std::string_view file_extension(DiagramFormat format);

}  // namespace flowprint
