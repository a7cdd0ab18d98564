#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "object_store.h"

namespace flowprint {

/// How a flow is opened (SPEC 6): without a session, by a logged-in user, or
/// by a source login that brings the user along without a session.
enum class StartMode { anonymous, authenticated, via_source };

std::string_view start_mode_name(StartMode mode);
/// The start authentik's users get by default: flows designated
/// `authentication`, `enrollment` or `recovery` start anonymous, all others
/// authenticated.
StartMode default_start_for(std::string_view designation);

/// Who the dry run is for, as the command line says it.
struct IdentityRequest {
    std::string username;             ///< empty: no `--user` (an unnamed user)
    std::vector<std::string> groups;  ///< `--group`, comma lists already split
    bool superuser = false;           ///< `--superuser`
    std::optional<StartMode> start;   ///< nothing: by the flow's designation
};

/// How a group came to be among the user's effective groups.
enum class GroupSource {
    option,       ///< `--group`
    user_groups,  ///< the `groups` of the user defined in the set
    group_users,  ///< the group's own `users` list names the user
    ancestor,     ///< a `parent`/`parents` of another effective group
};

std::string_view group_source_name(GroupSource source);

/// One group the user counts as a member of, and why.
struct EffectiveGroup {
    std::string name;
    GroupSource source = GroupSource::option;
    std::string via;  ///< for an ancestor: the child group it is the parent of
    bool defined_in_set = false;
    bool is_superuser = false;
    int depth = 0;  ///< 0 for direct groups, 1 for their parents, ...
};

/// The user the flow is about, with everything the set and the command line
/// tell about them.
struct UserIdentity {
    std::string username;            ///< empty when no `--user` was given
    std::optional<ObjectId> object;  ///< the `authentik_core.user` of the set
    bool is_active = true;
    std::vector<EffectiveGroup> groups;  ///< direct groups first, then ancestors
    bool superuser = false;
    std::string superuser_because;  ///< "--superuser" or "group admins"

    bool in_group(std::string_view name) const;
    const EffectiveGroup* group(std::string_view name) const;
};

/// Who opens the flow and who it is about.
struct Identity {
    StartMode start = StartMode::anonymous;
    bool start_by_designation = false;  ///< no start option: chosen from the designation
    UserIdentity user;
    std::vector<std::string> notes;  ///< what the reader should know (ancestry cut short, ...)

    /// The requester is logged in (only when the flow is opened authenticated).
    bool requester_logged_in() const { return start == StartMode::authenticated; }
    /// The pending user exists from the start (authenticated or via a source).
    bool pending_user_at_start() const { return start != StartMode::anonymous; }
};

/// Effective groups follow `parent`/`parents` at most this deep.
inline constexpr int kMaxGroupDepth = 20;

/// Builds the identity from the request and the users and groups of the set.
Identity resolve_identity(const ObjectStore& store, const IdentityRequest& request,
                          std::string_view designation);

/// The name of the group a reference points at (a group of the set, or a
/// `!Find` with a `name`), if it can be told offline.
std::optional<std::string> referenced_group_name(const ObjectStore& store, const Value& reference);

}  // namespace flowprint
