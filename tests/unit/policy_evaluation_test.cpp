// Three-valued results of bindings and gates (SPEC 6).
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

#include "flow_index.h"
#include "policy_evaluation.h"
#include "test_support.h"

using namespace flowprint;

namespace {

constexpr Verdict P = Verdict::pass;
constexpr Verdict F = Verdict::fail;
constexpr Verdict U = Verdict::unknown;

/// A flow `f` with one policy of each kind the dry run knows, and a group and
/// a user; the bindings are appended by each test.
const std::string kPolicies = R"(version: 1
entries:
- model: authentik_flows.flow
  id: flow
  identifiers: {slug: f}
  attrs: {name: F, designation: authentication}
- model: authentik_policies_dummy.dummypolicy
  id: yes
  identifiers: {name: always-yes}
  attrs: {result: true}
- model: authentik_policies_dummy.dummypolicy
  id: no
  identifiers: {name: always-no}
- model: authentik_policies_expression.expressionpolicy
  id: expr
  identifiers: {name: some-expression}
  attrs: {expression: return True}
- model: authentik_policies_event_matcher.eventmatcherpolicy
  id: events
  identifiers: {name: match-events}
- model: authentik_policies_reputation.reputationpolicy
  id: rep
  identifiers: {name: bad-reputation}
- model: authentik_policies_reputation.reputationpolicy
  id: rep10
  identifiers: {name: reputation-10}
  attrs: {threshold: 10}
- model: authentik_core.group
  id: staff
  identifiers: {name: staff}
- model: authentik_core.user
  id: ann
  identifiers: {username: ann}
)";

std::string binding(std::string_view member, std::string_view extra = "") {
    return fmt::format(
        "- model: authentik_policies.policybinding\n"
        "  identifiers: {{target: !KeyOf flow, {}, order: 0}}\n"
        "  attrs: {{{}}}\n",
        member, extra);
}

struct Evaluation {
    BlueprintSet set;
    UserIdentity user;
    Assumptions assumptions;

    GateResult gate(const Subject& subject, EngineMode mode = EngineMode::any) {
        FlowIndex index(set.store);
        const auto flow = index.flow_by_slug("f");
        REQUIRE(flow);
        const PolicyContext context{set.store, user, assumptions};
        return evaluate_gate(context, index.policy_bindings(*flow), mode, subject);
    }
};

Evaluation with_bindings(const std::string& bindings) {
    Evaluation evaluation{testing::load_text(kPolicies + bindings), {}, {}};
    INFO(testing::describe(evaluation.set.findings));
    REQUIRE_FALSE(evaluation.set.findings.has_errors());
    return evaluation;
}

const Subject kAnn = Subject::pending("ann");

}  // namespace

TEST_CASE("engine any: pass if any passes, fail if all fail, else unknown") {
    CHECK(combine(std::vector<Verdict>{}, EngineMode::any) == P);
    CHECK(combine(std::vector{P}, EngineMode::any) == P);
    CHECK(combine(std::vector{F}, EngineMode::any) == F);
    CHECK(combine(std::vector{U}, EngineMode::any) == U);
    CHECK(combine(std::vector{F, P}, EngineMode::any) == P);
    CHECK(combine(std::vector{U, P}, EngineMode::any) == P);
    CHECK(combine(std::vector{F, F}, EngineMode::any) == F);
    CHECK(combine(std::vector{F, U}, EngineMode::any) == U);
    CHECK(combine(std::vector{U, U}, EngineMode::any) == U);
}

TEST_CASE("engine all: fail if any fails, pass if all pass, else unknown") {
    CHECK(combine(std::vector<Verdict>{}, EngineMode::all) == P);
    CHECK(combine(std::vector{P}, EngineMode::all) == P);
    CHECK(combine(std::vector{F}, EngineMode::all) == F);
    CHECK(combine(std::vector{U}, EngineMode::all) == U);
    CHECK(combine(std::vector{P, P}, EngineMode::all) == P);
    CHECK(combine(std::vector{P, F}, EngineMode::all) == F);
    CHECK(combine(std::vector{U, F}, EngineMode::all) == F);
    CHECK(combine(std::vector{P, U}, EngineMode::all) == U);
    CHECK(combine(std::vector{U, U}, EngineMode::all) == U);
}

