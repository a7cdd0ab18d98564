#include "diagram_detailed.h"

#include <fmt/format.h>

#include "catalogue.h"
#include "diagram_mermaid.h"

namespace flowprint {
namespace {

/// The policy bindings of one target (a flow or a stage binding), enabled
/// and disabled, each as one line (`[NOT ]Policy (<type>) <name>`,
/// `[NOT ]Group <name>` or `[NOT ]User <username>`), and its engine mode.
struct Gate {
    std::vector<std::string> enabled;
    std::vector<std::string> disabled;
    std::string mode;

    std::string label(std::string_view heading) const {
        std::string text(heading);
        if (enabled.size() > 1) {
            text += mode == "all" ? "\nmode all: every binding must pass"
                                  : fmt::format("\nmode {}: at least one binding must pass", mode);
        }
        for (const std::string& member : enabled) text += "\n" + member;
        return text;
    }
};

/// The name of a group or user a binding refers to, and whether it is a guess
/// (the set refers to it but does not define it).
std::pair<std::string, bool> referenced_name(const ObjectStore& store, const Value& reference,
                                             std::string_view name_field) {
    if (const auto* ref = reference.as<ObjectRef>()) {
        const Value* name = store.get(ref->id).field(name_field);
        return {name ? python_str(*name) : std::string(), false};
    }
    if (const auto* external = reference.as<ExternalRef>()) {
        return {external->name.empty() ? external->written : external->name, true};
    }
    return {python_str(reference), true};
}

std::optional<std::string> member_line(const ObjectStore& store, const StoredObject& binding,
                                       std::vector<std::string>& guessed) {
    std::string line;
    if (auto policy = member_label(store, binding.field("policy"))) {
        line = fmt::format("Policy ({}) {}", policy->display_name, policy->name);
        if (policy->guessed) guessed.push_back(policy->display_name + ": " + policy->name);
    } else {
        const Value* group = binding.field("group");
        const bool is_group = group != nullptr && !group->is_null();
        const Value* user = binding.field("user");
        if (!is_group && (user == nullptr || user->is_null())) return std::nullopt;
        const auto [name, guess] = is_group
                                       ? referenced_name(store, *group, naming_field(models::group))
                                       : referenced_name(store, *user, naming_field(models::user));
        line = fmt::format("{} {}", is_group ? "Group" : "User", name);
        if (guess) guessed.push_back(fmt::format("{}: {}", is_group ? "Group" : "User", name));
    }
    return flag(binding, "negate") ? "NOT " + line : line;
}

Gate gate_of(const FlowIndex& index, ObjectId target, const StoredObject& owner,
             std::vector<std::string>& guessed) {
    Gate gate;
    const auto mode = field_or_default(owner, "policy_engine_mode");
    gate.mode = mode ? python_str(*mode) : "any";
    for (ObjectId binding_id : index.policy_bindings(target)) {
        const StoredObject& binding = index.store().get(binding_id);
        auto line = member_line(index.store(), binding, guessed);
        if (!line) continue;
        (flag(binding, "enabled") ? gate.enabled : gate.disabled).push_back(std::move(*line));
    }
    return gate;
}

/// Disabled bindings as dashed boxes tied to what they would guard.
void add_disabled(DiagramGraph& graph, const Gate& gate, const std::string& id_prefix,
                  const std::string& guarded, const DetailedOptions& options) {
    if (!options.show_disabled) return;
    for (std::size_t j = 0; j < gate.disabled.size(); ++j) {
        const std::string id = fmt::format("{}disabled_{}", id_prefix, j);
        graph.add_node(GraphNode{id, "Disabled binding\n" + gate.disabled[j], NodeShape::box,
                                 NodeMark::disabled});
        graph.add_edge(GraphEdge{id, guarded, "disabled", true, false});
    }
}

std::string evaluation_time(bool on_plan, bool when_reached) {
    if (on_plan && when_reached) return "passed, checked at planning and when reached";
    if (on_plan) return "passed, checked at planning";
    return "passed, checked when reached";
}

}  // namespace

Diagram render_detailed_diagram(const FlowIndex& index, ObjectId flow_id,
                                const DetailedOptions& options) {
    const ObjectStore& store = index.store();
    const StoredObject& flow = store.get(flow_id);
    Diagram diagram;
    DiagramGraph& graph = diagram.graph;
    bool denied_used = false;

    const auto authentication = field_or_default(flow, "authentication");
    const std::string requirement = authentication ? python_str(*authentication) : "none";
    const Gate flow_gate = gate_of(index, flow_id, flow, diagram.guessed_labels);
    const std::string after_auth = flow_gate.enabled.empty() ? "flow_start" : "flow_gate";
    if (requirement != "none") {
        graph.add_node(GraphNode{"flow_auth", "Authentication requirement\n" + requirement,
                                 NodeShape::hexagon, NodeMark::none});
        graph.add_edge(GraphEdge{"flow_auth", "denied", "not fulfilled"});
        graph.add_edge(GraphEdge{"flow_auth", after_auth, "fulfilled"});
        denied_used = true;
    }
    if (!flow_gate.enabled.empty()) {
        graph.add_node(GraphNode{"flow_gate", flow_gate.label("Flow policies"), NodeShape::hexagon,
                                 NodeMark::none});
        graph.add_edge(GraphEdge{"flow_gate", "denied", "denied"});
        graph.add_edge(GraphEdge{"flow_gate", "flow_start", "passed"});
        denied_used = true;
    }
    add_disabled(graph, flow_gate, "flow_", after_auth, options);
    const Value* flow_name = flow.field("name");
    graph.add_node(GraphNode{"flow_start",
                             "Flow\n" + (flow_name ? python_str(*flow_name) : std::string()),
                             NodeShape::subroutine, NodeMark::none});

    // The node before the next binding, and the gate whose failure skips to it.
    std::string previous = "flow_start";
    std::optional<std::string> previous_gate;
    std::size_t s = 0;
    for (ObjectId binding_id : index.stage_bindings(flow_id)) {
        const StoredObject& binding = store.get(binding_id);
        auto label = member_label(store, binding.field("stage"));
        if (!label) continue;
        if (label->guessed) {
            diagram.guessed_labels.push_back(label->display_name + ": " + label->name);
        }
        const std::string stage = fmt::format("stage_{}", s);
        const std::string gate_id = stage + "_gate";
        const Gate gate = gate_of(index, binding_id, binding, diagram.guessed_labels);
        const bool on_plan = flag(binding, "evaluate_on_plan");
        const bool when_reached = flag(binding, "re_evaluate_policies");
        const bool gated = !gate.enabled.empty();
        const bool evaluated = on_plan || when_reached;
        const std::string heading =
            fmt::format("Stage policies (binding {})", binding_order(binding));

        if (gated && evaluated) {
            graph.add_node(
                GraphNode{gate_id, gate.label(heading), NodeShape::hexagon, NodeMark::none});
        } else if (gated) {
            graph.add_node(GraphNode{gate_id,
                                     gate.label(heading + "\nNEVER EVALUATED: evaluate_on_plan "
                                                          "and re_evaluate_policies are false"),
                                     NodeShape::hexagon, NodeMark::never_evaluated});
        }
        graph.add_node(GraphNode{stage,
                                 fmt::format("Stage ({})\n{}", label->display_name, label->name),
                                 NodeShape::stadium, NodeMark::none});

        const std::string entry = gated && evaluated ? gate_id : stage;
        graph.add_edge(
            GraphEdge{previous, entry, gated && !evaluated ? "policies never evaluated" : ""});
        if (previous_gate) {
            graph.add_edge(GraphEdge{*previous_gate, entry, "denied: stage skipped"});
        }
        if (gated && evaluated) {
            graph.add_edge(GraphEdge{gate_id, stage, evaluation_time(on_plan, when_reached)});
        } else if (gated) {
            graph.add_edge(GraphEdge{gate_id, stage, "never evaluated, no effect", true, false});
        }
        add_disabled(graph, gate, stage + "_", gated ? gate_id : stage, options);

        previous = stage;
        previous_gate = gated && evaluated ? std::optional(gate_id) : std::nullopt;
        ++s;
    }
    graph.add_node(GraphNode{"done", "End of the flow", NodeShape::subroutine, NodeMark::none});
    graph.add_edge(GraphEdge{previous, "done", ""});
    if (previous_gate) graph.add_edge(GraphEdge{*previous_gate, "done", "denied: stage skipped"});
    if (denied_used) {
        graph.add_node(GraphNode{"denied", "Access denied", NodeShape::subroutine, NodeMark::none});
    }
    diagram.text = write_mermaid(graph);
    return diagram;
}

}  // namespace flowprint
