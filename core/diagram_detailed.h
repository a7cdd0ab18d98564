#pragma once

#include "diagram_authentik.h"
#include "flow_index.h"

namespace flowprint {

/// Choices of the detailed style.
struct DetailedOptions {
    /// Draw disabled policy bindings, dashed, instead of leaving them out.
    bool show_disabled = false;
};

/// The detailed diagram of a flow (SPEC 5.2): what authentik's planner really
/// does. The authentication requirement, the flow's policies and each stage
/// binding's policies are gates listing every enabled binding (policy, group,
/// user; `NOT` for negate; the engine mode when there are several). A failed
/// flow-level gate leads to "Access denied"; a failed stage gate to the next
/// binding's gate or stage, or to the end. Each passed stage gate says when
/// it is checked; a gate that is never evaluated is drawn greyed and dashed.
/// The text is Mermaid with one complete statement per line, no final newline.
Diagram render_detailed_diagram(const FlowIndex& index, ObjectId flow,
                                const DetailedOptions& options = {});

}  // namespace flowprint
