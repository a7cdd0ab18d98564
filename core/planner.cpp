#include "planner.h"

#include <fmt/format.h>

#include "catalogue.h"

namespace flowprint {
namespace {

std::string text_field(const StoredObject& object, std::string_view field) {
    const auto value = field_or_default(object, field);
    return value && !value->is_null() ? python_str(*value) : std::string();
}

std::string who(const Subject& subject) {
    if (subject.anonymous()) return "the anonymous requester";
    return subject.username.empty() ? std::string("the user") : subject.username;
}

AuthenticationCheck check_authentication(const std::string& requirement, const Identity& identity,
                                         const Subject& requester, const Assumptions& assumptions) {
    AuthenticationCheck check{requirement, Verdict::pass, requester, ""};
    const bool logged_in = !requester.anonymous();
    auto decide = [&](bool passes, std::string reason) {
        check.verdict = passes ? Verdict::pass : Verdict::fail;
        check.reason = std::move(reason);
    };
    auto assumed = [&](std::string_view key, std::string_view what) {
        if (auto verdict = assumptions.find(key)) {
            check.verdict = *verdict;
            check.reason = fmt::format("assumed {} (--assume {}={})", verdict_name(*verdict), key,
                                       verdict_name(*verdict));
            return;
        }
        check.verdict = Verdict::unknown;
        check.reason = fmt::format("{} is known only at runtime; decide with --assume {}=pass|fail",
                                   what, key);
    };
    if (requirement == "none") {
        decide(true, "the flow has no requirement");
    } else if (requirement == "require_authenticated") {
        decide(logged_in, logged_in ? who(requester) + " is logged in"
                                    : "the requester is anonymous, not logged in");
    } else if (requirement == "require_unauthenticated") {
        decide(!logged_in,
               logged_in ? who(requester) + " is logged in" : "the requester is anonymous");
    } else if (requirement == "require_superuser") {
        if (!logged_in) {
            decide(false, "the requester is anonymous, not a superuser");
        } else if (identity.user.superuser) {
            decide(true, fmt::format("{} is a superuser ({})", who(requester),
                                     identity.user.superuser_because));
        } else {
            decide(false, who(requester) + " is not a superuser");
        }
    } else if (requirement == "require_redirect") {
        assumed("redirect", "whether the flow is opened through a redirect");
    } else if (requirement == "require_outpost") {
        assumed("outpost", "whether the request comes from an outpost");
    } else {
        check.verdict = Verdict::unknown;
        check.reason = fmt::format("flowprint does not know the requirement '{}'", requirement);
    }
    return check;
}

/// Warns about group and user bindings checked for the anonymous requester:
/// their result is the same for everybody.
void warn_anonymous_bindings(const GateResult& gate, std::string_view where, std::string_view when,
                             std::vector<DryRunWarning>& warnings) {
    if (!gate.evaluated_for.anonymous()) return;
    for (const BindingResult& binding : gate.bindings) {
        if (!binding.enabled) continue;
        if (binding.kind != BindingKind::group && binding.kind != BindingKind::user) continue;
        warnings.push_back(
            {"anonymous-binding",
             fmt::format("the {} binding to {} on {} is evaluated for the anonymous requester "
                         "({}), so it {} for everybody",
                         binding_kind_name(binding.kind), binding.member, where, when,
                         binding.negate ? "passes" : "fails")});
    }
}

std::string denied_action_meaning(std::string_view action) {
    if (action == "message") return "authentik shows an access-denied message";
    if (action == "continue") {
        return "authentik continues to the `next` URL when there is one, else shows a message";
    }
    return "authentik shows an access-denied message, or continues to the `next` URL when "
           "there is one";
}

class StagePlanner {
  public:
    StagePlanner(const FlowIndex& index, const PolicyContext& context, DryRun& run)
        : index_(index), context_(context), run_(run) {
        identified_ = run.identity.pending_user_at_start();
        planning_subject_ = run.flow_gate.evaluated_for;
    }

