// The dry-run planner: who is evaluated when, and what each stage becomes (SPEC 6).
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

#include "planner.h"
#include "test_support.h"

using namespace flowprint;

namespace {

/// A login flow opened anonymously by default: identification, then an MFA
/// stage, then the login. `mia` is in `members`, `sam` in nothing.
std::string login_flow(std::string_view flow_attrs, std::string_view mfa_flags,
                       std::string_view bindings) {
    return fmt::format(R"(version: 1
entries:
- model: authentik_core.group
  id: members
  identifiers: {{name: members}}
- model: authentik_core.group
  id: admins
  identifiers: {{name: admins}}
  attrs: {{is_superuser: true}}
- model: authentik_core.user
  id: mia
  identifiers: {{username: mia}}
  attrs: {{groups: [!KeyOf members]}}
- model: authentik_core.user
  id: sam
  identifiers: {{username: sam}}
- model: authentik_flows.flow
  id: flow
  identifiers: {{slug: f}}
  attrs: {{name: Login, designation: authentication{}}}
- model: authentik_stages_identification.identificationstage
  id: ident
  identifiers: {{name: ident}}
- model: authentik_stages_dummy.dummystage
  id: mfa
  identifiers: {{name: mfa}}
- model: authentik_stages_user_login.userloginstage
  id: login
  identifiers: {{name: login}}
- model: authentik_flows.flowstagebinding
  id: ident-binding
  identifiers: {{target: !KeyOf flow, stage: !KeyOf ident, order: 10}}
- model: authentik_flows.flowstagebinding
  id: mfa-binding
  identifiers: {{target: !KeyOf flow, stage: !KeyOf mfa, order: 20}}
  attrs: {{{}}}
- model: authentik_flows.flowstagebinding
  id: login-binding
  identifiers: {{target: !KeyOf flow, stage: !KeyOf login, order: 30}}
- model: authentik_policies_dummy.dummypolicy
  id: yes
  identifiers: {{name: yes}}
  attrs: {{result: true}}
- model: authentik_policies_expression.expressionpolicy
  id: expr
  identifiers: {{name: expr}}
  attrs: {{expression: return True}}
{})",
                       flow_attrs, mfa_flags, bindings);
}

DryRun dry_run(const std::string& yaml, const DryRunRequest& request) {
    BlueprintSet set = testing::load_text(yaml);
    INFO(testing::describe(set.findings));
    REQUIRE_FALSE(set.findings.has_errors());
    FlowIndex index(set.store);
    const auto flow = index.flow_by_slug("f");
    REQUIRE(flow);
    return plan_dry_run(index, *flow, request);
}

DryRunRequest as(std::string user, std::optional<StartMode> start = std::nullopt) {
    DryRunRequest request;
    request.identity.username = std::move(user);
    request.identity.start = start;
    return request;
}

std::vector<StageOutcome> outcomes(const DryRun& run) {
    std::vector<StageOutcome> out;
    for (const StageStep& step : run.stages) out.push_back(step.outcome);
    return out;
}

bool has_warning(const DryRun& run, std::string_view kind) {
    return std::any_of(run.warnings.begin(), run.warnings.end(),
                       [&](const DryRunWarning& w) { return w.kind == kind; });
}

const std::string kGroupOnFlow =
    "- model: authentik_policies.policybinding\n"
    "  identifiers: {target: !KeyOf flow, group: !KeyOf members, order: 0}\n";
const std::string kGroupOnMfa =
    "- model: authentik_policies.policybinding\n"
    "  identifiers: {target: !KeyOf mfa-binding, group: !KeyOf members, order: 0}\n";

constexpr auto planned = StageOutcome::planned;
constexpr auto skipped = StageOutcome::skipped;
constexpr auto conditional = StageOutcome::conditional;

}  // namespace

TEST_CASE("opened anonymously, a group bound to the flow denies even a member") {
    const DryRun run = dry_run(login_flow("", "", kGroupOnFlow), as("mia"));
    CHECK(run.identity.start == StartMode::anonymous);
    CHECK(run.identity.start_by_designation);
    CHECK(run.flow_gate.verdict == Verdict::fail);
    CHECK(run.flow_gate.evaluated_for.anonymous());
    CHECK(run.outcome == FlowOutcome::denied);
    CHECK(run.stages.empty());
    CHECK(run.denied_action == "message_continue");
    CHECK(has_warning(run, "flow-denied"));
    CHECK(has_warning(run, "anonymous-binding"));
}

