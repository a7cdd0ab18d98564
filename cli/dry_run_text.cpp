// The text report of a dry run.
#include <fmt/format.h>

#include <algorithm>

#include "dry_run_report.h"

namespace flowprint::cli {
namespace {

std::string subject_text(const Subject& subject) {
    switch (subject.role) {
        case Subject::Role::anonymous: return "the anonymous requester";
        case Subject::Role::requester:
            return subject.username.empty() ? "the logged-in requester"
                                            : "requester " + subject.username;
        case Subject::Role::pending_user:
            return subject.username.empty() ? "the pending user"
                                            : "pending user " + subject.username;
    }
    return "the anonymous requester";
}

std::string user_name(const UserIdentity& user) {
    return user.username.empty() ? std::string("the user (no --user)") : user.username;
}

std::string start_text(const DryRun& run) {
    const Identity& identity = run.identity;
    const std::string_view mode = start_mode_name(identity.start);
    if (!identity.start_by_designation) return fmt::format("{} (--{})", mode, mode);
    const std::string designation = run.designation.empty() ? "(none)" : run.designation;
    return identity.start == StartMode::anonymous
               ? fmt::format(
                     "anonymous, assumed from the designation {}; change it with "
                     "--authenticated or --via-source",
                     designation)
               : fmt::format(
                     "authenticated, assumed from the designation {}; change it with "
                     "--anonymous or --via-source",
                     designation);
}

std::string pending_text(const DryRun& run) {
    const std::string name = user_name(run.identity.user);
    switch (run.identity.start) {
        case StartMode::anonymous:
            return name +
                   ", once a stage has identified them (identification, source or "
                   "user write)";
        case StartMode::authenticated: return name + ", from the start (the requester)";
        case StartMode::via_source: return name + ", from the start (brought by the source)";
    }
    return name;
}

std::string group_origin(const EffectiveGroup& group, const UserIdentity& user) {
    std::string origin;
    switch (group.source) {
        case GroupSource::option: origin = "direct (--group)"; break;
        case GroupSource::user_groups:
            origin = fmt::format("direct ({}'s groups in the set)", user.username);
            break;
        case GroupSource::group_users:
            origin = fmt::format("direct (the group's users in the set list {})", user.username);
            break;
        case GroupSource::ancestor: origin = "parent of " + group.via; break;
    }
    if (!group.defined_in_set) origin += ", not defined in the set";
    if (group.is_superuser) origin += ", is_superuser";
    return origin;
}

std::string binding_text(const BindingResult& binding) {
    std::string attributes = binding.kind == BindingKind::policy ? binding.member_type + ", " : "";
    attributes += fmt::format("order {}", binding.order);
    if (binding.negate) attributes += ", negated";
    if (!binding.enabled) {
        return fmt::format("- {} {} ({}, disabled): not evaluated", binding_kind_name(binding.kind),
                           binding.member, attributes);
    }
    std::string line = fmt::format("- {} {} ({}): {} for {}: {}", binding_kind_name(binding.kind),
                                   binding.member, attributes, verdict_name(*binding.result),
                                   subject_text(binding.evaluated_for), binding.reason);
    if (*binding.result == Verdict::unknown) {
        line += fmt::format(" (failure_result {} applies if the policy errors)",
                            binding.failure_result ? "True" : "False");
    }
    return line;
}

void append_gate(std::string& out, std::string_view when, const GateResult& gate,
                 std::string_view indent) {
    if (gate.bindings.empty()) return;
    out += fmt::format("{}{}, for {} (engine {}): {}\n", indent, when,
                       subject_text(gate.evaluated_for), engine_mode_name(gate.engine_mode),
                       verdict_name(gate.verdict));
    for (const BindingResult& binding : gate.bindings) {
        out += fmt::format("{}  {}\n", indent, binding_text(binding));
    }
}

std::string_view decided_text(Decision decision) {
    switch (decision) {
        case Decision::at_planning: return "at planning";
        case Decision::when_reached: return "when reached";
        case Decision::at_planning_and_when_reached: return "at planning and when reached";
        case Decision::not_checked: return "never checked";
    }
    return "";
}

void append_stage(std::string& out, const StageStep& step) {
    out +=
        fmt::format("  {}. {:<11} {} ({}, order {})\n", step.number,
                    stage_outcome_name(step.outcome), step.stage_name, step.stage_type, step.order);
    out += fmt::format("     decided {}: {}\n", decided_text(step.decided), step.reason);
    if (step.at_planning) append_gate(out, "checked at planning", *step.at_planning, "     ");
    if (step.when_reached) append_gate(out, "checked when reached", *step.when_reached, "     ");
    if (step.check_time == CheckTime::never) {
        out +=
            "     evaluate_on_plan and re_evaluate_policies are both false: bound policies "
            "are never evaluated\n";
    }
}

}  // namespace

std::string format_dry_run_text(const DryRun& run) {
    const Identity& identity = run.identity;
    const UserIdentity& user = identity.user;
    std::string out;
    out += fmt::format("flow: {} ({}), designation {}\n", run.flow_slug, run.flow_name,
                       run.designation.empty() ? "(none)" : run.designation);
    out += fmt::format("start: {}\n", start_text(run));
    out += fmt::format("requester: {}\n", run.requester.anonymous()
                                              ? "anonymous (no session)"
                                              : user_name(user) + " (logged in)");
    out += fmt::format("pending user: {}\n", pending_text(run));
    std::string user_line = user.username.empty() ? "no --user"
                            : user.object         ? user.username + ", defined in the set"
                                                  : user.username + ", not defined in the set";
    if (user.object && !user.is_active) user_line += ", inactive";
    user_line += user.superuser ? fmt::format("; superuser ({})", user.superuser_because)
                                : "; not a superuser";
    out += fmt::format("user: {}\n", user_line);
    if (user.groups.empty()) {
        out += "effective groups: none\n";
    } else {
        out += "effective groups:\n";
        std::size_t width = 0;
        for (const EffectiveGroup& group : user.groups) width = std::max(width, group.name.size());
        for (const EffectiveGroup& group : user.groups) {
            out += fmt::format("  {:<{}}  {}\n", group.name, width, group_origin(group, user));
        }
    }

    out += "\n";
    out += fmt::format("authentication requirement {}: {} for {}: {}\n",
                       run.authentication.requirement, verdict_name(run.authentication.verdict),
                       subject_text(run.authentication.evaluated_for), run.authentication.reason);
    if (run.flow_gate.bindings.empty()) out += "flow gate: pass (no policies bound to the flow)\n";
    append_gate(out, "flow gate", run.flow_gate, "");
    if (run.flow_gate.verdict == Verdict::fail) {
        out += fmt::format("  denied_action: {}\n", run.denied_action);
    }

    out += "\n";
    if (run.outcome == FlowOutcome::denied) {
        out += "plan: none, the flow is denied\n";
    } else if (run.stages.empty()) {
        out += "plan: no stage bindings\n";
    } else {
        out += "plan:\n";
        for (const StageStep& step : run.stages) append_stage(out, step);
    }
    out += fmt::format("\nresult: {}, {}\n", flow_outcome_name(run.outcome), run.outcome_reason);
    for (const DryRunWarning& warning : run.warnings) {
        out += fmt::format("warning: {} [{}]\n", warning.message, warning.kind);
    }
    return out;
}

}  // namespace flowprint::cli
