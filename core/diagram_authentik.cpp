#include "diagram_authentik.h"

#include <fmt/format.h>

#include <optional>

namespace flowprint {
namespace {

enum class Shape { subroutine, hexagon, stadium, box };

/// One node statement of authentik's diagram: the node, the text of the arrow
/// that leads into it (absent, empty or a label) and the nodes it comes from.
struct DiagramNode {
    std::string id;
    std::string label;
    Shape shape;
    std::optional<std::string> arrow;
    std::vector<std::string> sources;
};

std::string node_text(const DiagramNode& node) {
    std::string label;
    for (char c : node.label) {
        if (c == '"') {
            label += "#quot;";
        } else {
            label += c;
        }
    }
    switch (node.shape) {
        case Shape::subroutine: return fmt::format("{}[[\"{}\"]]", node.id, label);
        case Shape::hexagon: return fmt::format("{}{{{{\"{}\"}}}}", node.id, label);
        case Shape::stadium: return fmt::format("{}([\"{}\"])", node.id, label);
        case Shape::box: return fmt::format("{}[\"{}\"]", node.id, label);
    }
    return node.id;
}

/// The lines of authentik's diagram, and the graph Mermaid reads from them:
/// the same nodes (a later label of an id wins) and edges, where a line that
/// starts with an arrow continues from the node of the line before it.
struct AuthentikLines {
    std::vector<std::string> lines{"graph TD"};
    DiagramGraph graph;
    std::string last_node;

    /// The node alone (no arrow), or `source` (or nothing: a dangling arrow)
    /// + the arrow with its text + the node.
    void add(const std::string& source, const std::optional<std::string>& arrow,
             const DiagramNode& node) {
        std::string line = node_text(node);
        if (arrow) {
            line = (arrow->empty() ? "--> " : fmt::format("--{}--> ", *arrow)) + line;
            if (!source.empty()) line = source + " " + line;
            const std::string& from = source.empty() ? last_node : source;
            if (!from.empty()) graph.add_edge(GraphEdge{from, node.id, *arrow});
        }
        lines.push_back(std::move(line));
        graph.add_node(GraphNode{node.id, node.label, graph_shape(node.shape), NodeMark::none});
        last_node = node.id;
    }