TEST_CASE("opened anonymously, a group checked at planning skips the stage for a member") {
    const DryRun run =
        dry_run(login_flow("", "evaluate_on_plan: true, re_evaluate_policies: false", kGroupOnMfa),
                as("mia"));
    CHECK(outcomes(run) == std::vector{planned, skipped, planned});
    const StageStep& mfa = run.stages[1];
    CHECK(mfa.check_time == CheckTime::at_planning);
    CHECK(mfa.decided == Decision::at_planning);
    REQUIRE(mfa.at_planning);
    CHECK(mfa.at_planning->evaluated_for.anonymous());
    CHECK(mfa.at_planning->bindings[0].result == Verdict::fail);
    CHECK_FALSE(mfa.when_reached);
    CHECK(has_warning(run, "anonymous-binding"));
}

TEST_CASE("opened anonymously, the same group checked when reached plans the stage for a member") {
    const DryRun run =
        dry_run(login_flow("", "evaluate_on_plan: false, re_evaluate_policies: true", kGroupOnMfa),
                as("mia"));
    CHECK(outcomes(run) == std::vector{planned, planned, planned});
    const StageStep& mfa = run.stages[1];
    CHECK(mfa.decided == Decision::when_reached);
    REQUIRE(mfa.when_reached);
    CHECK(mfa.when_reached->evaluated_for.role == Subject::Role::pending_user);
    CHECK(mfa.when_reached->evaluated_for.username == "mia");
    CHECK(mfa.when_reached->bindings[0].reason == "mia is a member of members");
    CHECK_FALSE(has_warning(run, "anonymous-binding"));

    const DryRun other =
        dry_run(login_flow("", "evaluate_on_plan: false, re_evaluate_policies: true", kGroupOnMfa),
                as("sam"));
    CHECK(outcomes(other) == std::vector{planned, skipped, planned});
    CHECK(other.stages[1].decided == Decision::when_reached);
}

TEST_CASE("authenticated or via a source, a member passes all three") {
    for (StartMode start : {StartMode::authenticated, StartMode::via_source}) {
        CAPTURE(start_mode_name(start));
        DryRun run = dry_run(login_flow("", "", kGroupOnFlow), as("mia", start));
        CHECK(run.flow_gate.verdict == Verdict::pass);
        CHECK(run.flow_gate.evaluated_for.username == "mia");
        CHECK(outcomes(run) == std::vector{planned, planned, planned});

        run = dry_run(
            login_flow("", "evaluate_on_plan: true, re_evaluate_policies: false", kGroupOnMfa),
            as("mia", start));
        CHECK(outcomes(run) == std::vector{planned, planned, planned});
        CHECK(run.stages[1].at_planning->evaluated_for.role == Subject::Role::pending_user);

        run = dry_run(
            login_flow("", "evaluate_on_plan: false, re_evaluate_policies: true", kGroupOnMfa),
            as("mia", start));
        CHECK(outcomes(run) == std::vector{planned, planned, planned});
        CHECK_FALSE(has_warning(run, "anonymous-binding"));
    }
    const DryRun source =
        dry_run(login_flow("", "", kGroupOnFlow), as("mia", StartMode::via_source));
    CHECK(source.requester.anonymous());
    const DryRun logged_in =
        dry_run(login_flow("", "", kGroupOnFlow), as("mia", StartMode::authenticated));
    CHECK(logged_in.requester.role == Subject::Role::requester);
}

TEST_CASE("a binding checked when reached before any identification sees the anonymous requester") {
    const std::string yaml = login_flow(
        "", "",
        "- model: authentik_policies.policybinding\n"
        "  identifiers: {target: !KeyOf ident-binding, group: !KeyOf members, order: 0}\n");
    const DryRun run = dry_run(yaml, as("mia"));
    CHECK(outcomes(run) == std::vector{skipped, planned, planned});
    CHECK(run.stages[0].when_reached->evaluated_for.anonymous());
    CHECK(has_warning(run, "anonymous-binding"));
}

