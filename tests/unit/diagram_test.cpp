// Corner cases of authentik's diagram (SPEC 5.1).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "diagram_authentik.h"
#include "test_support.h"

using namespace flowprint;

namespace {

std::string draw(const std::string& yaml, const std::string& slug = "f") {
    BlueprintSet set = testing::load_text(yaml);
    INFO(testing::describe(set.findings));
    REQUIRE_FALSE(set.findings.has_errors());
    FlowIndex index(set.store);
    auto flow = index.flow_by_slug(slug);
    REQUIRE(flow);
    std::string text = render_authentik_diagram(index, *flow).text;
    // The Mermaid parser test (tests/mermaid_check.sh) parses these too.
    if (const char* dump = std::getenv("FLOWPRINT_DIAGRAM_DUMP")) {
        std::filesystem::create_directories(dump);
        static int count = 0;
        std::ofstream(std::filesystem::path(dump) / ("unit-" + std::to_string(++count) + ".mmd"))
            << text << "\n";
    }
    return text;
}

const std::string kHead = R"(version: 1
entries:
- model: authentik_flows.flow
  id: flow
  identifiers: {slug: f}
  attrs: {name: My flow, designation: authentication}
)";

}  // namespace

TEST_CASE("a flow without stages goes straight to the end") {
    CHECK(draw(kHead) ==
          "graph TD\nflow_start[[\"Flow\nMy flow\"]]\nflow_start --> done[[\"End of the flow\"]]");
}

TEST_CASE("an authentication requirement opens the diagram") {
    const std::string yaml = R"(version: 1
entries:
- model: authentik_flows.flow
  identifiers: {slug: f}
  attrs: {name: F, authentication: require_superuser}
)";
    CHECK(draw(yaml) ==
          "graph TD\n"
          "flow_auth_requirement[\"Flow authentication requirement\nrequire_superuser\"]\n"
          "flow_auth_requirement --Requirement not fulfilled--> done[[\"End of the flow\"]]\n"
          "flow_auth_requirement --Requirement fulfilled--> flow_start[\"placeholder\"]\n"
          "flow_start[[\"Flow\nF\"]]\n"
          "flow_start --> done[[\"End of the flow\"]]");
}

TEST_CASE(
    "group and user bindings are left out, disabled policy bindings kept, ties by declaration") {
    const std::string yaml = kHead + R"(- model: authentik_core.group
  id: g
  identifiers: {name: admins}
- model: authentik_core.user
  id: u
  identifiers: {username: ann}
- model: authentik_policies_dummy.dummypolicy
  id: p1
  identifiers: {name: first}
- model: authentik_policies_dummy.dummypolicy
  id: p2
  identifiers: {name: second "quoted"}
- model: authentik_stages_dummy.dummystage
  id: s1
  identifiers: {name: one}
- model: authentik_stages_dummy.dummystage
  id: s2
  identifiers: {name: two}
- model: authentik_flows.flowstagebinding
  id: b2
  identifiers: {target: !KeyOf flow, stage: !KeyOf s2, order: 5}
- model: authentik_flows.flowstagebinding
  id: b1
  identifiers: {target: !KeyOf flow, stage: !KeyOf s1, order: 5}
- model: authentik_policies.policybinding
  identifiers: {target: !KeyOf flow, group: !KeyOf g, order: 0}
- model: authentik_policies.policybinding
  identifiers: {target: !KeyOf flow, policy: !KeyOf p2, order: 3}
  attrs: {enabled: false}
- model: authentik_policies.policybinding
  identifiers: {target: !KeyOf flow, policy: !KeyOf p1, order: 3}
- model: authentik_policies.policybinding
  identifiers: {target: !KeyOf b1, user: !KeyOf u, order: 0}
)";
    CHECK(draw(yaml) ==
          "graph TD\n"
          "flow_pre[[\"Pre-flow policies\"]]\n"
          "flow_pre --Binding 3--> flow_policy_0{{\"Policy (Dummy Policy)\nsecond "
          "#quot;quoted#quot;\"}}\n"
          "flow_pre --Binding 3--> flow_policy_1{{\"Policy (Dummy Policy)\nfirst\"}}\n"
          "flow_policy_0 --Policy denied--> done[[\"End of the flow\"]]\n"
          "flow_policy_1 --Policy denied--> done[[\"End of the flow\"]]\n"
          "flow_policy_0 --> flow_start[[\"Flow\nMy flow\"]]\n"
          "flow_policy_1 --> flow_start[[\"Flow\nMy flow\"]]\n"
          "--> stage_0([\"Stage (Dummy Stage)\ntwo\"])\n"
          "--> stage_1([\"Stage (Dummy Stage)\none\"])\n"
          "stage_1 --> done[[\"End of the flow\"]]");
}
