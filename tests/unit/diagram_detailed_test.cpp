// The detailed style (SPEC 5.2), the graph behind every format, and the
// Mermaid and Graphviz writers.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>

#include "diagram_detailed.h"
#include "diagram_dot.h"
#include "diagram_mermaid.h"
#include "diagram_output.h"
#include "test_support.h"

using namespace flowprint;

namespace {

const std::string kFlow = R"(version: 1
entries:
- model: authentik_flows.flow
  id: flow
  identifiers: {slug: f}
  attrs: {name: F, designation: authentication}
- {model: authentik_stages_dummy.dummystage, id: s1, identifiers: {name: one}}
- {model: authentik_stages_dummy.dummystage, id: s2, identifiers: {name: two}}
- {model: authentik_policies_dummy.dummypolicy, id: p, identifiers: {name: p}}
- {model: authentik_flows.flowstagebinding, id: b1, identifiers: {target: !KeyOf flow, stage: !KeyOf s1, order: 10}}
- {model: authentik_flows.flowstagebinding, id: b2, identifiers: {target: !KeyOf flow, stage: !KeyOf s2, order: 20}}
)";

Diagram draw(const std::string& yaml, DiagramRequest request = {DiagramStyle::detailed}) {
    BlueprintSet set = testing::load_text(yaml);
    INFO(testing::describe(set.findings));
    REQUIRE_FALSE(set.findings.has_errors());
    FlowIndex index(set.store);
    auto flow = index.flow_by_slug("f");
    REQUIRE(flow);
    return render_diagram(index, *flow, request);
}

bool has_edge(const DiagramGraph& graph, std::string_view from, std::string_view to,
              std::string_view label = {}) {
    return std::any_of(graph.edges().begin(), graph.edges().end(), [&](const GraphEdge& edge) {
        return edge.from == from && edge.to == to && (label.empty() || edge.label == label);
    });
}

std::size_t count_lines(const std::string& text, std::string_view needle) {
    std::size_t count = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos;
         at = text.find(needle, at + 1)) {
        ++count;
    }
    return count;
}

}  // namespace

TEST_CASE("a failed stage gate leads to the next binding's gate, the last one to the end") {
    const Diagram d = draw(kFlow + R"(
- {model: authentik_policies.policybinding, identifiers: {target: !KeyOf b1, policy: !KeyOf p, order: 0}}
- {model: authentik_policies.policybinding, identifiers: {target: !KeyOf b2, policy: !KeyOf p, order: 0}}
)");
    CHECK(has_edge(d.graph, "stage_0_gate", "stage_1_gate", "denied: stage skipped"));
    CHECK(has_edge(d.graph, "stage_0", "stage_1_gate"));
    CHECK(has_edge(d.graph, "stage_1_gate", "done", "denied: stage skipped"));
    CHECK_FALSE(has_edge(d.graph, "stage_0_gate", "stage_1"));
}

TEST_CASE("every enabled binding is in the gate: policy, group, user, NOT for negate") {
    const Diagram d = draw(kFlow + R"(
- {model: authentik_core.group, id: g, identifiers: {name: admins}}
- {model: authentik_core.user, id: u, identifiers: {username: ann}}
- {model: authentik_policies.policybinding, identifiers: {target: !KeyOf b1, group: !KeyOf g, order: 0}, attrs: {negate: true}}
- {model: authentik_policies.policybinding, identifiers: {target: !KeyOf b1, user: !KeyOf u, order: 1}}
- {model: authentik_policies.policybinding, identifiers: {target: !KeyOf b1, policy: !KeyOf p, order: 2}}
- {model: authentik_policies.policybinding, identifiers: {target: !KeyOf b1, policy: !KeyOf p, order: 3}, attrs: {enabled: false}}
)");
    const GraphNode* gate = d.graph.find_node("stage_0_gate");
    REQUIRE(gate);
    CHECK(gate->label ==
          "Stage policies (binding 10)\nmode any: at least one binding must pass\n"
          "NOT Group admins\nUser ann\nPolicy (Dummy Policy) p");
    CHECK(d.graph.find_node("stage_0_disabled_0") == nullptr);
}

TEST_CASE("--show-disabled draws disabled bindings dashed, tied to what they would guard") {
    const std::string yaml = kFlow + R"(
- {model: authentik_policies.policybinding, identifiers: {target: !KeyOf b2, policy: !KeyOf p, order: 0}, attrs: {enabled: false}}
)";
    const Diagram d = draw(yaml, {DiagramStyle::detailed, DiagramFormat::mermaid, true});
    const GraphNode* disabled = d.graph.find_node("stage_1_disabled_0");
    REQUIRE(disabled);
    CHECK(disabled->mark == NodeMark::disabled);
    CHECK(d.graph.find_node("stage_1_gate") == nullptr);
    CHECK(has_edge(d.graph, "stage_1_disabled_0", "stage_1", "disabled"));
    CHECK(d.text.find("classDef disabled stroke-dasharray") != std::string::npos);
    const Diagram dot = draw(yaml, {DiagramStyle::detailed, DiagramFormat::dot, true});
    CHECK(dot.text.find("\"stage_1_disabled_0\" -> \"stage_1\" [label=\"disabled\", style=dashed, "
                        "arrowhead=none];") != std::string::npos);
}