    void plan(ObjectId binding_id, std::size_t number) {
        const ObjectStore& store = index_.store();
        const StoredObject& binding = store.get(binding_id);
        StageStep step;
        step.number = number;
        step.binding = binding_id;
        step.location = binding.defined_at;
        step.order = binding_order(binding);
        if (auto label = member_label(store, binding.field("stage"))) {
            step.stage_type = label->display_name;
            step.stage_name = label->name;
            if (label->object) {
                step.identifies_user = stage_identifies_user(store.get(*label->object).model);
            } else if (const auto* external = binding.field("stage")->as<ExternalRef>()) {
                step.identifies_user = stage_identifies_user(external->model);
            }
        }
        const bool on_plan = flag(binding, "evaluate_on_plan");
        const bool on_reach = flag(binding, "re_evaluate_policies");
        step.check_time = on_plan && on_reach ? CheckTime::both
                          : on_plan           ? CheckTime::at_planning
                          : on_reach          ? CheckTime::when_reached
                                              : CheckTime::never;
        const auto mode = engine_mode_from(text_field(binding, "policy_engine_mode"));
        const auto bindings = index_.policy_bindings(binding_id);
        const std::string where = fmt::format("stage binding {} ({})", number, step.stage_name);

        if (on_plan) {
            step.at_planning = evaluate_gate(context_, bindings, mode, planning_subject_);
            warn_anonymous_bindings(*step.at_planning, where,
                                    "at planning, before anyone is identified", run_.warnings);
        }
        bool ambiguous = false;
        if (on_reach) {
            const Subject reached = identified_ ? Subject::pending(run_.identity.user.username)
                                                : Subject::anonymous_requester();
            step.when_reached = evaluate_gate(context_, bindings, mode, reached);
            if (!identified_ && maybe_identified_) {
                GateResult as_user = evaluate_gate(context_, bindings, mode,
                                                   Subject::pending(run_.identity.user.username));
                ambiguous = as_user.verdict != step.when_reached->verdict;
                if (ambiguous) {
                    as_user.verdict = Verdict::unknown;
                    step.when_reached = std::move(as_user);
                }
            } else {
                warn_anonymous_bindings(*step.when_reached, where,
                                        "when the stage is reached, no earlier stage has "
                                        "identified the user",
                                        run_.warnings);
            }
        }
        if (!on_plan && !on_reach && !bindings.empty()) {
            run_.warnings.push_back(
                {"never-evaluated",
                 fmt::format("{}: evaluate_on_plan and re_evaluate_policies are both false, so "
                             "its {} bound polic{} never evaluated: the stage always runs",
                             where, bindings.size(), bindings.size() == 1 ? "y is" : "ies are")});
        }
        decide(step, bindings.empty(), ambiguous);
        if (step.identifies_user && step.outcome == StageOutcome::planned) identified_ = true;
        if (step.identifies_user && step.outcome == StageOutcome::conditional) {
            maybe_identified_ = true;
        }
        run_.stages.push_back(std::move(step));
    }

  private:
    static void decide(StageStep& step, bool nothing_bound, bool ambiguous) {
        const Verdict at_planning = step.at_planning ? step.at_planning->verdict : Verdict::pass;
        const Verdict when_reached = step.when_reached ? step.when_reached->verdict : Verdict::pass;
        if (at_planning == Verdict::fail) {
            step.outcome = StageOutcome::skipped;
            step.decided = Decision::at_planning;
            step.reason = "its policies fail at planning, so authentik never plans it";
            return;
        }
        if (when_reached == Verdict::fail) {
            step.outcome = StageOutcome::skipped;
            step.decided = Decision::when_reached;
            step.reason = "its policies fail when the stage is reached, so authentik skips it";
            return;
        }
        if (at_planning == Verdict::unknown || when_reached == Verdict::unknown) {
            step.outcome = StageOutcome::conditional;
            const bool both = at_planning == Verdict::unknown && when_reached == Verdict::unknown;
            step.decided = both ? Decision::at_planning_and_when_reached
                           : at_planning == Verdict::unknown ? Decision::at_planning
                                                             : Decision::when_reached;
            step.reason = ambiguous ? "its policies give different results depending on whether "
                                      "an earlier conditional stage identifies the user"
                                    : "its policies depend on data known only at runtime";
            return;
        }
        step.outcome = StageOutcome::planned;
        switch (step.check_time) {
            case CheckTime::both:
                step.decided = Decision::at_planning_and_when_reached;
                step.reason = "its policies pass at planning and when the stage is reached";
                break;
            case CheckTime::at_planning:
                step.decided = Decision::at_planning;
                step.reason = "its policies pass at planning";
                break;
            case CheckTime::when_reached:
                step.decided = Decision::when_reached;
                step.reason = "its policies pass when the stage is reached";
                break;
            case CheckTime::never:
                step.decided = Decision::not_checked;
                step.reason = nothing_bound ? "no policies are bound to it"
                                            : "its policies are never checked";
                return;
        }
        if (nothing_bound) step.reason = "no policies are bound to it";
    }