TEST_CASE("each authentication requirement") {
    struct Row {
        std::string requirement;
        StartMode start;
        bool superuser;
        Verdict expected;
    };
    const std::vector<Row> rows = {
        {"none", StartMode::anonymous, false, Verdict::pass},
        {"none", StartMode::authenticated, false, Verdict::pass},
        {"require_authenticated", StartMode::anonymous, false, Verdict::fail},
        {"require_authenticated", StartMode::via_source, false, Verdict::fail},
        {"require_authenticated", StartMode::authenticated, false, Verdict::pass},
        {"require_unauthenticated", StartMode::anonymous, false, Verdict::pass},
        {"require_unauthenticated", StartMode::via_source, false, Verdict::pass},
        {"require_unauthenticated", StartMode::authenticated, false, Verdict::fail},
        {"require_superuser", StartMode::anonymous, true, Verdict::fail},
        {"require_superuser", StartMode::authenticated, false, Verdict::fail},
        {"require_superuser", StartMode::authenticated, true, Verdict::pass},
        {"require_redirect", StartMode::authenticated, false, Verdict::unknown},
        {"require_outpost", StartMode::anonymous, false, Verdict::unknown},
    };
    for (const Row& row : rows) {
        CAPTURE(row.requirement);
        CAPTURE(start_mode_name(row.start));
        DryRunRequest request = as("mia", row.start);
        request.identity.superuser = row.superuser;
        const DryRun run =
            dry_run(login_flow(", authentication: " + row.requirement, "", ""), request);
        CHECK(run.authentication.verdict == row.expected);
        CHECK(run.authentication.evaluated_for.anonymous() ==
              (row.start != StartMode::authenticated));
        CHECK((run.outcome == FlowOutcome::denied) == (row.expected == Verdict::fail));
        if (row.expected == Verdict::unknown) CHECK(run.outcome == FlowOutcome::conditional);
    }
}

TEST_CASE("require_superuser passes for a member of a superuser group") {
    DryRunRequest request = as("mia", StartMode::authenticated);
    request.identity.groups = {"admins"};
    const DryRun run = dry_run(login_flow(", authentication: require_superuser", "", ""), request);
    CHECK(run.authentication.verdict == Verdict::pass);
    CHECK(run.authentication.reason == "mia is a superuser (group admins)");
}

TEST_CASE("--assume redirect= and outpost= decide those requirements") {
    DryRunRequest request = as("mia", StartMode::authenticated);
    request.assumptions.results["redirect"] = Verdict::pass;
    CHECK(dry_run(login_flow(", authentication: require_redirect", "", ""), request)
              .authentication.verdict == Verdict::pass);
    request.assumptions.results["outpost"] = Verdict::fail;
    const DryRun run = dry_run(login_flow(", authentication: require_outpost", "", ""), request);
    CHECK(run.authentication.verdict == Verdict::fail);
    CHECK(run.outcome == FlowOutcome::denied);
}

TEST_CASE("both evaluation flags false: always planned, policies never evaluated, warned") {
    const std::string bindings =
        "- model: authentik_policies.policybinding\n"
        "  identifiers: {target: !KeyOf mfa-binding, group: !KeyOf admins, order: 0}\n";
    const DryRun run =
        dry_run(login_flow("", "evaluate_on_plan: false, re_evaluate_policies: false", bindings),
                as("mia"));
    CHECK(outcomes(run) == std::vector{planned, planned, planned});
    CHECK(run.stages[1].check_time == CheckTime::never);
    CHECK(run.stages[1].decided == Decision::not_checked);
    CHECK_FALSE(run.stages[1].at_planning);
    CHECK_FALSE(run.stages[1].when_reached);
    CHECK(has_warning(run, "never-evaluated"));
}