TEST_CASE("policies never evaluated are drawn apart and do not gate the stage") {
    const Diagram d = draw(kFlow + R"(
- {model: authentik_policies.policybinding, identifiers: {target: !KeyOf b2, policy: !KeyOf p, order: 0}}
- model: authentik_flows.flowstagebinding
  identifiers: {target: !KeyOf flow, stage: !KeyOf s2, order: 20}
  attrs: {evaluate_on_plan: false, re_evaluate_policies: false}
)");
    const GraphNode* gate = d.graph.find_node("stage_1_gate");
    REQUIRE(gate);
    CHECK(gate->mark == NodeMark::never_evaluated);
    CHECK(has_edge(d.graph, "stage_0", "stage_1", "policies never evaluated"));
    CHECK_FALSE(has_edge(d.graph, "stage_1_gate", "done"));
}

TEST_CASE("the authentication requirement and the flow's policies lead to access denied") {
    std::string yaml = kFlow;
    yaml.replace(yaml.find("designation: authentication"), 27,
                 "designation: authentication, authentication: require_superuser");
    const Diagram d = draw(yaml + R"(
- {model: authentik_policies.policybinding, identifiers: {target: !KeyOf flow, policy: !KeyOf p, order: 0}}
)");
    CHECK(has_edge(d.graph, "flow_auth", "denied", "not fulfilled"));
    CHECK(has_edge(d.graph, "flow_auth", "flow_gate", "fulfilled"));
    CHECK(has_edge(d.graph, "flow_gate", "denied", "denied"));
    CHECK(has_edge(d.graph, "flow_gate", "flow_start", "passed"));
}

TEST_CASE("no line of the detailed style starts with an arrow; each is one statement") {
    const Diagram d = draw(kFlow + R"(
- {model: authentik_policies.policybinding, identifiers: {target: !KeyOf b1, policy: !KeyOf p, order: 0}}
)");
    std::size_t start = 0;
    while (start <= d.text.size()) {
        const std::size_t end = std::min(d.text.find('\n', start), d.text.size());
        const std::string line = d.text.substr(start, end - start);
        CHECK_FALSE(line.starts_with("-"));
        start = end + 1;
    }
    CHECK(count_lines(d.text, "\n") + 1 == 1 + d.graph.nodes().size() + d.graph.edges().size());
}

TEST_CASE("Mermaid labels: entity codes keep any name one label on one line") {
    CHECK(mermaid_label("a \"b\" [c] <d>; e|f {g} #h & `i`") ==
          "a #quot;b#quot; #91;c#93; #lt;d#gt;#59; e#124;f #123;g#125; #35;h #amp; #96;i#96;");
    CHECK(mermaid_label("two\nlines\r\nthree\rfour") == "two<br/>lines<br/>three<br/>four");
    CHECK(mermaid_label("tab\there 🎉") == "tab#9;here 🎉");
}

TEST_CASE("Graphviz strings: quotes, backslashes and line breaks escaped") {
    CHECK(dot_string("say \"hi\" \\ <b>\nnext") == "say \\\"hi\\\" \\\\ <b>\\nnext");
}

TEST_CASE("the dot format carries the same nodes and edges as the Mermaid text, in both styles") {
    const std::string yaml = kFlow + R"(
- {model: authentik_policies.policybinding, identifiers: {target: !KeyOf b1, policy: !KeyOf p, order: 0}}
- {model: authentik_policies.policybinding, identifiers: {target: !KeyOf flow, policy: !KeyOf p, order: 0}}
)";
    for (DiagramStyle style : {DiagramStyle::authentik, DiagramStyle::detailed}) {
        const Diagram mermaid = draw(yaml, {style, DiagramFormat::mermaid});
        const Diagram dot = draw(yaml, {style, DiagramFormat::dot});
        CHECK(count_lines(dot.text, " -> ") == mermaid.graph.edges().size());
        // `digraph`, two default attribute lines, the nodes, the edges, `}`.
        CHECK(count_lines(dot.text, "\n") + 1 ==
              4 + mermaid.graph.nodes().size() + mermaid.graph.edges().size());
        for (const GraphNode& node : mermaid.graph.nodes()) {
            CHECK(dot.text.find(fmt::format("\"{}\" [label=\"{}\"", node.id,
                                            dot_string(node.label))) != std::string::npos);
        }
    }
}

TEST_CASE("the authentik style's graph reads a dangling arrow as Mermaid does") {
    // Stage 1 has no policies: its line starts with an arrow, continuing the
    // line before it (stage 0's), so Mermaid draws stage_0 -> stage_1.
    const Diagram d = draw(kFlow + R"(
- {model: authentik_policies.policybinding, identifiers: {target: !KeyOf b1, policy: !KeyOf p, order: 0}}
)",
                           {DiagramStyle::authentik});
    CHECK(d.text.find("\n--> stage_1(") != std::string::npos);
    CHECK(has_edge(d.graph, "stage_0", "stage_1"));
    CHECK(has_edge(d.graph, "stage_0_policy_0", "stage_0", "Policy passed"));
    CHECK(has_edge(d.graph, "stage_0_policy_0", "stage_1", "Policy denied"));
}

TEST_CASE("Markdown: a heading with the flow's name and a fenced mermaid block") {
    const Diagram d = draw(kFlow, {DiagramStyle::detailed, DiagramFormat::markdown});
    CHECK(d.text.starts_with("## F\n\n```mermaid\ngraph TD\n"));
    CHECK(d.text.ends_with("\n```"));
}
