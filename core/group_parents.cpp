#include "group_parents.h"

#include <fmt/format.h>

#include "catalogue.h"

namespace flowprint {
namespace {

std::string group_name(const ObjectStore& store, ObjectId group) {
    const Value* name = store.get(group).field("name");
    return name ? python_str(*name) : fmt::format("<group {}>", group);
}

}  // namespace

std::vector<ObjectId> group_parents(const ObjectStore& store, ObjectId group) {
    std::vector<ObjectId> parents;
    auto add = [&](const Value& value) {
        const auto* ref = value.as<ObjectRef>();
        if (ref == nullptr || ref->id >= store.size()) return;
        const StoredObject& parent = store.get(ref->id);
        if (!parent.deleted && parent.model == models::group) parents.push_back(ref->id);
    };
    const StoredObject& object = store.get(group);
    if (const Value* parent = object.field("parent")) add(*parent);
    if (const Value* list = object.field("parents")) {
        if (const auto* items = list->as<Sequence>()) {
            for (const Value& item : *items) add(item);
        } else {
            add(*list);
        }
    }
    return parents;
}

void check_group_parent_cycles(const ObjectStore& store, Findings& findings) {
    enum class Mark : unsigned char { unseen, on_path, done };
    std::vector<Mark> marks(store.size(), Mark::unseen);
    struct Step {
        ObjectId group;
        std::vector<ObjectId> parents;
        std::size_t next = 0;
    };
    for (ObjectId start : store.of_model(models::group)) {
        if (store.get(start).deleted || marks[start] != Mark::unseen) continue;
        std::vector<Step> path;
        path.push_back(Step{start, group_parents(store, start)});
        marks[start] = Mark::on_path;
        while (!path.empty()) {
            Step& step = path.back();
            if (step.next == step.parents.size()) {
                marks[step.group] = Mark::done;
                path.pop_back();
                continue;
            }
            const ObjectId parent = step.parents[step.next++];
            if (marks[parent] == Mark::on_path) {
                std::string chain;
                bool in_cycle = false;
                for (const Step& each : path) {
                    in_cycle = in_cycle || each.group == parent;
                    if (in_cycle) chain += group_name(store, each.group) + " -> ";
                }
                chain += group_name(store, parent);
                findings.error("group-parent-cycle",
                               fmt::format("group parent cycle: {}; authentik cannot resolve the "
                                           "members of these groups",
                                           chain),
                               store.get(step.group).defined_at);
            } else if (marks[parent] == Mark::unseen) {
                marks[parent] = Mark::on_path;
                path.push_back(Step{parent, group_parents(store, parent)});
            }
        }
    }
}

}  // namespace flowprint
