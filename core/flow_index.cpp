#include "flow_index.h"

#include <algorithm>

#include "catalogue.h"

namespace flowprint {

std::int64_t binding_order(const StoredObject& binding) {
    const Value* order = binding.field("order");
    if (order == nullptr) return 0;
    return as_integer(*order).value_or(0);
}

std::optional<Value> field_or_default(const StoredObject& object, std::string_view field) {
    if (const Value* value = object.field(field)) return *value;
    return field_default(object.model, field);
}

bool flag(const StoredObject& object, std::string_view field) {
    const auto value = field_or_default(object, field);
    return value && truthy(*value);
}

FlowIndex::FlowIndex(const ObjectStore& store) : store_(store) {
    for (ObjectId id = 0; id < store.size(); ++id) {
        const StoredObject& object = store.get(id);
        if (object.deleted) continue;
        if (object.model == "authentik_flows.flow") {
            flows_.push_back(id);
            continue;
        }
        const bool stage_binding = object.model == "authentik_flows.flowstagebinding";
        if (!stage_binding && object.model != "authentik_policies.policybinding") continue;
        const Value* target = object.field("target");
        const auto* ref = target ? target->as<ObjectRef>() : nullptr;
        if (ref == nullptr) continue;
        (stage_binding ? stage_bindings_ : policy_bindings_)[ref->id].push_back(id);
    }
    auto by_order = [&](ObjectId a, ObjectId b) {
        const auto oa = binding_order(store.get(a)), ob = binding_order(store.get(b));
        return oa != ob ? oa < ob : a < b;
    };
    for (auto& [flow, bindings] : stage_bindings_)
        std::sort(bindings.begin(), bindings.end(), by_order);
    for (auto& [target, bindings] : policy_bindings_)
        std::sort(bindings.begin(), bindings.end(), by_order);
}

std::optional<ObjectId> FlowIndex::flow_by_slug(std::string_view slug) const {
    for (ObjectId flow : flows_) {
        if (slug_of(flow) == slug) return flow;
    }
    return std::nullopt;
}

std::string FlowIndex::slug_of(ObjectId flow) const {
    const Value* slug = store_.get(flow).field("slug");
    return slug ? python_str(*slug) : std::string();
}

std::span<const ObjectId> FlowIndex::stage_bindings(ObjectId flow) const {
    auto found = stage_bindings_.find(flow);
    if (found == stage_bindings_.end()) return {};
    return found->second;
}

std::span<const ObjectId> FlowIndex::policy_bindings(ObjectId target) const {
    auto found = policy_bindings_.find(target);
    if (found == policy_bindings_.end()) return {};
    return found->second;
}

std::optional<MemberLabel> member_label(const ObjectStore& store, const Value* reference) {
    if (reference == nullptr || reference->is_null()) return std::nullopt;
    auto display_of = [](std::string_view model) {
        const ModelInfo* info = find_model(model);
        if (info && !info->display_name.empty()) return std::string(info->display_name);
        return std::string(model);
    };
    MemberLabel label;
    if (const auto* ref = reference->as<ObjectRef>()) {
        const StoredObject& object = store.get(ref->id);
        label.object = ref->id;
        label.display_name = display_of(object.model);
        if (const Value* name = object.field("name")) label.name = python_str(*name);
        return label;
    }
    label.guessed = true;
    if (const auto* external = reference->as<ExternalRef>()) {
        label.display_name = external->model.empty() ? "External" : display_of(external->model);
        label.name = external->name.empty() ? external->written : external->name;
        return label;
    }
    label.display_name = "External";
    label.name = python_str(*reference);
    return label;
}

}  // namespace flowprint
