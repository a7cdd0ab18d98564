#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "flow_index.h"
#include "identity.h"
#include "policy_evaluation.h"

namespace flowprint {

/// What a dry run is asked: who, and what the command line assumes.
struct DryRunRequest {
    IdentityRequest identity;
    Assumptions assumptions;
};

/// The flow's authentication requirement, checked for the requester.
struct AuthenticationCheck {
    std::string requirement;  ///< none, require_authenticated, ...
    Verdict verdict = Verdict::pass;
    Subject evaluated_for;
    std::string reason;
};

/// When a stage binding's policies are checked (SPEC 4, 6).
enum class CheckTime { at_planning, when_reached, both, never };
std::string_view check_time_name(CheckTime time);

enum class StageOutcome { planned, skipped, conditional };
std::string_view stage_outcome_name(StageOutcome outcome);

/// The moment a stage's outcome was settled.
enum class Decision { at_planning, when_reached, at_planning_and_when_reached, not_checked };
std::string_view decision_name(Decision decision);

/// One stage binding of the flow, in order: what it runs, when its policies
/// are checked, for whom, and what came of it.
struct StageStep {
    std::size_t number = 0;  ///< 1-based position in the flow
    ObjectId binding = 0;
    Location location;
    std::int64_t order = 0;
    std::string stage_type;  ///< the stage's display name
    std::string stage_name;
    bool identifies_user = false;  ///< identification, source or user write stage
    CheckTime check_time = CheckTime::when_reached;
    std::optional<GateResult> at_planning;
    std::optional<GateResult> when_reached;
    StageOutcome outcome = StageOutcome::planned;
    Decision decided = Decision::not_checked;
    std::string reason;
};

/// Something the reader should know about this run, with a stable id.
struct DryRunWarning {
    std::string kind;  ///< never-evaluated, anonymous-binding, empty-plan, flow-denied, ...
    std::string message;
};

/// How the run ends as a whole.
enum class FlowOutcome { runs, conditional, empty, denied };
std::string_view flow_outcome_name(FlowOutcome outcome);

/// The plain result of a dry run (SPEC 6): who asked, the authentication and
/// flow-gate verdicts, the plan and the warnings. Formatting is the CLI's job.
struct DryRun {
    std::string flow_slug;
    std::string flow_name;
    std::string designation;
    std::string denied_action;
    Identity identity;
    Subject requester;
    std::optional<Subject> pending_user_at_start;
    AuthenticationCheck authentication;
    GateResult flow_gate;
    std::vector<StageStep> stages;  ///< empty when the flow is denied
    FlowOutcome outcome = FlowOutcome::runs;
    std::string outcome_reason;
    std::vector<DryRunWarning> warnings;
};

/// Stage models after which authentik knows who the pending user is.
bool stage_identifies_user(std::string_view model);

/// Plans `flow` for the request, as authentik's planner and executor would.
DryRun plan_dry_run(const FlowIndex& index, ObjectId flow, const DryRunRequest& request);

}  // namespace flowprint
