#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "identity.h"
#include "object_store.h"

namespace flowprint {

/// A three-valued result: what a check gives, or `unknown` when it depends on
/// data only the live server has.
enum class Verdict { pass, fail, unknown };

std::string_view verdict_name(Verdict verdict);
/// `negate`: pass and fail swap, unknown stays unknown.
Verdict negated(Verdict verdict);

enum class EngineMode { any, all };

/// `all` for "all" (any case), else `any`, authentik's default.
EngineMode engine_mode_from(std::string_view text);
std::string_view engine_mode_name(EngineMode mode);

/// Combines the results of a gate's enabled bindings. `any`: pass if one
/// passes, fail if all fail; `all`: fail if one fails, pass if all pass;
/// otherwise unknown. No results: pass.
Verdict combine(std::span<const Verdict> results, EngineMode mode);

/// The identity a check is evaluated for: the anonymous requester (no user,
/// no groups, not a superuser), the logged-in requester, or the pending user.
struct Subject {
    enum class Role { anonymous, requester, pending_user };
    Role role = Role::anonymous;
    std::string username;  ///< empty for the anonymous requester or an unnamed user

    bool anonymous() const { return role == Role::anonymous; }
    static Subject anonymous_requester() { return {}; }
    static Subject logged_in(std::string name) { return {Role::requester, std::move(name)}; }
    static Subject pending(std::string name) { return {Role::pending_user, std::move(name)}; }
};

std::string_view subject_role_name(Subject::Role role);

/// What the command line settles that the blueprints cannot: assumed results
/// by policy name (and `redirect` / `outpost` for the authentication
/// requirement) and the requester's reputation score.
struct Assumptions {
    std::map<std::string, Verdict, std::less<>> results;
    std::int64_t reputation = 0;

    std::optional<Verdict> find(std::string_view name) const;
};

/// What a binding checks.
enum class BindingKind { policy, group, user, none };

std::string_view binding_kind_name(BindingKind kind);

/// One policy binding's result, with its reason and the identity it was
/// evaluated for.
struct BindingResult {
    ObjectId binding = 0;
    Location location;
    std::int64_t order = 0;
    BindingKind kind = BindingKind::none;
    std::string member;       ///< the group, the user or the policy name
    std::string member_type;  ///< "group", "user", or the policy's display name
    bool enabled = true;
    bool negate = false;
    bool failure_result = false;
    std::optional<Verdict> result;  ///< after `negate`; nothing when disabled
    std::string reason;
    Subject evaluated_for;
};

/// A list of policy bindings checked together with an engine mode: the flow
/// gate, or a stage binding's gate at one moment.
struct GateResult {
    EngineMode engine_mode = EngineMode::any;
    Verdict verdict = Verdict::pass;
    Subject evaluated_for;
    std::vector<BindingResult> bindings;
};

/// Everything a policy evaluation needs besides the bindings.
struct PolicyContext {
    const ObjectStore& store;
    const UserIdentity& user;
    const Assumptions& assumptions;
};

BindingResult evaluate_binding(const PolicyContext& context, ObjectId binding,
                               const Subject& subject);

GateResult evaluate_gate(const PolicyContext& context, std::span<const ObjectId> bindings,
                         EngineMode mode, const Subject& subject);

/// The names of the policies `--assume` may name: those the set defines and
/// those its bindings refer to by name without defining them.
std::vector<std::string> assumable_policy_names(const ObjectStore& store);

}  // namespace flowprint