    static NodeShape graph_shape(Shape shape) {
        switch (shape) {
            case Shape::subroutine: return NodeShape::subroutine;
            case Shape::hexagon: return NodeShape::hexagon;
            case Shape::stadium: return NodeShape::stadium;
            case Shape::box: return NodeShape::box;
        }
        return NodeShape::box;
    }
};

void emit(const DiagramNode& node, AuthentikLines& lines) {
    if (!node.arrow) {
        lines.add("", std::nullopt, node);
        return;
    }
    if (node.sources.empty()) {
        // authentik prints this dangling arrow; Mermaid reads it as continuing
        // the previous statement.
        lines.add("", node.arrow, node);
        return;
    }
    for (const std::string& source : node.sources) lines.add(source, node.arrow, node);
}

const DiagramNode kDone{"done", "End of the flow", Shape::subroutine, std::nullopt, {}};

/// The policy bindings of a target that have a policy (group and user
/// bindings are not drawn; disabled ones are), as labelled nodes.
std::vector<DiagramNode> policy_nodes(const FlowIndex& index, ObjectId target,
                                      const std::string& id_prefix,
                                      std::vector<std::string>& guessed) {
    std::vector<DiagramNode> nodes;
    for (ObjectId binding_id : index.policy_bindings(target)) {
        const StoredObject& binding = index.store().get(binding_id);
        auto label = member_label(index.store(), binding.field("policy"));
        if (!label) continue;
        if (label->guessed) guessed.push_back(label->display_name + ": " + label->name);
        DiagramNode node{fmt::format("{}{}", id_prefix, nodes.size()),
                         fmt::format("Policy ({})\n{}", label->display_name, label->name),
                         Shape::hexagon,
                         std::nullopt,
                         {}};
        node.arrow = fmt::format("Binding {}", binding_order(binding));
        nodes.push_back(std::move(node));
    }
    return nodes;
}

}  // namespace

Diagram render_authentik_diagram(const FlowIndex& index, ObjectId flow_id) {
    const ObjectStore& store = index.store();
    const StoredObject& flow = store.get(flow_id);
    Diagram diagram;
    AuthentikLines lines;

    const auto authentication = field_or_default(flow, "authentication");
    const std::string requirement = authentication ? python_str(*authentication) : "none";
    if (requirement != "none") {
        lines.add("", std::nullopt,
                  DiagramNode{"flow_auth_requirement",
                              "Flow authentication requirement\n" + requirement,
                              Shape::box,
                              std::nullopt,
                              {}});
        lines.add("flow_auth_requirement", "Requirement not fulfilled", kDone);
        lines.add("flow_auth_requirement", "Requirement fulfilled",
                  DiagramNode{"flow_start", "placeholder", Shape::box, std::nullopt, {}});
    }

    const Value* flow_name = flow.field("name");
    DiagramNode flow_start{"flow_start",
                           "Flow\n" + (flow_name ? python_str(*flow_name) : std::string()),
                           Shape::subroutine,
                           std::nullopt,
                           {}};
    std::vector<DiagramNode> flow_policies =
        policy_nodes(index, flow_id, "flow_policy_", diagram.guessed_labels);
    if (!flow_policies.empty()) {
        emit(DiagramNode{"flow_pre", "Pre-flow policies", Shape::subroutine, std::nullopt, {}},
             lines);
        for (DiagramNode& policy : flow_policies) {
            policy.sources = {"flow_pre"};
            emit(policy, lines);
        }
        for (const DiagramNode& policy : flow_policies) {
            lines.add(policy.id, "Policy denied", kDone);
        }
        flow_start.arrow = "";
        for (const DiagramNode& policy : flow_policies) flow_start.sources.push_back(policy.id);
    }
    emit(flow_start, lines);

    struct StageStep {
        DiagramNode stage;
        std::vector<DiagramNode> policies;
    };
    std::vector<StageStep> steps;
    for (ObjectId binding_id : index.stage_bindings(flow_id)) {
        const StoredObject& binding = store.get(binding_id);
        auto label = member_label(store, binding.field("stage"));
        if (!label) continue;
        if (label->guessed)
            diagram.guessed_labels.push_back(label->display_name + ": " + label->name);
        const std::size_t s = steps.size();
        StageStep step{DiagramNode{fmt::format("stage_{}", s),
                                   fmt::format("Stage ({})\n{}", label->display_name, label->name),
                                   Shape::stadium,
                                   "",
                                   {}},
                       policy_nodes(index, binding_id, fmt::format("stage_{}_policy_", s),
                                    diagram.guessed_labels)};
        if (!step.policies.empty()) {
            step.stage.arrow = "Policy passed";
            for (const DiagramNode& policy : step.policies) step.stage.sources.push_back(policy.id);
        }
        for (DiagramNode& policy : step.policies) {
            policy.arrow = "";
            policy.sources = {s == 0 ? std::string("flow_start") : fmt::format("stage_{}", s - 1)};
        }
        steps.push_back(std::move(step));
    }

    for (const StageStep& step : steps) emit(step.stage, lines);
    for (std::size_t s = 0; s < steps.size(); ++s) {
        for (const DiagramNode& policy : steps[s].policies) emit(policy, lines);
        if (s > 0) {
            for (const DiagramNode& denied : steps[s - 1].policies) {
                lines.add(denied.id, "Policy denied", steps[s].stage);
            }
        }
    }
    if (steps.empty()) {
        lines.add("flow_start", "", kDone);
    } else {
        lines.add(steps.back().stage.id, "", kDone);
    }

    for (std::size_t i = 0; i < lines.lines.size(); ++i) {
        if (i) diagram.text += '\n';
        diagram.text += lines.lines[i];
    }
    diagram.graph = std::move(lines.graph);
    return diagram;
}

}  // namespace flowprint