TEST_CASE("negate swaps pass and fail and leaves unknown alone") {
    CHECK(negated(P) == F);
    CHECK(negated(F) == P);
    CHECK(negated(U) == U);
    CHECK(engine_mode_from("ALL") == EngineMode::all);
    CHECK(engine_mode_from("any") == EngineMode::any);
    CHECK(engine_mode_from("") == EngineMode::any);
}

TEST_CASE("gates over real bindings: any/all x pass/fail/unknown x negate") {
    struct Row {
        std::string bindings;
        Verdict any, all;
    };
    const std::vector<Row> rows = {
        {binding("policy: !KeyOf yes"), P, P},
        {binding("policy: !KeyOf no"), F, F},
        {binding("policy: !KeyOf expr"), U, U},
        {binding("policy: !KeyOf yes", "negate: true"), F, F},
        {binding("policy: !KeyOf no", "negate: true"), P, P},
        {binding("policy: !KeyOf expr", "negate: true"), U, U},
        {binding("policy: !KeyOf yes") + binding("policy: !KeyOf no"), P, F},
        {binding("policy: !KeyOf yes") + binding("policy: !KeyOf expr"), P, U},
        {binding("policy: !KeyOf no") + binding("policy: !KeyOf expr"), U, F},
        {binding("policy: !KeyOf no") + binding("policy: !KeyOf expr", "negate: true"), U, F},
        {binding("policy: !KeyOf no", "negate: true") + binding("policy: !KeyOf yes"), P, P},
        {binding("policy: !KeyOf yes", "negate: true") + binding("policy: !KeyOf no"), F, F},
    };
    for (const Row& row : rows) {
        CAPTURE(row.bindings);
        Evaluation evaluation = with_bindings(row.bindings);
        CHECK(evaluation.gate(kAnn, EngineMode::any).verdict == row.any);
        CHECK(evaluation.gate(kAnn, EngineMode::all).verdict == row.all);
    }
}

TEST_CASE("an empty gate passes, and disabled bindings are skipped") {
    CHECK(with_bindings("").gate(kAnn).verdict == P);
    Evaluation evaluation = with_bindings(binding("policy: !KeyOf no", "enabled: false") +
                                          binding("policy: !KeyOf expr", "enabled: false"));
    const GateResult gate = evaluation.gate(kAnn, EngineMode::all);
    CHECK(gate.verdict == P);
    REQUIRE(gate.bindings.size() == 2);
    CHECK_FALSE(gate.bindings[0].enabled);
    CHECK_FALSE(gate.bindings[0].result.has_value());
    CHECK(gate.bindings[0].reason == "disabled: not evaluated");

    evaluation = with_bindings(binding("policy: !KeyOf no", "enabled: false") +
                               binding("policy: !KeyOf yes"));
    CHECK(evaluation.gate(kAnn, EngineMode::all).verdict == P);
}

TEST_CASE("an unknown result keeps the binding's failure_result") {
    Evaluation evaluation = with_bindings(binding("policy: !KeyOf expr", "failure_result: true"));
    const GateResult gate = evaluation.gate(kAnn);
    REQUIRE(gate.bindings.size() == 1);
    CHECK(gate.bindings[0].result == U);
    CHECK(gate.bindings[0].failure_result);
    CHECK(gate.bindings[0].member == "some-expression");
    CHECK(gate.bindings[0].member_type == "Expression Policy");
}

