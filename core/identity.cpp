#include "identity.h"

#include <fmt/format.h>

#include "catalogue.h"
#include "flow_index.h"

namespace flowprint {
namespace {

std::optional<ObjectId> live_object(const ObjectStore& store, std::string_view model,
                                    std::string_view field, std::string_view value) {
    const auto found = store.with_field(model, field, Value{std::string(value)});
    if (found.empty()) return std::nullopt;
    return found.front();
}

/// Each element of a list field, or the field itself when it is one value.
std::vector<const Value*> elements(const Value* field) {
    std::vector<const Value*> out;
    if (field == nullptr || field->is_null()) return out;
    if (const auto* list = field->as<Sequence>()) {
        for (const Value& item : *list) out.push_back(&item);
    } else {
        out.push_back(field);
    }
    return out;
}

class GroupCollector {
  public:
    GroupCollector(const ObjectStore& store, Identity& identity)
        : store_(store), identity_(identity) {}

    void add(std::string name, GroupSource source, std::string via, int depth) {
        if (identity_.user.in_group(name)) return;
        EffectiveGroup group;
        group.name = std::move(name);
        group.source = source;
        group.via = std::move(via);
        group.depth = depth;
        if (auto object = live_object(store_, models::group, "name", group.name)) {
            group.defined_in_set = true;
            group.is_superuser = flag(store_.get(*object), "is_superuser");
        }
        identity_.user.groups.push_back(std::move(group));
    }

    void add_reference(const Value& reference, GroupSource source, std::string_view owner) {
        if (auto name = referenced_group_name(store_, reference)) {
            add(std::move(*name), source, "", 0);
            return;
        }
        identity_.notes.push_back(fmt::format(
            "a group of {} is a reference flowprint cannot name offline ({}); it is left out",
            owner, python_str(reference)));
    }

    /// Walks up `parent`/`parents` breadth first; each group is added once,
    /// so a cycle ends the walk.
    void add_ancestors() {
        for (std::size_t i = 0; i < identity_.user.groups.size(); ++i) {
            const EffectiveGroup child = identity_.user.groups[i];
            if (!child.defined_in_set) continue;
            const auto object = live_object(store_, models::group, "name", child.name);
            const StoredObject& group = store_.get(*object);
            std::vector<const Value*> parents = elements(group.field("parent"));
            for (const Value* parent : elements(group.field("parents"))) parents.push_back(parent);
            for (const Value* parent : parents) {
                auto name = referenced_group_name(store_, *parent);
                if (!name) continue;
                if (child.depth + 1 > kMaxGroupDepth) {
                    if (!identity_.user.in_group(*name)) {
                        identity_.notes.push_back(fmt::format(
                            "group ancestry is followed {} levels deep: the parent '{}' of '{}' "
                            "is left out",
                            kMaxGroupDepth, *name, child.name));
                    }
                    continue;
                }
                add(std::move(*name), GroupSource::ancestor, child.name, child.depth + 1);
            }
        }
    }

  private:
    const ObjectStore& store_;
    Identity& identity_;
};

}  // namespace

std::string_view start_mode_name(StartMode mode) {
    switch (mode) {
        case StartMode::anonymous: return "anonymous";
        case StartMode::authenticated: return "authenticated";
        case StartMode::via_source: return "via-source";
    }
    return "anonymous";
}

StartMode default_start_for(std::string_view designation) {
    if (designation == "authentication" || designation == "enrollment" ||
        designation == "recovery") {
        return StartMode::anonymous;
    }
    return StartMode::authenticated;
}

std::string_view group_source_name(GroupSource source) {
    switch (source) {
        case GroupSource::option: return "option";
        case GroupSource::user_groups: return "user";
        case GroupSource::group_users: return "group_users";
        case GroupSource::ancestor: return "ancestor";
    }
    return "option";
}

const EffectiveGroup* UserIdentity::group(std::string_view name) const {
    for (const EffectiveGroup& candidate : groups) {
        if (candidate.name == name) return &candidate;
    }
    return nullptr;
}

bool UserIdentity::in_group(std::string_view name) const { return group(name) != nullptr; }

std::optional<std::string> referenced_group_name(const ObjectStore& store, const Value& reference) {
    if (const auto* ref = reference.as<ObjectRef>()) {
        const StoredObject& object = store.get(ref->id);
        if (object.model != models::group) return std::nullopt;
        const Value* name = object.field("name");
        if (name == nullptr) return std::nullopt;
        return python_str(*name);
    }
    if (const auto* external = reference.as<ExternalRef>()) {
        if (external->model == models::group && !external->name.empty()) return external->name;
    }
    return std::nullopt;
}

Identity resolve_identity(const ObjectStore& store, const IdentityRequest& request,
                          std::string_view designation) {
    Identity identity;
    identity.start_by_designation = !request.start.has_value();
    identity.start = request.start.value_or(default_start_for(designation));
    UserIdentity& user = identity.user;
    user.username = request.username;
    GroupCollector groups(store, identity);

    if (!user.username.empty()) {
        user.object = live_object(store, models::user, "username", user.username);
    }
    if (user.object) {
        const StoredObject& object = store.get(*user.object);
        user.is_active = flag(object, "is_active");
        for (const Value* group : elements(object.field("groups"))) {
            groups.add_reference(*group, GroupSource::user_groups, user.username);
        }
        for (ObjectId id : store.of_model(models::group)) {
            const StoredObject& group = store.get(id);
            if (group.deleted) continue;
            for (const Value* member : elements(group.field("users"))) {
                const auto* ref = member->as<ObjectRef>();
                if (ref == nullptr || ref->id != *user.object) continue;
                if (const Value* name = group.field("name")) {
                    groups.add(python_str(*name), GroupSource::group_users, "", 0);
                }
            }
        }
    }
    for (const std::string& name : request.groups) {
        groups.add(name, GroupSource::option, "", 0);
    }
    groups.add_ancestors();

    if (request.superuser) {
        user.superuser = true;
        user.superuser_because = "--superuser";
    } else {
        for (const EffectiveGroup& group : user.groups) {
            if (!group.is_superuser) continue;
            user.superuser = true;
            user.superuser_because = "group " + group.name;
            break;
        }
    }
    return identity;
}

}  // namespace flowprint