    const FlowIndex& index_;
    const PolicyContext& context_;
    DryRun& run_;
    Subject planning_subject_;
    bool identified_ = false;
    bool maybe_identified_ = false;
};

void settle_outcome(DryRun& run) {
    std::size_t planned = 0, conditional = 0;
    for (const StageStep& step : run.stages) {
        if (step.outcome == StageOutcome::planned) ++planned;
        if (step.outcome == StageOutcome::conditional) ++conditional;
    }
    if (planned == 0 && conditional == 0) {
        run.outcome = FlowOutcome::empty;
        run.outcome_reason = "no stage runs";
        std::string message =
            "no stage runs: authentik ends the flow at once, as if it had finished, without an "
            "error";
        if (run.designation == "authentication") message += "; nobody is logged in";
        run.warnings.push_back({"empty-plan", std::move(message)});
        return;
    }
    if (run.authentication.verdict == Verdict::unknown) {
        run.outcome = FlowOutcome::conditional;
        run.outcome_reason = "the flow runs only if its authentication requirement is fulfilled";
        return;
    }
    if (run.flow_gate.verdict == Verdict::unknown) {
        run.outcome = FlowOutcome::conditional;
        run.outcome_reason = "the flow runs only if its policies pass";
        return;
    }
    if (conditional > 0) {
        run.outcome = FlowOutcome::conditional;
        run.outcome_reason = fmt::format("{} stage{} planned, {} conditional", planned,
                                         planned == 1 ? "" : "s", conditional);
        return;
    }
    run.outcome = FlowOutcome::runs;
    run.outcome_reason = fmt::format("{} stage{} planned", planned, planned == 1 ? "" : "s");
}

}  // namespace

std::string_view check_time_name(CheckTime time) {
    switch (time) {
        case CheckTime::at_planning: return "at_planning";
        case CheckTime::when_reached: return "when_reached";
        case CheckTime::both: return "both";
        case CheckTime::never: return "never";
    }
    return "never";
}

std::string_view stage_outcome_name(StageOutcome outcome) {
    switch (outcome) {
        case StageOutcome::planned: return "planned";
        case StageOutcome::skipped: return "skipped";
        case StageOutcome::conditional: return "conditional";
    }
    return "planned";
}

std::string_view decision_name(Decision decision) {
    switch (decision) {
        case Decision::at_planning: return "at_planning";
        case Decision::when_reached: return "when_reached";
        case Decision::at_planning_and_when_reached: return "at_planning_and_when_reached";
        case Decision::not_checked: return "not_checked";
    }
    return "not_checked";
}

std::string_view flow_outcome_name(FlowOutcome outcome) {
    switch (outcome) {
        case FlowOutcome::runs: return "runs";
        case FlowOutcome::conditional: return "conditional";
        case FlowOutcome::empty: return "empty";
        case FlowOutcome::denied: return "denied";
    }
    return "runs";
}

bool stage_identifies_user(std::string_view model) {
    const std::string name = to_lower(model);
    return name == "authentik_stages_identification.identificationstage" ||
           name == "authentik_stages_source.sourcestage" ||
           name == "authentik_stages_user_write.userwritestage";
}

DryRun plan_dry_run(const FlowIndex& index, ObjectId flow, const DryRunRequest& request) {
    const ObjectStore& store = index.store();
    const StoredObject& flow_object = store.get(flow);
    DryRun run;
    run.flow_slug = index.slug_of(flow);
    run.flow_name = text_field(flow_object, "name");
    run.designation = text_field(flow_object, "designation");
    run.denied_action = text_field(flow_object, "denied_action");
    run.identity = resolve_identity(store, request.identity, run.designation);
    const Identity& identity = run.identity;
    for (const std::string& note : identity.notes) run.warnings.push_back({"identity", note});
    if (identity.user.object && !identity.user.is_active) {
        run.warnings.push_back(
            {"inactive-user",
             fmt::format("{} is inactive (is_active: False) in the set: authentik would not let "
                         "them log in",
                         identity.user.username)});
    }
    run.requester = identity.requester_logged_in() ? Subject::logged_in(identity.user.username)
                                                   : Subject::anonymous_requester();
    if (identity.pending_user_at_start()) {
        run.pending_user_at_start = Subject::pending(identity.user.username);
    }

    run.authentication = check_authentication(text_field(flow_object, "authentication"), identity,
                                              run.requester, request.assumptions);
    const PolicyContext context{store, identity.user, request.assumptions};
    run.flow_gate = evaluate_gate(context, index.policy_bindings(flow),
                                  engine_mode_from(text_field(flow_object, "policy_engine_mode")),
                                  run.pending_user_at_start.value_or(run.requester));
    warn_anonymous_bindings(run.flow_gate, "the flow",
                            "the flow gate is checked before anyone is identified", run.warnings);

    const bool auth_fails = run.authentication.verdict == Verdict::fail;
    if (auth_fails || run.flow_gate.verdict == Verdict::fail) {
        run.outcome = FlowOutcome::denied;
        run.outcome_reason = auth_fails ? "the authentication requirement is not fulfilled"
                                        : "the flow's policies fail";
        run.warnings.push_back(
            {"flow-denied",
             fmt::format("the flow is denied ({}); its denied_action is {}: {}", run.outcome_reason,
                         run.denied_action, denied_action_meaning(run.denied_action))});
        return run;
    }

    StagePlanner planner(index, context, run);
    std::size_t number = 0;
    for (ObjectId binding : index.stage_bindings(flow)) planner.plan(binding, ++number);
    settle_outcome(run);
    return run;
}

}  // namespace flowprint
