// The JSON document of a dry run. Field names and order are stable; the
// README lists them. Bump `format_version` when a field changes meaning.
#include <nlohmann/json.hpp>

#include "dry_run_report.h"

namespace flowprint::cli {
namespace {

using Json = nlohmann::ordered_json;

Json text_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json subject_json(const Subject& subject) {
    return Json{{"role", subject_role_name(subject.role)},
                {"username", text_or_null(subject.username)}};
}

Json binding_json(const BindingResult& binding) {
    return Json{
        {"order", binding.order},
        {"kind", binding_kind_name(binding.kind)},
        {"member", binding.member},
        {"member_type", binding.member_type},
        {"enabled", binding.enabled},
        {"negate", binding.negate},
        {"result", binding.result ? Json(verdict_name(*binding.result)) : Json(nullptr)},
        {"failure_result", binding.failure_result},
        {"evaluated_for", subject_json(binding.evaluated_for)},
        {"reason", binding.reason},
    };
}

Json gate_json(const GateResult& gate) {
    Json bindings = Json::array();
    for (const BindingResult& binding : gate.bindings) bindings.push_back(binding_json(binding));
    return Json{
        {"engine_mode", engine_mode_name(gate.engine_mode)},
        {"result", verdict_name(gate.verdict)},
        {"evaluated_for", subject_json(gate.evaluated_for)},
        {"bindings", std::move(bindings)},
    };
}

Json optional_gate(const std::optional<GateResult>& gate) {
    return gate ? gate_json(*gate) : Json(nullptr);
}

Json stage_json(const StageStep& step) {
    return Json{
        {"number", step.number},
        {"order", step.order},
        {"stage", Json{{"name", step.stage_name}, {"type", step.stage_type}}},
        {"identifies_user", step.identifies_user},
        {"check_time", check_time_name(step.check_time)},
        {"outcome", stage_outcome_name(step.outcome)},
        {"decided", decision_name(step.decided)},
        {"reason", step.reason},
        {"at_planning", optional_gate(step.at_planning)},
        {"when_reached", optional_gate(step.when_reached)},
    };
}

Json identity_json(const DryRun& run) {
    const UserIdentity& user = run.identity.user;
    Json groups = Json::array();
    for (const EffectiveGroup& group : user.groups) {
        groups.push_back(Json{
            {"name", group.name},
            {"source", group_source_name(group.source)},
            {"via", text_or_null(group.via)},
            {"depth", group.depth},
            {"defined_in_set", group.defined_in_set},
            {"is_superuser", group.is_superuser},
        });
    }
    return Json{
        {"start", start_mode_name(run.identity.start)},
        {"start_by_designation", run.identity.start_by_designation},
        {"requester", subject_json(run.requester)},
        {"pending_user_from_start", run.identity.pending_user_at_start()},
        {"user", Json{{"username", text_or_null(user.username)},
                      {"defined_in_set", user.object.has_value()},
                      {"is_active", user.is_active},
                      {"superuser", user.superuser},
                      {"superuser_because", text_or_null(user.superuser_because)}}},
        {"groups", std::move(groups)},
    };
}

}  // namespace

std::string format_dry_run_json(const DryRun& run) {
    Json stages = Json::array();
    for (const StageStep& step : run.stages) stages.push_back(stage_json(step));
    Json warnings = Json::array();
    for (const DryRunWarning& warning : run.warnings) {
        warnings.push_back(Json{{"kind", warning.kind}, {"message", warning.message}});
    }
    const Json document{
        {"format_version", 1},
        {"flow", Json{{"slug", run.flow_slug},
                      {"name", run.flow_name},
                      {"designation", run.designation},
                      {"denied_action", run.denied_action}}},
        {"identity", identity_json(run)},
        {"authentication", Json{{"requirement", run.authentication.requirement},
                                {"result", verdict_name(run.authentication.verdict)},
                                {"evaluated_for", subject_json(run.authentication.evaluated_for)},
                                {"reason", run.authentication.reason}}},
        {"flow_gate", gate_json(run.flow_gate)},
        {"stages", std::move(stages)},
        {"outcome",
         Json{{"result", flow_outcome_name(run.outcome)}, {"reason", run.outcome_reason}}},
        {"warnings", std::move(warnings)},
    };
    return document.dump(2) + "\n";
}

}  // namespace flowprint::cli