TEST_CASE("both evaluation flags true: both checks must pass") {
    const std::string flags = "evaluate_on_plan: true, re_evaluate_policies: true";
    const std::string expr =
        "- model: authentik_policies.policybinding\n"
        "  identifiers: {target: !KeyOf mfa-binding, policy: !KeyOf expr, order: 0}\n";
    // Checked twice: the group fails at planning for the anonymous requester.
    DryRun run = dry_run(login_flow("", flags, kGroupOnMfa), as("mia"));
    CHECK(run.stages[1].check_time == CheckTime::both);
    CHECK(run.stages[1].outcome == skipped);
    CHECK(run.stages[1].decided == Decision::at_planning);
    REQUIRE(run.stages[1].when_reached);
    CHECK(run.stages[1].when_reached->verdict == Verdict::pass);

    run = dry_run(login_flow("", flags, kGroupOnMfa), as("mia", StartMode::authenticated));
    CHECK(run.stages[1].outcome == planned);
    CHECK(run.stages[1].decided == Decision::at_planning_and_when_reached);

    run = dry_run(login_flow("", flags, expr), as("mia"));
    CHECK(run.stages[1].outcome == conditional);
    CHECK(run.stages[1].decided == Decision::at_planning_and_when_reached);

    DryRunRequest request = as("mia");
    request.assumptions.results["expr"] = Verdict::pass;
    run = dry_run(login_flow("", flags, expr), request);
    CHECK(run.stages[1].outcome == planned);
    CHECK(run.outcome == FlowOutcome::runs);
}

TEST_CASE("an unknown flow gate makes the whole plan conditional") {
    const std::string expr =
        "- model: authentik_policies.policybinding\n"
        "  identifiers: {target: !KeyOf flow, policy: !KeyOf expr, order: 0}\n";
    const DryRun run = dry_run(login_flow("", "", expr), as("mia"));
    CHECK(run.flow_gate.verdict == Verdict::unknown);
    CHECK(outcomes(run) == std::vector{planned, planned, planned});
    CHECK(run.outcome == FlowOutcome::conditional);
}

TEST_CASE("a denied flow reports its denied_action") {
    const std::string no =
        "- model: authentik_policies.policybinding\n"
        "  identifiers: {target: !KeyOf flow, policy: !KeyOf yes, order: 0}\n"
        "  attrs: {negate: true}\n";
    const DryRun run = dry_run(login_flow(", denied_action: continue", "", no), as("mia"));
    CHECK(run.outcome == FlowOutcome::denied);
    CHECK(run.denied_action == "continue");
    const auto denied =
        std::find_if(run.warnings.begin(), run.warnings.end(),
                     [](const DryRunWarning& w) { return w.kind == "flow-denied"; });
    REQUIRE(denied != run.warnings.end());
    CHECK(denied->message.find("denied_action is continue") != std::string::npos);
}

TEST_CASE("an empty plan ends the flow at once; for an authentication flow nobody is logged in") {
    const std::string all_skipped =
        "- model: authentik_policies.policybinding\n"
        "  identifiers: {target: !KeyOf ident-binding, policy: !KeyOf yes, order: 0}\n"
        "  attrs: {negate: true}\n"
        "- model: authentik_policies.policybinding\n"
        "  identifiers: {target: !KeyOf mfa-binding, policy: !KeyOf yes, order: 0}\n"
        "  attrs: {negate: true}\n"
        "- model: authentik_policies.policybinding\n"
        "  identifiers: {target: !KeyOf login-binding, policy: !KeyOf yes, order: 0}\n"
        "  attrs: {negate: true}\n";
    const DryRun run = dry_run(login_flow("", "", all_skipped), as("mia"));
    CHECK(outcomes(run) == std::vector{skipped, skipped, skipped});
    CHECK(run.outcome == FlowOutcome::empty);
    const auto empty = std::find_if(run.warnings.begin(), run.warnings.end(),
                                    [](const DryRunWarning& w) { return w.kind == "empty-plan"; });
    REQUIRE(empty != run.warnings.end());
    CHECK(empty->message.find("nobody is logged in") != std::string::npos);
}

TEST_CASE("after a conditional identification, a group check when reached is unknown") {
    const std::string yaml = login_flow(
        "", "",
        "- model: authentik_policies.policybinding\n"
        "  identifiers: {target: !KeyOf ident-binding, policy: !KeyOf expr, order: 0}\n" +
            kGroupOnMfa);
    const DryRun run = dry_run(yaml, as("mia"));
    CHECK(outcomes(run) == std::vector{conditional, conditional, planned});
    CHECK(run.stages[1].when_reached->verdict == Verdict::unknown);
}