TEST_CASE("--assume decides a policy by name") {
    Evaluation evaluation = with_bindings(binding("policy: !KeyOf expr"));
    evaluation.assumptions.results["some-expression"] = F;
    GateResult gate = evaluation.gate(kAnn);
    CHECK(gate.verdict == F);
    CHECK(gate.bindings[0].reason == "assumed fail (--assume)");
    evaluation.assumptions.results["some-expression"] = P;
    CHECK(evaluation.gate(kAnn).verdict == P);
    const auto names = assumable_policy_names(evaluation.set.store);
    CHECK(std::find(names.begin(), names.end(), "some-expression") != names.end());
    CHECK(std::find(names.begin(), names.end(), "staff") == names.end());
}

TEST_CASE("reputation policies compare --reputation with their threshold") {
    Evaluation evaluation = with_bindings(binding("policy: !KeyOf rep"));
    CHECK(evaluation.gate(kAnn).verdict == F);  // 0 > -5: a clean visitor
    evaluation.assumptions.reputation = -5;
    CHECK(evaluation.gate(kAnn).verdict == P);
    evaluation.assumptions.reputation = -20;
    CHECK(evaluation.gate(kAnn).verdict == P);
    CHECK(evaluation.gate(kAnn).bindings[0].reason == "reputation -20 is at most the threshold -5");

    evaluation = with_bindings(binding("policy: !KeyOf rep10"));
    CHECK(evaluation.gate(kAnn).verdict == P);
    evaluation.assumptions.reputation = 11;
    CHECK(evaluation.gate(kAnn).verdict == F);
}

TEST_CASE("an event matcher policy fails inside a flow") {
    Evaluation evaluation = with_bindings(binding("policy: !KeyOf events"));
    CHECK(evaluation.gate(kAnn).verdict == F);
    evaluation = with_bindings(binding("policy: !KeyOf events", "negate: true"));
    CHECK(evaluation.gate(kAnn).verdict == P);
}

TEST_CASE("group bindings check effective groups; the anonymous requester is in none") {
    Evaluation evaluation = with_bindings(binding("group: !KeyOf staff"));
    CHECK(evaluation.gate(kAnn).verdict == F);
    EffectiveGroup staff;
    staff.name = "staff";
    evaluation.user.groups.push_back(staff);
    CHECK(evaluation.gate(kAnn).verdict == P);
    const GateResult anonymous = evaluation.gate(Subject::anonymous_requester());
    CHECK(anonymous.verdict == F);
    CHECK(anonymous.bindings[0].reason == "the anonymous requester is in no group");
    CHECK(anonymous.bindings[0].evaluated_for.anonymous());
}

TEST_CASE("user bindings pass only for the user defined in the set they refer to") {
    Evaluation evaluation = with_bindings(binding("user: !KeyOf ann"));
    GateResult gate = evaluation.gate(kAnn);
    CHECK(gate.verdict == P);
    CHECK(gate.bindings[0].member == "ann");
    CHECK(gate.bindings[0].kind == BindingKind::user);
    CHECK(evaluation.gate(Subject::pending("bob")).verdict == F);
    CHECK(evaluation.gate(Subject::logged_in("ann")).verdict == P);
    CHECK(evaluation.gate(Subject::anonymous_requester()).verdict == F);
    CHECK(evaluation.gate(Subject::pending("")).verdict == U);

    evaluation = with_bindings(binding("user: !KeyOf ann", "negate: true"));
    CHECK(evaluation.gate(kAnn).verdict == F);
    CHECK(evaluation.gate(Subject::pending("bob")).verdict == P);
}

TEST_CASE("a policy the set does not define is unknown unless assumed") {
    Evaluation evaluation = with_bindings(
        binding("policy: !Find [authentik_policies_expression.expressionpolicy, [name, remote]]"));
    CHECK(evaluation.gate(kAnn).verdict == U);
    const auto names = assumable_policy_names(evaluation.set.store);
    CHECK(std::find(names.begin(), names.end(), "remote") != names.end());
    evaluation.assumptions.results["remote"] = P;
    CHECK(evaluation.gate(kAnn).verdict == P);
}
