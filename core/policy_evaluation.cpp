#include "policy_evaluation.h"

#include <fmt/format.h>

#include <algorithm>

#include "catalogue.h"
#include "flow_index.h"

namespace flowprint {
namespace {

constexpr std::string_view kDummyPolicy = "authentik_policies_dummy.dummypolicy";
constexpr std::string_view kEventMatcherPolicy =
    "authentik_policies_event_matcher.eventmatcherpolicy";
constexpr std::string_view kReputationPolicy = "authentik_policies_reputation.reputationpolicy";

struct Outcome {
    Verdict verdict;
    std::string reason;
};

std::string who(const Subject& subject) {
    if (subject.anonymous()) return "the anonymous requester";
    return subject.username.empty() ? std::string("the user") : subject.username;
}

const Value* set_field(const StoredObject& object, std::string_view name) {
    const Value* value = object.field(name);
    return value == nullptr || value->is_null() ? nullptr : value;
}

Outcome check_group(const PolicyContext& context, const Value& reference, std::string& member,
                    const Subject& subject) {
    const auto name = referenced_group_name(context.store, reference);
    member = name ? *name : python_str(reference);
    if (subject.anonymous()) {
        return {Verdict::fail, "the anonymous requester is in no group"};
    }
    if (!name) {
        return {Verdict::unknown, fmt::format("the group {} cannot be named offline", member)};
    }
    const EffectiveGroup* group = context.user.group(*name);
    if (group == nullptr) {
        return {Verdict::fail, fmt::format("{} is not a member of {}", who(subject), *name)};
    }
    if (group->source == GroupSource::ancestor) {
        return {Verdict::pass,
                fmt::format("{} is a member of {} through {}", who(subject), *name, group->via)};
    }
    return {Verdict::pass, fmt::format("{} is a member of {}", who(subject), *name)};
}

Outcome check_user(const PolicyContext& context, const Value& reference, std::string& member,
                   const Subject& subject) {
    std::optional<std::string> username;
    if (const auto* ref = reference.as<ObjectRef>()) {
        const StoredObject& object = context.store.get(ref->id);
        if (const Value* name = object.field(naming_field(models::user));
            name && object.model == models::user) {
            username = python_str(*name);
        }
    } else if (const auto* external = reference.as<ExternalRef>()) {
        // A user the server has: usernames are unique, so the name decides.
        if (external->model == models::user && !external->name.empty()) username = external->name;
    }
    member = username ? *username : python_str(reference);
    if (subject.anonymous()) {
        return {Verdict::fail, "the anonymous requester is no user"};
    }
    if (!username) {
        return {Verdict::unknown, fmt::format("the user {} is not defined in the set", member)};
    }
    if (subject.username.empty()) {
        return {Verdict::unknown, fmt::format("the binding is for {}; no --user names who is "
                                              "evaluated",
                                              *username)};
    }
    if (*username == subject.username) {
        return {Verdict::pass, fmt::format("the binding is for {}", *username)};
    }
    return {Verdict::fail,
            fmt::format("the binding is for {}, not {}", *username, subject.username)};
}

Outcome check_policy(const PolicyContext& context, const Value& reference, BindingResult& result) {
    const auto label = member_label(context.store, &reference);
    result.member = label->name;
    result.member_type = label->display_name;
    if (auto assumed = context.assumptions.find(label->name)) {
        return {*assumed, fmt::format("assumed {} (--assume)", verdict_name(*assumed))};
    }
    if (!label->object) {
        return {Verdict::unknown, "the policy is not defined in the set; decide with --assume " +
                                      label->name + "=pass|fail"};
    }
    const StoredObject& policy = context.store.get(*label->object);
    const std::string model = to_lower(policy.model);
    if (model == kDummyPolicy) {
        const auto value = field_or_default(policy, "result");
        const bool passes = value && truthy(*value);
        return {passes ? Verdict::pass : Verdict::fail,
                fmt::format("dummy policy with result {}", passes ? "True" : "False")};
    }
    if (model == kEventMatcherPolicy) {
        return {Verdict::fail, "an event matcher policy only matches events, and a flow has none"};
    }
    if (model == kReputationPolicy) {
        const auto value = field_or_default(policy, "threshold");
        const std::int64_t threshold = value ? as_integer(*value).value_or(-5) : -5;
        const std::int64_t score = context.assumptions.reputation;
        if (score <= threshold) {
            return {Verdict::pass,
                    fmt::format("reputation {} is at most the threshold {}", score, threshold)};
        }
        return {Verdict::fail,
                fmt::format("reputation {} is above the threshold {}", score, threshold)};
    }
    return {Verdict::unknown,
            fmt::format("depends on runtime data; decide with --assume {}=pass|fail", label->name)};
}

}  // namespace

std::string_view verdict_name(Verdict verdict) {
    switch (verdict) {
        case Verdict::pass: return "pass";
        case Verdict::fail: return "fail";
        case Verdict::unknown: return "unknown";
    }
    return "unknown";
}

Verdict negated(Verdict verdict) {
    switch (verdict) {
        case Verdict::pass: return Verdict::fail;
        case Verdict::fail: return Verdict::pass;
        case Verdict::unknown: return Verdict::unknown;
    }
    return Verdict::unknown;
}

EngineMode engine_mode_from(std::string_view text) {
    return to_lower(text) == "all" ? EngineMode::all : EngineMode::any;
}

std::string_view engine_mode_name(EngineMode mode) {
    return mode == EngineMode::all ? "all" : "any";
}

Verdict combine(std::span<const Verdict> results, EngineMode mode) {
    if (results.empty()) return Verdict::pass;
    const auto count = [&](Verdict v) { return std::count(results.begin(), results.end(), v); };
    if (mode == EngineMode::any) {
        if (count(Verdict::pass) > 0) return Verdict::pass;
        if (count(Verdict::fail) == static_cast<std::ptrdiff_t>(results.size()))
            return Verdict::fail;
        return Verdict::unknown;
    }
    if (count(Verdict::fail) > 0) return Verdict::fail;
    if (count(Verdict::pass) == static_cast<std::ptrdiff_t>(results.size())) return Verdict::pass;
    return Verdict::unknown;
}

std::string_view subject_role_name(Subject::Role role) {
    switch (role) {
        case Subject::Role::anonymous: return "anonymous";
        case Subject::Role::requester: return "requester";
        case Subject::Role::pending_user: return "pending_user";
    }
    return "anonymous";
}

std::optional<Verdict> Assumptions::find(std::string_view name) const {
    const auto found = results.find(name);
    if (found == results.end()) return std::nullopt;
    return found->second;
}

std::string_view binding_kind_name(BindingKind kind) {
    switch (kind) {
        case BindingKind::policy: return "policy";
        case BindingKind::group: return "group";
        case BindingKind::user: return "user";
        case BindingKind::none: return "none";
    }
    return "none";
}

BindingResult evaluate_binding(const PolicyContext& context, ObjectId binding,
                               const Subject& subject) {
    const StoredObject& object = context.store.get(binding);
    BindingResult result;
    result.binding = binding;
    result.location = object.defined_at;
    result.order = binding_order(object);
    result.enabled = flag(object, "enabled");
    result.negate = flag(object, "negate");
    result.failure_result = flag(object, "failure_result");
    result.evaluated_for = subject;

    Outcome outcome{Verdict::fail, "the binding has no policy, group or user"};
    if (const Value* policy = set_field(object, "policy")) {
        result.kind = BindingKind::policy;
        outcome = check_policy(context, *policy, result);
    } else if (const Value* group = set_field(object, "group")) {
        result.kind = BindingKind::group;
        result.member_type = "group";
        outcome = check_group(context, *group, result.member, subject);
    } else if (const Value* user = set_field(object, "user")) {
        result.kind = BindingKind::user;
        result.member_type = "user";
        outcome = check_user(context, *user, result.member, subject);
    }
    if (!result.enabled) {
        result.reason = "disabled: not evaluated";
        return result;
    }
    result.result = outcome.verdict;
    result.reason = std::move(outcome.reason);
    if (result.negate && outcome.verdict != Verdict::unknown) {
        result.result = negated(outcome.verdict);
        result.reason += fmt::format("; negated: {}", verdict_name(*result.result));
    } else if (result.negate) {
        result.reason += "; negated: still unknown";
    }
    return result;
}

GateResult evaluate_gate(const PolicyContext& context, std::span<const ObjectId> bindings,
                         EngineMode mode, const Subject& subject) {
    GateResult gate;
    gate.engine_mode = mode;
    gate.evaluated_for = subject;
    std::vector<Verdict> results;
    for (ObjectId binding : bindings) {
        gate.bindings.push_back(evaluate_binding(context, binding, subject));
        if (gate.bindings.back().result) results.push_back(*gate.bindings.back().result);
    }
    gate.verdict = combine(results, mode);
    return gate;
}

std::vector<std::string> assumable_policy_names(const ObjectStore& store) {
    std::vector<std::string> names;
    for (ObjectId id = 0; id < store.size(); ++id) {
        const StoredObject& object = store.get(id);
        if (object.deleted) continue;
        const ModelInfo* model = find_model(object.model);
        if (model && model->kind == ModelKind::policy) {
            if (const Value* name = object.field("name")) names.push_back(python_str(*name));
            continue;
        }
        if (to_lower(object.model) != models::policy_binding) continue;
        const Value* policy = object.field("policy");
        const auto* external = policy ? policy->as<ExternalRef>() : nullptr;
        if (external && !external->name.empty()) names.push_back(external->name);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

}  // namespace flowprint
